/**
 * Step 2 of consolidation, replay (SCIENCE.md section 3, Spens & Burgess
 * 2024; the hippocampus and the other conventions are in ./consolidation):
 *
 * - Replay: R cues xi_0 ~ U[-1, 1]^d (seeded), each updated `steps` times
 *   (REPLAY_STEPS = 2 unless told) by xi <- X^T softmax(beta' X xi - lambda c).
 *   The replay is the final xi; its episode is the stored row nearest to it
 *   (Euclidean); coverage = distinct episodes replayed / N; a replay is
 *   exact when it is within EXACT_REPLAY_TOLERANCE of its episode in every
 *   pixel.
 * - Inhibition of return (our addition, not in Spens & Burgess; the idea is
 *   Diekmann & Cheng 2023's replay model, eLife 12:e82301): c_mu counts the
 *   replays of episode mu so far and lambda (REPLAY_INHIBITION = 5 logit
 *   units unless told; 0 is the paper's plain replay) lowers a replayed
 *   episode's logit, so later cues go elsewhere. Cues are taken in blocks
 *   of INHIBITION_BLOCK, counted from the first cue; the counts grow after
 *   each block. Why: plain noise-cued replay is far from uniform (seed 1,
 *   3,000 episodes, 6,000 replays: 0s and 2s about 3 times as often as 1s,
 *   70% of the episodes ever replayed), and a 2-latent VAE trained on those
 *   replays decodes 0.43, against 0.55 on the same replayed episodes once
 *   each (docs/consolidation.md).
 *
 * Sharing the thread: a ReplayRun goes chunk by chunk (next(k)), and the
 * measurement after it in chunks with a Pace's pauses; the chunks never
 * change the numbers (tests check it). A replay owns every tensor it makes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { UNPACED, inChunks, type Pace } from '../../core/pace';
import { createRng, type Rng } from '../../core/random';
import { nearest, scores, type StoredPatterns } from '../modern/modernHopfield';
import { blockProduct, hippocampusBeta, type Hippocampus } from './consolidation';

/**
 * MHN updates per replay cue. From noise, one update at beta = 20 is already
 * dominated by one episode; the second sharpens it onto that episode
 * (measured on 3,000 digits, seed 1: 3% of replays within
 * EXACT_REPLAY_TOLERANCE of their episode in every pixel after one update,
 * 79% after two).
 */
export const REPLAY_STEPS = 2;
/**
 * lambda, the inhibition of return in logit units (see the file's doc
 * comment). One replay already costs an episode more than the spread of
 * the first update's logits between near winners (a few units at
 * beta' = 0.714 from noise), so no episode is replayed far more than the
 * others (seed 1: at most 4 of 6,000 replays of 3,000 episodes, every
 * episode replayed).
 */
export const REPLAY_INHIBITION = 5;
/** Cues that share one set of inhibition counts (from the first cue on, whatever the chunks). */
export const INHIBITION_BLOCK = 64;
/** Cues per next() call unless told (the page's pace starts its replay chunks from it). */
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
  /** lambda, the inhibition of return; default REPLAY_INHIBITION, 0 = plain replay. */
  readonly inhibition?: number;
}

export interface ReplayResult {
  /** R x d replayed images in [-1, 1]. */
  readonly replays: Float32Array;
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
 * tensor batch per piece of at most INHIBITION_BLOCK cues, or one for all k
 * in plain replay; reads back with await data()), so a page can show the
 * replays so far and yield between chunks. The cues are drawn chunk by
 * chunk from one stream, in order (the first R of noiseCues(R, d, seed)),
 * and each cue is updated on its own, with the inhibition counts of the
 * INHIBITION_BLOCK blocks before its own, so how the cues are chunked does
 * not change what comes back.
 */
export class ReplayRun {
  /** R x d, filled up to `done` rows. */
  readonly replays: Float32Array;
  /** Filled up to `done`. */
  readonly episode: Int32Array;
  private count = 0;
  private readonly steps: number;
  private readonly inhibition: number;
  private readonly betaEff: number;
  private readonly rng: Rng;
  /** c_mu: replays of each episode in the completed blocks (sized on the first chunk). */
  private replayed: Float32Array | null = null;

  constructor(
    readonly d: number,
    readonly options: ReplayOptions,
  ) {
    const { count } = options;
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`replays ${count} must be >= 1`);
    this.steps = options.steps ?? REPLAY_STEPS;
    this.inhibition = options.inhibition ?? REPLAY_INHIBITION;
    if (!(this.inhibition >= 0) || !Number.isFinite(this.inhibition)) {
      throw new RangeError(`inhibition ${this.inhibition} must be finite and >= 0`);
    }
    this.betaEff = hippocampusBeta(d);
    this.rng = createRng(options.seed);
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

