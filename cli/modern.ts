/**
 * The `modern` and `modern-vs-classic` experiments (SCIENCE.md section 2):
 * MNIST digits in a modern Hopfield network, and the classic networks beside
 * it on the same binarised digits.
 *
 * modern: stores K digits (seeded sample of the 10,000, all classes) scaled
 * to [-1, 1], makes T cues from T stored digits (distinct when T <= K), and
 * retrieves all cues at once as one batch of tensors until each settles.
 * accuracy = share of cues whose retrieved image is nearest (Euclidean) to
 * their own stored digit; meanCosine = mean cosine between retrieved image
 * and own digit; meanSteps = mean number of updates that moved the state.
 * One seeded generator draws, in order: the stored digits, the cued digits,
 * then each cue's hidden pixels and noise.
 */
import {
  bipolarImage,
  MNIST_PIXELS,
  MNIST_SIDE,
  sampleDigits,
  signedMatrix,
} from '../src/data/mnist';
import { loadMnistNode } from '../src/data/mnistNode';
import { createRng, sampleDistinct } from '../src/core/random';
import { BINARY_CUES, logCounts, runSweep } from '../src/models/modern/classicVsModern';
import { makeCue, type CueSpec } from '../src/models/modern/imageCue';
import {
  cosine,
  effectiveBeta,
  LOGIT_SCALES,
  nearest,
  settle,
  storePatterns,
  disposePatterns,
  type LogitScale,
} from '../src/models/modern/modernHopfield';
import type { Bipolar } from '../src/core/pattern';
import { defineExperiment } from './define';
import { enumParam, floatParam, intParam, UsageError } from '../src/core/params';
import * as tf from '@tensorflow/tfjs-core';
import { initTf, TF_BACKENDS, type TfBackend } from './tf';

const ALL_CLASSES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
export const MODERN_CUES = ['mask-half', 'mask-random', 'noise'] as const;
export type ModernCue = (typeof MODERN_CUES)[number];

/** How a CLI cue name maps onto the lab's cue (see src/models/imageCue.ts). */
export function cueSpec(cue: ModernCue, amount: number): CueSpec {
  if (cue === 'mask-half') return { region: 'bottom', amount, noise: 0 };
  if (cue === 'mask-random') return { region: 'random', amount, noise: 0 };
  return { region: 'none', amount: 0, noise: amount };
}

export interface ModernConfig {
  stored: number;
  beta: number;
  scale: LogitScale;
  cue: ModernCue;
  amount: number;
  trials: number;
  seed: number;
  maxSteps: number;
  backend: TfBackend;
}

export interface ModernReport {
  experiment: 'modern';
  stored: number;
  beta: number;
  /** beta / sqrt(784) with --scale sqrt, else beta */
  betaEffective: number;
  scale: LogitScale;
  cue: ModernCue;
  amount: number;
  trials: number;
  seed: number;
  accuracy: number;
  meanCosine: number;
  meanSteps: number;
  /** share of cues that settled before --max-steps */
  settled: number;
  backend: string;
  /** wall time of the batched retrieval, ms */
  retrieveMs: number;
}

export async function runModern(c: ModernConfig): Promise<ModernReport> {
  const set = await loadMnistNode();
  if (c.stored > set.count)
    throw new UsageError(`--stored ${c.stored} exceeds the ${set.count} digits`);
  const backend = await initTf(c.backend);
  const rng = createRng(c.seed);
  const stored = sampleDigits(set, c.stored, ALL_CLASSES, rng);
  const d = MNIST_PIXELS;
  const xs = signedMatrix(set, stored);
  const targets =
    c.trials <= c.stored
      ? sampleDistinct(c.stored, c.trials, rng)
      : Int32Array.from({ length: c.trials }, () => rng.int(c.stored));
  const spec = cueSpec(c.cue, c.amount);
  const cues = new Float32Array(c.trials * d);
  targets.forEach((t, r) => {
    cues.set(makeCue(xs.subarray(t * d, (t + 1) * d), MNIST_SIDE, MNIST_SIDE, spec, rng), r * d);
  });
  const b = effectiveBeta(c.beta, d, c.scale);
  const memory = storePatterns(xs, c.stored, d);
  const q = tf.tensor2d(cues, [c.trials, d]);
  const t0 = performance.now();
  const r = await settle(memory, q, b, { maxSteps: c.maxSteps });
  const near = nearest(memory, r.state);
  const [finals, nearestIdx] = await Promise.all([r.state.data(), near.data()]);
  const retrieveMs = performance.now() - t0;
  tf.dispose([q, r.state, near]);
  disposePatterns(memory);
  let hits = 0;
  let cos = 0;
  targets.forEach((t, k) => {
    if (nearestIdx[k] === t) hits++;
    cos += cosine(finals.subarray(k * d, (k + 1) * d), xs.subarray(t * d, (t + 1) * d));
  });
  let stepSum = 0;
  for (const s of r.steps) stepSum += s;
  return {
    experiment: 'modern',
    stored: c.stored,
    beta: c.beta,
    betaEffective: b,
    scale: c.scale,
    cue: c.cue,
    amount: c.amount,
    trials: c.trials,
    seed: c.seed,
    accuracy: hits / c.trials,
    meanCosine: cos / c.trials,
    meanSteps: stepSum / c.trials,
    settled: r.converged.filter(Boolean).length / c.trials,
    backend,
    retrieveMs: Math.round(retrieveMs * 10) / 10,
  };
}

