/**
 * Consolidation as teacher-student learning (SCIENCE.md section 3, Spens &
 * Burgess 2024): a hippocampus (modern Hopfield network) stores episodes at
 * once, replays them from random noise, and a neocortex (a VAE) learns from
 * the replays only, never from the originals.
 *
 * Conventions
 * - Episodes are MNIST digits scaled to [-1, 1] (2 ink / 255 - 1), stored as
 *   the rows of X in the MHN with beta = 20 and the 1/sqrt(d) logit scale:
 *   beta' = 20 / sqrt(784) = 0.714 (./modernHopfield).
 * - Replay: R cues xi_0 ~ U[-1, 1]^d (seeded), each updated `steps` times by
 *   xi <- X^T softmax(beta' X xi). The replay is the final xi; its episode is
 *   the stored row nearest to it (Euclidean); coverage = distinct episodes
 *   replayed / N.
 * - The VAE (./vae) sees replays converted to [0, 1] ((xi + 1) / 2, clipped).
 * - Evaluation uses held-out digits (never stored, never replayed), pixels
 *   ink / 255 in [0, 1]:
 *   reconError = mean over digits of sum_j BCE(x_j, xhat_j) through the
 *     latent mean (nats per image); meanAbsError = mean |x - xhat| (pixels);
 *   kl = mean KL(q(z|x) || N(0, I)) (nats);
 *   decodingAccuracy = a logistic read-out (./linearReadout) fitted on the
 *     latent means of the first `labelled` held-out digits, scored on the
 *     rest (chance = 0.1).
 * - After training: prototypical distortion (./distortion) of the held-out
 *   digits' reconstructions, and the few-shot curve (./fewShot) with the
 *   first half of the held-out digits as the labelled pool and the second
 *   half as the test set.
 * - One seed drives everything: the split of the 10,000 digits (rng(seed)),
 *   the noise cues (rng(mixSeed(seed, 1))), the VAE's weights and noise
 *   (mixSeed(seed, 2)), the minibatch order (mixSeed(seed, 3)) and the
 *   few-shot draws (mixSeed(seed, 4)).
 *
 * Tensors: replay() owns everything it makes; the caller owns the
 * StoredPatterns from encodeEpisodes and disposes them (disposePatterns).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../core/random';
import type { FewShotPoint } from './fewShot';
import {
  CLASSES,
  FEW_SHOT_SIZES,
  decodeAccuracy,
  distortionOnHeldOut,
  evaluateVae,
  fewShotOnHeldOut,
  type EpochEvaluation,
} from './consolidationEval';
import {
  disposePatterns,
  effectiveBeta,
  nearest,
  retrieveStep,
  storePatterns,
  type StoredPatterns,
} from '../modern/modernHopfield';
import { createVae, mixSeed, trainEpochs, unitFromBipolarRange, type Vae } from './vae';

/** beta of the hippocampus, with logits scaled by 1/sqrt(d) (Spens & Burgess 2024). */
export const HIPPOCAMPUS_BETA = 20;

/** A labelled image set: n rows of d values laid end to end. */
export interface ImageSet {
  readonly n: number;
  readonly d: number;
  readonly images: Float32Array;
  readonly labels: Uint8Array;
}