  /**
   * Replays the next `chunk` cues (fewer at the end) through `memory`;
   * returns `done`. Each update is xi <- softmax(beta' xi X^T - lambda c) X,
   * the modern network's retrieval step without its energy, with the
   * inhibition of return on its logits (with a
   * Hippocampus, through its column blocks: the same numbers).
   */
  async next(memory: StoredPatterns | Hippocampus, chunk: number = REPLAY_BATCH): Promise<number> {
    const { d, count: first } = this;
    if (memory.d !== d) throw new RangeError(`the hippocampus holds d = ${memory.d}, not ${d}`);
    const end = Math.min(first + Math.max(1, Math.floor(chunk)), this.options.count);
    if (this.inhibition > 0 && this.replayed === null) this.replayed = new Float32Array(memory.n);
    if (this.replayed && this.replayed.length !== memory.n) {
      throw new RangeError(
        `the hippocampus holds ${memory.n} episodes, not ${this.replayed.length}`,
      );
    }
    // Pieces end at block boundaries counted from cue 0, so any chunking gives the same counts.
    while (this.count < end) {
      const start = this.count;
      const blockEnd = (Math.floor(start / INHIBITION_BLOCK) + 1) * INHIBITION_BLOCK;
      const stop = this.inhibition > 0 ? Math.min(end, blockEnd) : end;
      await this.replayRows(memory, start, stop - start);
      if (this.replayed && (stop === blockEnd || stop === this.options.count)) {
        const from = Math.floor(start / INHIBITION_BLOCK) * INHIBITION_BLOCK;
        for (let r = from; r < stop; r++) this.replayed[this.episode[r]]++;
      }
    }
    return this.count;
  }

  /** Replays cues start..start+rows-1 (the next rows of the cue stream). */
  private async replayRows(
    memory: StoredPatterns | Hippocampus,
    start: number,
    rows: number,
  ): Promise<void> {
    const { d } = this;
    const cues = new Float32Array(rows * d);
    for (let i = 0; i < cues.length; i++) cues[i] = 2 * this.rng.next() - 1;
    const beta = this.betaEff;
    const counts = this.replayed;
    const lambda = this.inhibition;
    const { state, idx } = tf.tidy(() => {
      let q = tf.tensor2d(cues, [rows, d]);
      // -lambda c_mu on every cue's logits (none for plain replay).
      const bias = counts ? tf.mul(tf.tensor1d(counts), -lambda) : null;
      const inhibit = (l: tf.Tensor2D) => (bias ? (tf.add(l, bias) as tf.Tensor2D) : l);
      if (!('xtBlocks' in memory)) {
        for (let k = 0; k < this.steps; k++) {
          const p = tf.softmax(inhibit(tf.mul(scores(memory, q), beta) as tf.Tensor2D));
          q = tf.matMul(p, memory.x);
        }
        return { state: q, idx: nearest(memory, q) };
      }
      // The same operations as scores() and nearest(), each product by blocks.
      for (let k = 0; k < this.steps; k++) {
        const l = tf.mul(blockProduct(q, memory.xtBlocks), beta) as tf.Tensor2D;
        q = blockProduct(tf.softmax(inhibit(l)) as tf.Tensor2D, memory.xBlocks);
      }
      const far = tf.sub(memory.norms, tf.mul(blockProduct(q, memory.xtBlocks), 2));
      return { state: q, idx: tf.argMin(far, 1) };
    });
    const [sv, iv] = await Promise.all([state.data(), idx.data()]);
    tf.dispose([state, idx]);
    this.replays.set(sv as Float32Array, start * d);
    this.episode.set(iv as Int32Array, start);
    this.count = start + rows;
  }

  /**
   * Once finished: each replay's deviation from its episode, coverage and
   * the exact share (in chunks of replays, with `pace`'s pauses).
   */
  async result(memory: StoredPatterns, pace: Pace = UNPACED): Promise<ReplayResult> {
    if (!this.finished) throw new Error(`replayed ${this.count} of ${this.options.count} cues`);
    const x = (await memory.x.data()) as Float32Array;
    return measureReplays(this.replays, this.episode, x, memory.n, this.d, pace);
  }
}

/**
 * Deviation, coverage and the exact share of replays (R x d, [-1, 1]) whose
 * episodes are rows `episode` of the n x d stored set `x` (definitions in
 * the file's doc comment).
 */
export async function measureReplays(
  replays: Float32Array,
  episode: Int32Array,
  x: Float32Array,
  n: number,
  d: number,
  pace: Pace = UNPACED,
): Promise<ReplayResult> {
  const count = episode.length;
  if (replays.length !== count * d)
    throw new RangeError(`${replays.length} values for ${count} replays`);
  const maxDeviation = new Float32Array(count);
  const seen = new Uint8Array(n);
  let distinct = 0;
  let exact = 0;
  await inChunks(pace, 'deviation', count, count, (start, rows) => {
    for (let r = start; r < start + rows; r++) {
      const e = episode[r];
      if (!(e >= 0 && e < n)) throw new RangeError(`replay ${r} names episode ${e} of ${n}`);
      if (!seen[e]) {
        seen[e] = 1;
        distinct++;
      }
      let m = 0;
      for (let j = 0; j < d; j++) m = Math.max(m, Math.abs(replays[r * d + j] - x[e * d + j]));
      maxDeviation[r] = m;
      if (m < EXACT_REPLAY_TOLERANCE) exact++;
    }
  });
  return {
    replays,
    episode,
    maxDeviation,
    distinct,
    coverage: distinct / n,
    exact: exact / count,
  };
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
