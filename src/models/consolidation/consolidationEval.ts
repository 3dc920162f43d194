/**
 * How the Consolidation lab measures its neocortex, on held-out digits that
 * were never stored or replayed (conventions in ./consolidation): the
 * reconstruction error and KL through the latent mean, semantic decoding
 * accuracy of a logistic read-out on the latent means, prototypical
 * distortion, and the few-shot curve (latents against raw pixels).
 */
import { UNPACED, type Pace } from '../../core/pace';
import { prototypicalDistortion, type DistortionResult } from './distortion';
import { fewShotCurvePaced, type FewShotOptions, type FewShotPoint } from './fewShot';
import { accuracy, fitLogistic } from './linearReadout';
import type { ImageSet } from './consolidation';
import type { Vae } from './vae';

/** Digit classes. */
export const CLASSES = 10;
/** Labelled-example counts of the few-shot curve. */
export const FEW_SHOT_SIZES = [10, 30, 100, 300, 1000] as const;

export interface EpochEvaluation {
  /** BCE through the latent mean, nats per held-out image. */
  readonly reconError: number;
  /** mean |x - xhat| on held-out pixels in [0, 1]. */
  readonly meanAbsError: number;
  readonly kl: number;
  readonly decodingAccuracy: number;
}

/**
 * Held-out reconstruction error, KL and semantic decoding accuracy (a
 * logistic read-out on the latent means of the first `labelled` digits,
 * scored on the others). `pace` paces the passes over the digits.
 */
export async function evaluateVae(
  vae: Vae,
  heldOut: ImageSet,
  labelled: number,
  pace?: Pace,
): Promise<EpochEvaluation> {
  if (labelled < 1 || labelled >= heldOut.n) {
    throw new RangeError(`labelled ${labelled} must be in 1..${heldOut.n - 1}`);
  }
  const ev = await vae.evaluate(heldOut.images, heldOut.n, pace);
  const means = await vae.encodeMeans(heldOut.images, heldOut.n, pace);
  await pace?.pause();
  const decodingAccuracy = decodeAccuracy(means, vae.config.latentSize, heldOut.labels, labelled);
  return { reconError: ev.recon, meanAbsError: ev.meanAbsError, kl: ev.kl, decodingAccuracy };
}

/** Logistic read-out on the first `labelled` rows of features, accuracy on the rest. */
export function decodeAccuracy(
  features: Float32Array,
  dim: number,
  labels: Uint8Array,
  labelled: number,
): number {
  const n = labels.length;
  const model = fitLogistic(
    features.subarray(0, labelled * dim),
    labelled,
    dim,
    labels.subarray(0, labelled),
    CLASSES,
  );
  return accuracy(model, features.subarray(labelled * dim, n * dim), labels.subarray(labelled));
}

/** Draws of the labelled examples the few-shot accuracies are averaged over. */
export const FEW_SHOT_REPEATS = 5;

/**
 * Few-shot: labelled pool = first half of the held-out digits, test = second
 * half; each accuracy is the mean over `options.repeats` (FEW_SHOT_REPEATS)
 * draws of the labelled examples, for each read-out (./fewShot).
 */
export async function fewShotOnHeldOut(
  vae: Vae,
  heldOut: ImageSet,
  seed: number,
  sizes: readonly number[] = FEW_SHOT_SIZES,
  options: Pick<FewShotOptions, 'repeats' | 'readout' | 'readouts'> = {},
  pace: Pace = UNPACED,
): Promise<FewShotPoint[]> {
  const half = Math.floor(heldOut.n / 2);
  const { d } = heldOut;
  const l = vae.config.latentSize;
  const means = await vae.encodeMeans(heldOut.images, heldOut.n, pace);
  const usable = [...new Set(sizes.map((s) => Math.min(s, half)))].filter((s) => s >= 1);
  return fewShotCurvePaced(
    {
      train: {
        latent: { features: means.subarray(0, half * l), dim: l },
        pixels: { features: heldOut.images.subarray(0, half * d), dim: d },
      },
      trainLabels: heldOut.labels.subarray(0, half),
      test: {
        latent: { features: means.subarray(half * l, heldOut.n * l), dim: l },
        pixels: { features: heldOut.images.subarray(half * d, heldOut.n * d), dim: d },
      },
      testLabels: heldOut.labels.subarray(half),
      classes: CLASSES,
    },
    { repeats: FEW_SHOT_REPEATS, ...options, sizes: usable, seed },
    pace,
  );
}

/** Within-class variance of reconstructions against originals (held-out digits). */
export async function distortionOnHeldOut(vae: Vae, heldOut: ImageSet): Promise<DistortionResult> {
  const recon = await vae.reconstructImages(heldOut.images, heldOut.n);
  return prototypicalDistortion(
    heldOut.images,
    recon,
    heldOut.n,
    heldOut.d,
    heldOut.labels,
    CLASSES,
  );
}