/** The digits, as the MNIST loader gives them (ink 0..255). */
export interface DigitSource {
  readonly count: number;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

export interface Split {
  /** Dataset indices stored as episodes. */
  readonly episodes: Int32Array;
  /** Dataset indices kept aside for evaluation (disjoint from episodes). */
  readonly heldOut: Int32Array;
}

/**
 * A seeded permutation of the digits: the first `episodes` are stored, the
 * next `heldOut` evaluate. Throws when the two do not fit.
 */
export function splitDigits(count: number, episodes: number, heldOut: number, seed: number): Split {
  if (!Number.isInteger(episodes) || episodes < 1 || !Number.isInteger(heldOut) || heldOut < 2) {
    throw new RangeError(`need >= 1 episodes and >= 2 held-out digits`);
  }
  if (episodes + heldOut > count) {
    throw new RangeError(`${episodes} episodes + ${heldOut} held out > ${count} digits`);
  }
  const rng = createRng(seed);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i < episodes + heldOut; i++) {
    const j = i + rng.int(count - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return {
    episodes: order.slice(0, episodes),
    heldOut: order.slice(episodes, episodes + heldOut),
  };
}

/** Digits `indices` in [-1, 1] (the hippocampus' range) or [0, 1] (the VAE's). */
export function gatherDigits(
  src: DigitSource,
  indices: ArrayLike<number>,
  range: 'bipolar' | 'unit',
): ImageSet {
  const d = src.pixels.length / src.count;
  const n = indices.length;
  const images = new Float32Array(n * d);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const o = indices[r] * d;
    labels[r] = src.labels[indices[r]];
    for (let j = 0; j < d; j++) {
      const v = src.pixels[o + j] / 255;
      images[r * d + j] = range === 'unit' ? v : 2 * v - 1;
    }
  }
  return { n, d, images, labels };
}

/** Step 1, encode: the episodes (rows in [-1, 1]) become the MHN's X. */
export function encodeEpisodes(episodes: ImageSet): StoredPatterns {
  return storePatterns(episodes.images, episodes.n, episodes.d);
}

/** beta' = 20 / sqrt(d). */
export function hippocampusBeta(d: number): number {
  return effectiveBeta(HIPPOCAMPUS_BETA, d, 'sqrt');
}

export interface ReplayOptions {
  /** Number of noise cues R. */
  readonly count: number;
  readonly seed: number;
  /**
   * MHN updates per cue; default 2. From noise, one update at beta = 20 is
   * already dominated by one episode; the second sharpens it onto that
   * episode (measured on 3,000 digits, seed 1: 3% of replays within 0.05
   * of their episode in every pixel after one update, 79% after two).
   */
  readonly steps?: number;
  /** Cues per tensor batch; default 256. */
  readonly batch?: number;
  /** Awaited after each batch with the replays done so far (e.g. to show them and yield). */
  onBatch?(done: number, replays: Float32Array, episode: Int32Array): void | Promise<void>;
}

export interface ReplayResult {
  /** R x d replayed images in [-1, 1]. */
  readonly replays: Float32Array;
  /** The noise cues they came from (R x d, uniform in [-1, 1]). */
  readonly cues: Float32Array;
  /** Per replay, the stored episode (row of X) nearest to it. */
  readonly episode: Int32Array;
  /** Per replay, max_j |replay_j - x_episode,j|: 0 when it IS the episode. */
  readonly maxDeviation: Float32Array;
  /** Distinct episodes replayed. */
  readonly distinct: number;
  /** distinct / N. */
  readonly coverage: number;
}

/** R uniform noise cues in [-1, 1]^d from rng(seed). */
export function noiseCues(count: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const cues = new Float32Array(count * d);
  for (let i = 0; i < cues.length; i++) cues[i] = 2 * rng.next() - 1;
  return cues;
}

/**
 * Step 2, replay: noise cues through the hippocampus (see the file's doc
 * comment). Batches of `batch` cues; reads back with await data().
 */
export async function replay(
  memory: StoredPatterns,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const { count, seed } = options;
  const steps = options.steps ?? 1;
  const size = options.batch ?? 256;
  const d = memory.d;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`replays ${count} must be >= 1`);
  const betaEff = hippocampusBeta(d);
  const cues = noiseCues(count, d, seed);
  const replays = new Float32Array(count * d);
  const episode = new Int32Array(count);
  for (let start = 0; start < count; start += size) {
    const rows = Math.min(size, count - start);
    const { state, idx } = tf.tidy(() => {
      let q = tf.tensor2d(cues.subarray(start * d, (start + rows) * d), [rows, d]);
      for (let k = 0; k < steps; k++) q = retrieveStep(memory, q, betaEff).next;
      return { state: q, idx: nearest(memory, q) };
    });
    const [sv, iv] = await Promise.all([state.data(), idx.data()]);
    tf.dispose([state, idx]);
    replays.set(sv as Float32Array, start * d);
    episode.set(iv as Int32Array, start);
    await options.onBatch?.(start + rows, replays, episode);
  }
  const x = await memory.x.data();
  const maxDeviation = new Float32Array(count);
  const seen = new Uint8Array(memory.n);
  let distinct = 0;
  for (let r = 0; r < count; r++) {
    const e = episode[r];
    if (!seen[e]) {
      seen[e] = 1;
      distinct++;
    }
    let m = 0;
    for (let j = 0; j < d; j++) m = Math.max(m, Math.abs(replays[r * d + j] - x[e * d + j]));
    maxDeviation[r] = m;
  }
  return { replays, cues, episode, maxDeviation, distinct, coverage: distinct / memory.n };
}

/** Expected coverage of R uniform draws from N: 1 - (1 - 1/N)^R. */
export function expectedCoverage(n: number, r: number): number {
  return 1 - Math.pow(1 - 1 / n, r);
}

export {
  CLASSES,
  FEW_SHOT_SIZES,
  decodeAccuracy,
  distortionOnHeldOut,
  evaluateVae,
  fewShotOnHeldOut,
};
export type { EpochEvaluation };

// ---- The whole pipeline (CLI, weight script, tests) ------------------------

export interface ConsolidationConfig {
  readonly episodes: number;
  readonly replays: number;
  readonly latentSize: number;
  readonly hiddenSize: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Held-out digits for evaluation. */
  readonly heldOut: number;
  /** Of those, labelled for the decoding read-out. */
  readonly labelled: number;
  /** MHN updates per replay. */
  readonly replaySteps: number;
  /** Adam step size of the VAE. */
  readonly learningRate: number;
}

