/**
 * Few-shot learning (SCIENCE.md section 3, step 5): with n labelled examples,
 * a linear read-out (./linearReadout) on the VAE's latent means against one
 * on raw pixels, both scored on the same fixed test set.
 *
 * Sampling: one seeded order of the training items, balanced by class (a
 * round-robin over the classes, each class's items in a shuffled order), and
 * the first n of it for every n. The sets are nested (the 30 include the 10),
 * and n = 10 on 10 classes is one example per class. With `repeats` > 1 each
 * repeat draws a fresh order from the same seed stream and the accuracies
 * are averaged.
 *
 * Read-out settings: both use fitLogistic's defaults except that raw pixels
 * are not standardised (they already share one scale, [0, 1], and z-scoring
 * a pixel from a handful of examples amplifies noise: on 1000 MNIST digits it
 * cost the pixel read-out 2 to 5 points of accuracy at n = 10..100). The
 * choice favours the pixel baseline, so a latent win is not an artefact of it.
 */
import { createRng, shuffle, type Rng } from '../../core/random';
import { accuracy, fitLogistic, type LogisticOptions } from './linearReadout';

/** One representation of a labelled set: n rows of dim features. */
export interface FeatureSet {
  readonly features: Float32Array;
  readonly dim: number;
}

export interface FewShotInput {
  /** The same training items (same order) in both representations. */
  readonly train: { readonly latent: FeatureSet; readonly pixels: FeatureSet };
  readonly trainLabels: Uint8Array;
  readonly test: { readonly latent: FeatureSet; readonly pixels: FeatureSet };
  readonly testLabels: Uint8Array;
  readonly classes: number;
}

export interface FewShotOptions {
  /** Training-set sizes, e.g. [10, 30, 100, 300, 1000]; each <= the training items. */
  readonly sizes: readonly number[];
  readonly seed: number;
  /** Orders drawn and averaged over. Default 1. */
  readonly repeats?: number;
  /** fitLogistic options per representation (defaults: FEW_SHOT_READOUT). */
  readonly readout?: { readonly latent?: LogisticOptions; readonly pixels?: LogisticOptions };
}

export interface FewShotPoint {
  readonly n: number;
  /** Test accuracy of the read-out on latent means, in [0, 1]. */
  readonly latent: number;
  /** Test accuracy of the read-out on raw pixels, in [0, 1]. */
  readonly pixels: number;
}

export const FEW_SHOT_READOUT: {
  readonly latent: LogisticOptions;
  readonly pixels: LogisticOptions;
} = { latent: { standardise: true }, pixels: { standardise: false } };

export function fewShotCurve(input: FewShotInput, options: FewShotOptions): FewShotPoint[] {
  const { train, trainLabels, test, testLabels, classes } = input;
  const total = trainLabels.length;
  for (const n of options.sizes) {
    if (!Number.isInteger(n) || n < 1 || n > total) {
      throw new RangeError(`few-shot size ${n} is outside 1..${total}`);
    }
  }
  const repeats = options.repeats ?? 1;
  const rng = createRng(options.seed);
  const sums = options.sizes.map(() => ({ latent: 0, pixels: 0 }));
  for (let r = 0; r < repeats; r++) {
    const order = balancedOrder(trainLabels, classes, rng);
    options.sizes.forEach((n, s) => {
      const pick = order.subarray(0, n);
      const labels = Uint8Array.from(pick, (i) => trainLabels[i]);
      for (const kind of ['latent', 'pixels'] as const) {
        const { features, dim } = train[kind];
        const readout = options.readout?.[kind] ?? FEW_SHOT_READOUT[kind];
        const model = fitLogistic(gather(features, dim, pick), n, dim, labels, classes, readout);
        sums[s][kind] += accuracy(model, test[kind].features, testLabels);
      }
    });
  }
  return options.sizes.map((n, s) => ({
    n,
    latent: sums[s].latent / repeats,
    pixels: sums[s].pixels / repeats,
  }));
}

/**
 * All item indices, class-balanced: round r lists the r-th item (in a
 * shuffled per-class order) of every class that still has one, classes in
 * a shuffled order each round.
 */
export function balancedOrder(labels: Uint8Array, classes: number, rng: Rng): Int32Array {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((c, i) => byClass[c].push(i));
  for (const items of byClass) shuffle(items, rng);
  const out = new Int32Array(labels.length);
  const classOrder = Array.from({ length: classes }, (_, c) => c);
  let o = 0;
  for (let round = 0; o < out.length; round++) {
    shuffle(classOrder, rng);
    for (const c of classOrder) if (round < byClass[c].length) out[o++] = byClass[c][round];
  }
  return out;
}

/** Rows idx of an n x dim array -> idx.length x dim. */
function gather(x: Float32Array, dim: number, idx: Int32Array): Float32Array {
  const out = new Float32Array(idx.length * dim);
  idx.forEach((i, r) => out.set(x.subarray(i * dim, (i + 1) * dim), r * dim));
  return out;
}
