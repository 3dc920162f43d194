/**
 * Few-shot learning (SCIENCE.md section 3, step 5): with n labelled examples,
 * a read-out on the VAE's latent means against the same read-out on raw
 * pixels, both scored on the same fixed test set. Two read-outs, each
 * reported: `logistic` (multinomial logistic regression, ./linearReadout)
 * and `nearestMean` (nearest class mean, ./nearestMean).
 *
 * Sampling: one seeded order of the training items, balanced by class (a
 * round-robin over the classes, each class's items in a shuffled order), and
 * the first n of it for every n. The sets are nested (the 30 include the 10),
 * and n = 10 on 10 classes is one example per class. With `repeats` > 1 each
 * repeat draws a fresh order from the same seed stream and the accuracies
 * are averaged.
 *
 * Read-out settings: the logistic read-out uses fitLogistic's defaults
 * except that neither representation is standardised. Raw pixels already
 * share one scale, [0, 1], and z-scoring a pixel from a handful of examples
 * amplifies noise (on 1000 MNIST digits it cost the pixel read-out 2 to 5
 * points at n = 10..100). Latent means share the prior's scale, and
 * z-scoring them cost the latent read-out 0.14 at n = 10 (0.33 against
 * 0.47, 784-256-512-20 VAE, docs/consolidation.md); likely because a VAE
 * with 20 latents leaves some nearly unused and z-scoring blows those up to
 * the scale of the informative ones.
 * The nearest-mean read-out has no settings.
 */
import type { Pace } from '../../core/pace';
import { createRng, shuffle, type Rng } from '../../core/random';
import { accuracy, fitLogistic, type LogisticOptions } from './linearReadout';
import { fitNearestMean } from './nearestMean';

/** The read-outs of the few-shot comparison. */
export const FEW_SHOT_READOUTS = ['logistic', 'nearestMean'] as const;
export type FewShotReadout = (typeof FEW_SHOT_READOUTS)[number];

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
  /** The read-outs to report (default both, FEW_SHOT_READOUTS). */
  readonly readouts?: readonly FewShotReadout[];
}

export interface FewShotPoint {
  readonly n: number;
  readonly readout: FewShotReadout;
  /** Test accuracy of the read-out on latent means, in [0, 1]. */
  readonly latent: number;
  /** Test accuracy of the read-out on raw pixels, in [0, 1]. */
  readonly pixels: number;
}

export const FEW_SHOT_READOUT: {
  readonly latent: LogisticOptions;
  readonly pixels: LogisticOptions;
} = { latent: { standardise: false }, pixels: { standardise: false } };

/** The few-shot accuracies (see the file's doc comment), all at once. */
export function fewShotCurve(input: FewShotInput, options: FewShotOptions): FewShotPoint[] {
  const work = fewShotWork(input, options);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * fewShotCurve with `pace`'s pause before every read-out it fits (each fit
 * is one short task on a page); the same numbers.
 */
export async function fewShotCurvePaced(
  input: FewShotInput,
  options: FewShotOptions,
  pace: Pace,
): Promise<FewShotPoint[]> {
  const work = fewShotWork(input, options);
  for (;;) {
    await pace.pause();
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** The computation, yielding after each fitted read-out. */
function* fewShotWork(
  input: FewShotInput,
  options: FewShotOptions,
): Generator<void, FewShotPoint[], void> {
  const { train, trainLabels, test, testLabels, classes } = input;
  const total = trainLabels.length;
  for (const n of options.sizes) {
    if (!Number.isInteger(n) || n < 1 || n > total) {
      throw new RangeError(`few-shot size ${n} is outside 1..${total}`);
    }
  }
  const repeats = options.repeats ?? 1;
  const readouts = options.readouts ?? FEW_SHOT_READOUTS;
  const rng = createRng(options.seed);
  const cells = readouts.length * options.sizes.length;
  const sums = Array.from({ length: cells }, () => ({ latent: 0, pixels: 0 }));
  for (let r = 0; r < repeats; r++) {
    const order = balancedOrder(trainLabels, classes, rng);
    for (let s = 0; s < options.sizes.length; s++) {
      const n = options.sizes[s];
      const pick = order.subarray(0, n);
      const labels = Uint8Array.from(pick, (i) => trainLabels[i]);
      for (const kind of ['latent', 'pixels'] as const) {
        const { features, dim } = train[kind];
        const rows = gather(features, dim, pick);
        for (let k = 0; k < readouts.length; k++) {
          const model =
            readouts[k] === 'logistic'
              ? fitLogistic(
                  rows,
                  n,
                  dim,
                  labels,
                  classes,
                  options.readout?.[kind] ?? FEW_SHOT_READOUT[kind],
                )
              : fitNearestMean(rows, n, dim, labels, classes);
          sums[k * options.sizes.length + s][kind] += accuracy(
            model,
            test[kind].features,
            testLabels,
          );
          yield;
        }
      }
    }
  }
  return readouts.flatMap((readout, k) =>
    options.sizes.map((n, s) => {
      const cell = sums[k * options.sizes.length + s];
      return { n, readout, latent: cell.latent / repeats, pixels: cell.pixels / repeats };
    }),
  );
}

/** The points of one read-out, in size order. */
export function readoutCurve(
  points: readonly FewShotPoint[],
  readout: FewShotReadout,
): FewShotPoint[] {
  return points.filter((p) => p.readout === readout);
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
