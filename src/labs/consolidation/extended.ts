/**
 * Step 6, the extended model, as patches of the lab's state (the maths is
 * src/models/extendedModel): held-out digits become traces (latent code +
 * the pixels the VAE predicts badly), and one of them is recalled from its
 * top half through the modern Hopfield network over the traces.
 */
import type { ImageSet } from '../../models/consolidation/consolidation';
import {
  buildTraces,
  predictEpisodes,
  recallExtended,
  sweepThresholds,
  topHalfCues,
  traceSize,
  vaeRecallError,
  type PredictedEpisodes,
} from '../../models/consolidation/extendedModel';
import type { Vae } from '../../models/consolidation/vae';
import type { Patch } from './explore';

/** Held-out digits stored as traces of the extended model. */
export const TRACES = 500;
/** Of those, every PROBE_STEP-th is recalled in the sweep. */
export const PROBE_STEP = 5;

/** mu(x) and decode(mu(x)) of the first TRACES held-out digits. */
export function predictTraces(vae: Vae, heldOut: ImageSet): Promise<PredictedEpisodes> {
  const n = Math.min(TRACES, heldOut.n);
  return predictEpisodes(vae, heldOut.images.slice(0, n * heldOut.d), n);
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
  const probes = Array.from({ length: Math.ceil(ep.n / PROBE_STEP) }, (_, i) => i * PROBE_STEP);
  const points = await sweepThresholds(vae, ep, probes);
  const vaeOnly = await vaeRecallError(vae, ep, probes);
  return { extendedSweep: { points, vaeOnly, traces: ep.n, probes: probes.length } };
}
