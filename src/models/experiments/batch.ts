/**
 * Batched synchronous recall (SCIENCE.md section 1, "Doing it fast"): B cues
 * at once, one pair of matrix products (Hebbian) or one product with W
 * (Storkey, covariance, pseudo-inverse) per step.
 *
 * A BatchMemory computes one synchronous step S' = sgn(H) for B cues laid end
 * to end (row b of S is cue b, D units), ties keeping the state, exactly as
 * Stepper.step in ../dynamics does for one cue. An engine makes memories:
 * ./batchTyped (typed arrays, the default) and ./batchTensor (tfjs).
 * batchRecall runs the steps until every cue has reached a fixed point, a
 * 2-cycle or maxSteps, with the stop rule of ../classic/stopRule that
 * Stepper applies too.
 */
import type { Diagonal, Network } from '../classic/hopfield';
import type { PatternMatrix } from '../../core/pattern';
import { stopStatus } from '../classic/stopRule';

export interface BatchMemory {
  readonly d: number;
  /** One synchronous step for the first b cues of s (b x D); next states into out. */
  step(s: Int8Array, b: number, out: Int8Array): void | Promise<void>;
  /** Frees what the memory holds (tensors); idempotent. */
  dispose(): void;
}

export interface BatchEngine {
  /** 'typed-array', or 'tfjs-<backend>' */
  readonly name: string;
  /** Hebbian W = (X^T X - N I) / N, never built: H = (S X^T) X / N - S. */
  hebbian(x: PatternMatrix): BatchMemory;
  /**
   * An explicit W (D x D row-major; row i holds unit i's incoming weights,
   * h_i = sum_j w_ij s_j, the diagonal included), optionally with a
   * threshold per unit: H = S W^T - theta (theta broadcast over the rows).
   */
  dense(w: Float32Array, d: number, threshold?: Float64Array): BatchMemory;
  /** Any learned network (pseudo-inverse): its own field, or its W on engines without one. */
  network(net: Network): BatchMemory;
  /**
   * Optional: Storkey learning done by the engine, W kept where it recalls
   * (./batchSimd). Without it, ./learners StorkeyLearner learns and dense()
   * recalls. diagonal as ../classic/hopfield Diagonal (default 'zero').
   */
  storkey?(x: PatternMatrix, diagonal?: Diagonal): GrowingMemory;
}

/** A network over the first n rows of a pattern matrix, growing with n. */
export interface GrowingMemory {
  /** A memory for the first n patterns (n never below the last n asked for); dispose it before the next call. */
  memory(n: number): BatchMemory;
  /** Frees the network. */
  dispose(): void;
}

export interface BatchRecallOptions {
  /** step limit, default 100 */
  maxSteps?: number;
  /** One target per cue (b x D): record the Hamming distance after every step. */
  targets?: Int8Array;
}

export interface BatchRecallResult {
  /** final states, b x D */
  finals: Int8Array;
  /** steps taken by each cue, including the one that found its fixed point */
  steps: Int32Array;
  converged: Uint8Array;
  cycled: Uint8Array;
  /** per cue: Hamming distance to its target for the cue, then after each step (with targets) */
  hamming: number[][];
}

/**
 * Recalls b cues (b x D) synchronously until each reaches a fixed point (a
 * step with no flip), a 2-cycle (the state two steps ago again, different
 * from the last) or maxSteps. Finished cues leave the batch, so late steps
 * cost only what still moves. Stop rule: ../classic/stopRule stopStatus;
 * tie rule as Stepper.step. The history is one "two steps ago" row per
 * active cue, compacted with the batch.
 */
export async function batchRecall(
  memory: BatchMemory,
  cues: Int8Array,
  b: number,
  opts: BatchRecallOptions = {},
): Promise<BatchRecallResult> {
  const d = memory.d;
  const maxSteps = opts.maxSteps ?? 100;
  if (cues.length < b * d)
    throw new RangeError(`${cues.length} entries hold fewer than ${b} cues of ${d}`);
  const finals = cues.slice(0, b * d);
  const steps = new Int32Array(b);
  const converged = new Uint8Array(b);
  const cycled = new Uint8Array(b);
  const { targets } = opts;
  const hamming: number[][] = [];
  if (targets) {
    for (let c = 0; c < b; c++) hamming.push([distance(finals, c * d, targets, c * d, d)]);
  }
  // Active cues: ids[k] is the cue in row k of cur.
  let ids = Array.from({ length: b }, (_, c) => c);
  let cur = finals.slice();
  let before = new Int8Array(b * d); // state two steps ago, per active row
  let next = new Int8Array(b * d);
  for (let t = 0; t < maxSteps && ids.length > 0; t++) {
    const m = ids.length;
    await memory.step(cur, m, next);
    const keep: number[] = [];
    for (let k = 0; k < m; k++) {
      const c = ids[k];
      const o = k * d;
      steps[c]++;
      const flips = distance(cur, o, next, o, d);
      if (targets) hamming[c].push(distance(next, o, targets, c * d, d));
      const status = stopStatus(
        steps[c],
        flips > 0,
        () => distance(next, o, before, o, d) === 0,
        maxSteps,
      );
      if (status === 'fixed-point') converged[c] = 1;
      else if (status === 'cycle') cycled[c] = 1;
      if (status !== 'running') {
        finals.set(next.subarray(o, o + d), c * d);
      } else keep.push(k);
    }
    // Compact: row k of the next round is old row keep[k]; its "two ago" is cur.
    const nb = new Int8Array(keep.length * d);
    const nc = new Int8Array(keep.length * d);
    keep.forEach((k, r) => {
      nb.set(cur.subarray(k * d, k * d + d), r * d);
      nc.set(next.subarray(k * d, k * d + d), r * d);
    });
    ids = keep.map((k) => ids[k]);
    before = nb;
    cur = nc;
    next = new Int8Array(keep.length * d);
  }
  return { finals, steps, converged, cycled, hamming };
}

function distance(a: Int8Array, ao: number, b: Int8Array, bo: number, d: number): number {
  let h = 0;
  for (let i = 0; i < d; i++) if (a[ao + i] !== b[bo + i]) h++;
  return h;
}
