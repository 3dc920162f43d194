/**
 * Exploring a trained VAE: what the latent map's hover, click and drag show,
 * imagination, and recall from a partial cue. Each function computes a patch
 * of the lab's state; the runner applies it if the VAE is still the one on
 * screen.
 */
import type { Pace } from '../../core/pace';
import { createRng } from '../../core/random';
import { MNIST_SIDE } from '../../data/mnist';
import { hippocampusBeta, type ImageSet } from '../../models/consolidation/consolidation';
import {
  distortionOnHeldOut,
  fewShotOnHeldOut,
} from '../../models/consolidation/consolidationEval';
import type { StoredPatterns } from '../../models/modern/modernHopfield';
import { recallFromPartialCue } from '../../models/consolidation/partialRecall';
import { fromComponents } from '../../models/consolidation/pca';
import { mixSeed, type Vae } from '../../models/consolidation/vae';
import type { ConsolidationState, MapFrame } from './store';

export type Patch = Partial<ConsolidationState>;

/** n images laid end to end, d = flat.length / n values each, as one array per image. */
export const rows = (flat: Float32Array, n: number): Float32Array[] => {
  const d = flat.length / n;
  return Array.from({ length: n }, (_, k) => flat.slice(k * d, (k + 1) * d));
};

/**
 * Points of the map's plane (n x 2) -> latents (n x L): the same numbers
 * when L = 2, else m + c1 u1 + c2 u2 through the map's PCA.
 */
export function planeToLatent(frame: MapFrame, plane: Float32Array): Float32Array {
  if (!frame.pca) return plane;
  const { mean, components } = frame.pca;
  return fromComponents({ dim: frame.latentSize, k: 2, mean, components }, plane);
}

/** Click on the plane: decode that latent point. */
export async function decodePoint(vae: Vae, frame: MapFrame, z: [number, number]): Promise<Patch> {
  const image = await vae.decodeLatents(planeToLatent(frame, Float32Array.from(z)), 1);
  return { probe: { kind: 'decoded', z, image, original: null, label: null } };
}

/** Hover a held-out digit: it and its reconstruction. */
export async function probeDigit(
  vae: Vae,
  heldOut: ImageSet,
  points: Float32Array,
  i: number,
): Promise<Patch> {
  const original = heldOut.images.slice(i * heldOut.d, (i + 1) * heldOut.d);
  const image = await vae.reconstructImages(original, 1);
  const z: [number, number] = [points[2 * i], points[2 * i + 1]];
  return { probe: { kind: 'digit', z, image, original, label: heldOut.labels[i] } };
}

/** Decodes `steps` evenly spaced plane points from a to b (straight in the latent space too). */
export async function interpolation(
  vae: Vae,
  frame: MapFrame,
  a: [number, number],
  b: [number, number],
  steps = 10,
): Promise<Patch> {
  const z = new Float32Array(2 * steps);
  for (let k = 0; k < steps; k++) {
    const t = k / (steps - 1);
    z[2 * k] = a[0] + t * (b[0] - a[0]);
    z[2 * k + 1] = a[1] + t * (b[1] - a[1]);
  }
  return { interpolation: rows(await vae.decodeLatents(planeToLatent(frame, z), steps), steps) };
}

/** Imagination: decode 16 draws from the prior N(0, I). */
export async function imagination(vae: Vae, seed: number): Promise<Patch> {
  return { imagination: rows(await vae.sample(16, seed), 16) };
}

/** Recall stored episode number `draw` (seeded) from its top half, through both memories. */
export async function partialRecall(
  vae: Vae,
  memory: StoredPatterns,
  episodes: ImageSet,
  seed: number,
  draw: number,
): Promise<Patch> {
  const k = createRng(mixSeed(seed, 200 + draw)).int(episodes.n);
  const truth = episodes.images.slice(k * episodes.d, (k + 1) * episodes.d);
  const r = await recallFromPartialCue(memory, vae, truth, {
    hidden: MNIST_SIDE / 2,
    beta: hippocampusBeta(episodes.d),
  });
  return { partial: { ...r, truth, index: k, label: episodes.labels[k] } };
}

/** Within-class variance of reconstructions against originals, per class. */
export async function distortion(vae: Vae, heldOut: ImageSet): Promise<Patch> {
  const d = await distortionOnHeldOut(vae, heldOut);
  return {
    distortion: {
      originals: Array.from(d.originals),
      reconstructions: Array.from(d.reconstructions),
      ratio: d.ratio,
    },
  };
}

/** Labelled-digit counts of the page's few-shot comparison. */
export const PAGE_FEW_SHOT_SIZES = [10, 30, 100, 300] as const;

/**
 * Read-out accuracy on latents against raw pixels for 10 to 300 labelled
 * digits, each read-out, averaged over FEW_SHOT_REPEATS draws (as the
 * command line does); one fit per task on `pace`.
 */
export async function fewShot(
  vae: Vae,
  heldOut: ImageSet,
  seed: number,
  pace?: Pace,
): Promise<Patch> {
  return { fewShot: await fewShotOnHeldOut(vae, heldOut, seed, PAGE_FEW_SHOT_SIZES, {}, pace) };
}
