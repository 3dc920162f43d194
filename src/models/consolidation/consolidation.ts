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
 * - Replay: R cues xi_0 ~ U[-1, 1]^d (seeded), each updated `steps` times
 *   (REPLAY_STEPS = 2 unless told) by xi <- X^T softmax(beta' X xi). The
 *   replay is the final xi; its episode is the stored row nearest to it
 *   (Euclidean); coverage = distinct episodes replayed / N; a replay is
 *   exact when it is within EXACT_REPLAY_TOLERANCE of its episode in every
 *   pixel.
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
 * - d, the pixels per image, comes from the data (784 for MNIST).
 * - One seed drives everything (./session, pipelineSeeds): the split of the
 *   10,000 digits (rng(seed)), the noise cues (rng(mixSeed(seed, 1))), the
 *   VAE's weights and noise (mixSeed(seed, 2)), the minibatch order
 *   (mixSeed(seed, 3)) and the few-shot draws (mixSeed(seed, 4)).
 *
 * This file is the hippocampus' side (split, encode, replay); ./session runs
 * the whole pipeline step by step, ./consolidationEval measures the VAE.
 *
 * Tensors: a replay owns everything it makes; the caller owns the
 * StoredPatterns from encodeEpisodes and disposes them (disposePatterns).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../core/random';
import {
  effectiveBeta,
  nearest,
  retrieveStep,
  storePatterns,
  type StoredPatterns,
} from '../modern/modernHopfield';

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

/**
 * MHN updates per replay cue. From noise, one update at beta = 20 is already
 * dominated by one episode; the second sharpens it onto that episode
 * (measured on 3,000 digits, seed 1: 3% of replays within
 * EXACT_REPLAY_TOLERANCE of their episode in every pixel after one update,
 * 79% after two).
 */
export const REPLAY_STEPS = 2;
/** Cues per tensor batch of a replay. */
export const REPLAY_BATCH = 256;
/**
 * A replay "is" its episode when max_j |replay_j - x_episode,j| is below
 * this, in the [-1, 1] pixel range (0.05 = 2.5% of the range); the rest are
 * almost-exact blends of similar episodes.
 */
export const EXACT_REPLAY_TOLERANCE = 0.05;

export interface ReplayOptions {
  /** Number of noise cues R. */
  readonly count: number;
  readonly seed: number;
  /** MHN updates per cue; default REPLAY_STEPS. */
  readonly steps?: number;
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
  /** Share of replays with maxDeviation < EXACT_REPLAY_TOLERANCE. */
  readonly exact: number;
}

/** R uniform noise cues in [-1, 1]^d from rng(seed). */
export function noiseCues(count: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const cues = new Float32Array(count * d);
  for (let i = 0; i < cues.length; i++) cues[i] = 2 * rng.next() - 1;
  return cues;
}

/**
 * Step 2, replay, as a resumable run: noise cues through the hippocampus
 * (see the file's doc comment), `next(k)` the next k cues at a time (one
 * tensor batch; reads back with await data()), so a page can show the
 * replays so far and yield between chunks. Each cue is updated on its own,
 * so how the cues are chunked does not change what comes back.
 */
export class ReplayRun {
  readonly cues: Float32Array;
  /** R x d, filled up to `done` rows. */
  readonly replays: Float32Array;
  /** Filled up to `done`. */
  readonly episode: Int32Array;
  private count = 0;
  private readonly steps: number;
  private readonly betaEff: number;

  constructor(
    readonly d: number,
    readonly options: ReplayOptions,
  ) {
    const { count } = options;
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`replays ${count} must be >= 1`);
    this.steps = options.steps ?? REPLAY_STEPS;
    this.betaEff = hippocampusBeta(d);
    this.cues = noiseCues(count, d, options.seed);
    this.replays = new Float32Array(count * d);
    this.episode = new Int32Array(count);
  }

  /** Cues replayed so far. */
  get done(): number {
    return this.count;
  }

  get finished(): boolean {
    return this.count === this.options.count;
  }

  /** Replays the next `chunk` cues (fewer at the end) through `memory`; returns `done`. */
  async next(memory: StoredPatterns, chunk: number = REPLAY_BATCH): Promise<number> {
    const { d, count: start } = this;
    if (memory.d !== d) throw new RangeError(`the hippocampus holds d = ${memory.d}, not ${d}`);
    const rows = Math.min(chunk, this.options.count - start);
    if (rows <= 0) return start;
    const { state, idx } = tf.tidy(() => {
      let q = tf.tensor2d(this.cues.subarray(start * d, (start + rows) * d), [rows, d]);
      for (let k = 0; k < this.steps; k++) q = retrieveStep(memory, q, this.betaEff).next;
      return { state: q, idx: nearest(memory, q) };
    });
    const [sv, iv] = await Promise.all([state.data(), idx.data()]);
    tf.dispose([state, idx]);
    this.replays.set(sv as Float32Array, start * d);
    this.episode.set(iv as Int32Array, start);
    this.count = start + rows;
    return this.count;
  }

  /** Once finished: each replay's deviation from its episode, coverage and the exact share. */
  async result(memory: StoredPatterns): Promise<ReplayResult> {
    if (!this.finished) throw new Error(`replayed ${this.count} of ${this.options.count} cues`);
    const { d, replays, episode } = this;
    const count = this.options.count;
    const x = await memory.x.data();
    const maxDeviation = new Float32Array(count);
    const seen = new Uint8Array(memory.n);
    let distinct = 0;
    let exact = 0;
    for (let r = 0; r < count; r++) {
      const e = episode[r];
      if (!seen[e]) {
        seen[e] = 1;
        distinct++;
      }
      let m = 0;
      for (let j = 0; j < d; j++) m = Math.max(m, Math.abs(replays[r * d + j] - x[e * d + j]));
      maxDeviation[r] = m;
      if (m < EXACT_REPLAY_TOLERANCE) exact++;
    }
    return {
      replays,
      cues: this.cues,
      episode,
      maxDeviation,
      distinct,
      coverage: distinct / memory.n,
      exact: exact / count,
    };
  }
}

/** Step 2 in one go: a ReplayRun in batches of `batch` (default REPLAY_BATCH). */
export async function replay(
  memory: StoredPatterns,
  options: ReplayOptions & { readonly batch?: number },
): Promise<ReplayResult> {
  const run = new ReplayRun(memory.d, options);
  while (!run.finished) await run.next(memory, options.batch);
  return run.result(memory);
}

/** Expected coverage of R uniform draws from N: 1 - (1 - 1/N)^R. */
export function expectedCoverage(n: number, r: number): number {
  return 1 - Math.pow(1 - 1 / n, r);
}
