/**
 * The first field pass of recall on a big dense W (64 x 64 Storkey or
 * Krauth-Mezard: h = W s over 16 M weights, about 100 ms on a loaded
 * machine) in chunks of rows on the page's pace, so starting recall holds
 * no task long. The Stepper then starts from these fields (the same sums).
 */
import { inChunks } from '../../core/pace';
import { pagePace } from '../../engine/pace';
import type { Network } from '../../models/classic/hopfield';
import { DenseNetwork } from '../../models/classic/networks';

/** Worth chunking: a W of at least this many weights (45 x 45 units and up). */
const MIN_WEIGHTS = 4e6;

export function needsPacedFields(net: Network): net is DenseNetwork {
  return net instanceof DenseNetwork && net.d * net.d >= MIN_WEIGHTS;
}

/** h = W s in chunks; null if `cancelled` turned true on the way. */
export async function pacedFields(
  net: DenseNetwork,
  s: Int8Array,
  cancelled: () => boolean,
): Promise<Float64Array | null> {
  const out = new Float64Array(net.d);
  const cue = s.slice();
  await inChunks(pagePace(), 'hopfield-fields', net.d, 512, (start, count) => {
    if (!cancelled()) net.fieldsOf(cue, out, start, count);
  });
  return cancelled() ? null : out;
}