export const CONSOLIDATION_DEFAULTS: ConsolidationConfig = {
  episodes: 3000,
  replays: 6000,
  latentSize: 2,
  hiddenSize: 128,
  epochs: 10,
  batchSize: 64,
  seed: 1,
  heldOut: 2000,
  labelled: 500,
  replaySteps: 2,
  learningRate: 2e-3,
};

export interface EpochRecord extends EpochEvaluation {
  readonly epoch: number;
  /** Training loss terms on the replays over the epoch (nats). */
  readonly trainLoss: number;
}

export interface ConsolidationResult {
  readonly config: ConsolidationConfig;
  readonly replay: {
    readonly distinct: number;
    readonly coverage: number;
    readonly expectedCoverage: number;
    readonly exact: number;
  };
  readonly epochs: EpochRecord[];
  readonly prototypicalVarianceRatio: number;
  readonly perClassVarianceRatio: number[];
  readonly fewShot: FewShotPoint[];
  readonly timings: {
    readonly replayMs: number;
    readonly trainMs: number;
    readonly samplesPerSecond: number;
  };
}

export interface PipelineHooks {
  onEpoch?(record: EpochRecord): void;
  log?(text: string): void;
}

/** The VAE seeds used by the pipeline for a given seed. */
export const pipelineSeeds = (seed: number) => ({
  split: seed,
  cues: mixSeed(seed, 1),
  vae: mixSeed(seed, 2),
  order: mixSeed(seed, 3),
  fewShot: mixSeed(seed, 4),
});

/**
 * Runs encode, replay, train (evaluating after every epoch), distortion and
 * few-shot. Returns the trained VAE too (the caller disposes it).
 */
export async function runConsolidation(
  src: DigitSource,
  config: ConsolidationConfig,
  hooks: PipelineHooks = {},
): Promise<{ result: ConsolidationResult; vae: Vae }> {
  const seeds = pipelineSeeds(config.seed);
  const split = splitDigits(src.count, config.episodes, config.heldOut, seeds.split);
  const episodes = gatherDigits(src, split.episodes, 'bipolar');
  const heldOut = gatherDigits(src, split.heldOut, 'unit');
  const t0 = performance.now();
  const memory = encodeEpisodes(episodes);
  let rep: ReplayResult;
  try {
    rep = await replay(memory, {
      count: config.replays,
      seed: seeds.cues,
      steps: config.replaySteps,
    });
  } finally {
    disposePatterns(memory);
  }
  const replayMs = performance.now() - t0;
  const exact = rep.maxDeviation.reduce((a, m) => a + (m < 0.05 ? 1 : 0), 0) / config.replays;
  hooks.log?.(
    `replayed ${config.replays} from ${config.episodes} episodes: coverage ${rep.coverage.toFixed(3)} in ${replayMs.toFixed(0)} ms`,
  );
  const data = unitFromBipolarRange(rep.replays);
  const vae = createVae({
    inputSize: episodes.d,
    hiddenSize: config.hiddenSize,
    latentSize: config.latentSize,
    seed: seeds.vae,
    learningRate: config.learningRate,
  });
  const epochs: EpochRecord[] = [];
  let trainMs = 0;
  let mark = performance.now();
  try {
    await trainEpochs(vae, data, config.replays, {
      epochs: config.epochs,
      batchSize: config.batchSize,
      seed: seeds.order,
      yieldEvery: 1 << 30,
      onEpoch: async (stats) => {
        trainMs += performance.now() - mark;
        const ev = await evaluateVae(vae, heldOut, config.labelled);
        const record = { epoch: stats.epoch, trainLoss: stats.loss, ...ev };
        epochs.push(record);
        hooks.onEpoch?.(record);
        hooks.log?.(
          `epoch ${stats.epoch}: recon ${ev.reconError.toFixed(1)} kl ${ev.kl.toFixed(2)} decoding ${ev.decodingAccuracy.toFixed(3)}`,
        );
        mark = performance.now();
      },
    });
    const distortion = await distortionOnHeldOut(vae, heldOut);
    const fewShot = await fewShotOnHeldOut(vae, heldOut, seeds.fewShot);
    const result: ConsolidationResult = {
      config,
      replay: {
        distinct: rep.distinct,
        coverage: rep.coverage,
        expectedCoverage: expectedCoverage(config.episodes, config.replays),
        exact,
      },
      epochs,
      prototypicalVarianceRatio: distortion.ratio,
      perClassVarianceRatio: Array.from(distortion.perClassRatio),
      fewShot,
      timings: {
        replayMs,
        trainMs,
        samplesPerSecond: trainMs > 0 ? (config.replays * config.epochs * 1000) / trainMs : 0,
      },
    };
    return { result, vae };
  } catch (e) {
    vae.dispose();
    throw e;
  }
}
