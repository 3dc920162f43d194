/**
 * Step 6, the extended model, as patches of the lab's state (the maths is
 * src/models/consolidation/extendedModel): held-out digits become traces (latent code +
 * the pixels the VAE predicts badly), and one of them is recalled from its
 * top half through the modern Hopfield network over the traces.
 */
import type { Pace } from '../../core/pace';
import type { ImageSet } from '../../models/consolidation/consolidation';
import {
  SWEEP_TRACES,
  buildTraces,
  predictEpisodes,
  recallExtended,
  sweepProbes,
  sweepThresholds,
  topHalfCues,
  traceSize,
  vaeRecallError,
  type PredictedEpisodes,
} from '../../models/consolidation/extendedModel';
import type { Vae } from '../../models/consolidation/vae';
import type { Patch } from './explore';

/** mu(x) and decode(mu(x)) of the first SWEEP_TRACES held-out digits (paced by `pace`). */
export function predictTraces(
  vae: Vae,
  heldOut: ImageSet,
  pace?: Pace,
): Promise<PredictedEpisodes> {
  const n = Math.min(SWEEP_TRACES, heldOut.n);
  return predictEpisodes(vae, heldOut.images.slice(0, n * heldOut.d), n, pace);
}

/** Episode `index` stored at `threshold`, and recalled from its top half. */
export async function extendedView(
  vae: Vae,
  ep: PredictedEpisodes,
  labels: Uint8Array,
  threshold: number,
  index: number,
): Promise<Patch> {
  const { d } = ep;
  const traces = buildTraces(ep, threshold);
  const { cues, visible } = topHalfCues(ep.images, [index], d);
  const r = await recallExtended(vae, traces, cues, visible, 1);
  const episode = ep.images.slice(index * d, (index + 1) * d);
  let err = 0;
  for (let j = 0; j < d; j++) err += Math.abs(r.images[j] - episode[j]);
  return {
    extended: {
      threshold,
      index,
      label: labels[index],
      episode,
      prediction: ep.predictions.slice(index * d, (index + 1) * d),
      mask: Float32Array.from(traces.mask.subarray(index * d, (index + 1) * d)),
      cue: cues,
      recalled: r.images,
      stored: traces.stored[index],
      valuesPerTrace: traceSize(traces, index),
      error: err / d,
      ownTrace: r.winner[0] === index,
      traces: ep.n,
    },
  };
}

/** The sweep over SWEEP_THRESHOLDS, and the VAE alone as the reference. */
export async function extendedSweep(vae: Vae, ep: PredictedEpisodes): Promise<Patch> {
  const probes = sweepProbes(ep.n);
  const points = await sweepThresholds(vae, ep, probes);
  const vaeOnly = await vaeRecallError(vae, ep, probes);
  return { extendedSweep: { points, vaeOnly, traces: ep.n, probes: probes.length } };
}