const MODERN_PARAMS = {
  stored: intParam(1000, 1, 10_000, 'K, digits stored'),
  beta: floatParam(20, 1e-6, 1e6, 'inverse temperature beta (> 0)'),
  scale: enumParam(
    LOGIT_SCALES,
    'sqrt',
    "logit scale: 'sqrt' uses beta / sqrt(784), 'none' uses beta",
  ),
  cue: enumParam(
    MODERN_CUES,
    'mask-half',
    'mask-half: hide the bottom rows; mask-random: hide random pixels; noise: Gaussian noise',
  ),
  amount: floatParam(
    0.5,
    0,
    100,
    'mask-*: fraction of pixels hidden (set to 0, unknown); noise: its standard deviation',
  ),
  trials: intParam(100, 1, 10_000, 'T, cues retrieved'),
  seed: intParam(1, 0, 2 ** 32 - 1, 'random seed'),
  maxSteps: intParam(50, 1, 100_000, 'most updates per cue'),
  backend: enumParam(TF_BACKENDS, 'wasm', 'tfjs backend'),
};

export const modernExperiment = defineExperiment({
  name: 'modern',
  describe: 'modern Hopfield network on MNIST digits: retrieval accuracy from masked or noisy cues',
  params: MODERN_PARAMS,
  run: (f) => {
    if (f.cue !== 'noise' && f.amount > 1) {
      throw new UsageError(`--amount is a fraction of pixels for --cue ${f.cue}; got ${f.amount}`);
    }
    return runModern(f);
  },
});

const VS_PARAMS = {
  minStored: intParam(2, 1, 784, 'smallest K'),
  maxStored: intParam(300, 1, 784, 'largest K (at most d = 784)'),
  points: intParam(8, 1, 40, 'values of K, log-spaced'),
  trials: intParam(20, 1, 100_000, 'cues per K'),
  cue: enumParam(
    BINARY_CUES,
    'flip',
    'flip: flip a fraction of distinct pixels; mask-bottom: set the bottom rows to -1 (off)',
  ),
  amount: floatParam(0.15, 0, 1, 'fraction flipped or hidden (0..1)'),
  beta: floatParam(20, 1e-6, 1e6, 'modern network beta'),
  scale: enumParam(LOGIT_SCALES, 'sqrt', 'modern logit scale'),
  seed: intParam(1, 0, 2 ** 32 - 1, 'random seed'),
};

export const modernVsClassicExperiment = defineExperiment({
  name: 'modern-vs-classic',
  describe:
    'classic (Hebbian, pseudo-inverse) vs modern Hopfield on binarised digits: accuracy against K',
  params: VS_PARAMS,
  run: async ({ minStored, maxStored, points: count, ...settings }) => {
    if (minStored > maxStored)
      throw new UsageError(`--min-stored ${minStored} exceeds --max-stored ${maxStored}`);
    const set = await loadMnistNode();
    const data = new Int8Array(set.count * MNIST_PIXELS);
    for (let i = 0; i < set.count; i++) data.set(bipolarImage(set, i), i * MNIST_PIXELS);
    const counts = logCounts(minStored, maxStored, count);
    const t0 = performance.now();
    const points = runSweep(
      { n: set.count, d: MNIST_PIXELS, data: data as Bipolar },
      { ...settings, counts, width: MNIST_SIDE },
    );
    return {
      experiment: 'modern-vs-classic',
      ...settings,
      points,
      ms: Math.round(performance.now() - t0),
    };
  },
});
