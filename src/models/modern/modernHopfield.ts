/**
 * The modern (dense, continuous) Hopfield network (SCIENCE.md section 2,
 * Ramsauer et al. 2020).
 *
 * Notation: N stored patterns x_i in R^d, held as the ROWS of X (N x d, as
 * tfjs and the data loader lay them out; SCIENCE.md writes the columns of a
 * d x N matrix, the same thing transposed). A state (cue) xi in R^d; a batch
 * of B cues is the rows of Q (B x d).
 *
 * - Logit scale: beta' = beta / sqrt(d) when the 1/sqrt(d) scaling is on
 *   (Spens & Burgess 2024, 'sqrt'), beta' = beta when it is off ('none').
 *   Every function below takes beta' (see effectiveBeta) so there is one
 *   convention to check.
 * - Attention: p = softmax(beta' X xi), p_i = exp(beta' x_i.xi) / sum_j exp(beta' x_j.xi).
 * - Update: xi <- X^T p = sum_i p_i x_i  (batched: Q <- softmax(beta' Q X^T) X).
 * - Energy: E(xi) = -(1/beta') log sum_i exp(beta' x_i.xi) + 1/2 xi.xi.
 *   Ramsauer's energy adds the constant (1/beta') log N + 1/2 M^2
 *   (M = the largest |x_i|); it is dropped here and everywhere in the app,
 *   which shifts E without changing its differences. The update is the
 *   concave-convex procedure for this E, so E never rises from one step to
 *   the next (Ramsauer et al., Theorem 1) for any beta' > 0.
 * - Masked pixels are 0 (unknown, the midpoint of [-1, 1]), not dark: a 0
 *   adds nothing to any x_i.xi, so only the visible pixels vote.
 *
 * Tensor functions run inside tf.tidy and return new tensors the caller owns;
 * inputs are left alone. The typed-array functions (reference*) are the same
 * math in float64 for tests and for small networks.
 */
import * as tf from '@tensorflow/tfjs-core';

export type LogitScale = 'sqrt' | 'none';
export const LOGIT_SCALES: readonly LogitScale[] = ['sqrt', 'none'];

/** beta' = beta / sqrt(d) ('sqrt') or beta ('none'). */
export function effectiveBeta(beta: number, d: number, scale: LogitScale): number {
  if (!(beta > 0) || !Number.isFinite(beta)) throw new RangeError(`beta must be > 0, got ${beta}`);
  return scale === 'sqrt' ? beta / Math.sqrt(d) : beta;
}

/**
 * The stored patterns on the tfjs backend, kept twice: X (N x d) and X^T
 * (d x N). Both products of a step are then plain A B products; tfjs's
 * transposed-operand path is several times slower on the WASM and CPU
 * backends (measured: 1.0 s against 0.17 s for 100 cues x 10,000 digits).
 * Create with storePatterns, free with disposePatterns.
 */
export interface StoredPatterns {
  readonly n: number;
  readonly d: number;
  /** N x d, row i is x_i. */
  readonly x: tf.Tensor2D;
  /** d x N. */
  readonly xt: tf.Tensor2D;
  /** |x_i|^2, length N, for nearest(). */
  readonly norms: tf.Tensor1D;
}

/** Uploads N patterns of d values (row-major) to the backend. */
export function storePatterns(data: Float32Array, n: number, d: number): StoredPatterns {
  if (data.length !== n * d) throw new RangeError(`${data.length} values are not ${n} x ${d}`);
  return tf.tidy(() => {
    const x = tf.tensor2d(data, [n, d], 'float32');
    return {
      n,
      d,
      x,
      xt: tf.transpose(x) as tf.Tensor2D,
      norms: tf.sum(tf.square(x), 1) as tf.Tensor1D,
    };
  });
}

export function disposePatterns(m: StoredPatterns): void {
  tf.dispose([m.x, m.xt, m.norms]);
}

/** Logits beta' Q X^T (B x N). */
function logits(m: StoredPatterns, q: tf.Tensor2D, betaEff: number): tf.Tensor2D {
  return tf.mul(tf.matMul(q, m.xt), betaEff);
}

/** Scores S = Q X^T (B x N), s_bi = x_i.q_b: the logits at beta' = 1. */
export function scores(m: StoredPatterns, q: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(q, m.xt);
}

/** Attention P = softmax(beta' Q X^T) over the stored patterns, row by row (B x N). */
export function attention(m: StoredPatterns, q: tf.Tensor2D, betaEff: number): tf.Tensor2D {
  return tf.tidy(() => tf.softmax(logits(m, q, betaEff)) as tf.Tensor2D);
}

/** E per cue (length B): -(1/beta') logsumexp(beta' Q X^T) + 1/2 |q|^2, constant dropped. */
export function energy(m: StoredPatterns, q: tf.Tensor2D, betaEff: number): tf.Tensor1D {
  return tf.tidy(() => energyFrom(logits(m, q, betaEff), q, betaEff));
}

function energyFrom(l: tf.Tensor2D, q: tf.Tensor2D, betaEff: number): tf.Tensor1D {
  const half = tf.mul(tf.sum(tf.square(q), 1), 0.5);
  return tf.sub(half, tf.div(tf.logSumExp(l, 1), betaEff)) as tf.Tensor1D;
}

export interface StepResult {
  /** The updated states Q' = P X (B x d). */
  next: tf.Tensor2D;
  /** The attention P = softmax(beta' Q X^T) that made them (B x N). */
  attention: tf.Tensor2D;
  /** E of the states BEFORE the step (the same logits give it for free), length B. */
  energy: tf.Tensor1D;
}

/**
 * One update of every cue: Q' = softmax(beta' Q X^T) X. Two matrix
 * products; the energy of Q comes from the same logits.
 */
export function retrieveStep(m: StoredPatterns, q: tf.Tensor2D, betaEff: number): StepResult {
  return tf.tidy(() => {
    const l = logits(m, q, betaEff);
    const p = tf.softmax(l) as tf.Tensor2D;
    return {
      next: tf.matMul(p, m.x) as tf.Tensor2D,
      attention: p,
      energy: energyFrom(l, q, betaEff),
    };
  });
}

/** Attention and energy of the states Q (one matrix product): what the next step would use. */
export function inspect(
  m: StoredPatterns,
  q: tf.Tensor2D,
  betaEff: number,
): { attention: tf.Tensor2D; energy: tf.Tensor1D } {
  return tf.tidy(() => {
    const l = logits(m, q, betaEff);
    return { attention: tf.softmax(l) as tf.Tensor2D, energy: energyFrom(l, q, betaEff) };
  });
}

/**
 * Index of the stored pattern nearest (Euclidean) to each cue (length B,
 * int32): argmin_i |x_i|^2 - 2 x_i.q (|q|^2 is the same for every i).
 */
export function nearest(m: StoredPatterns, q: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.argMin(tf.sub(m.norms, tf.mul(tf.matMul(q, m.xt), 2)), 1) as tf.Tensor1D);
}

export interface SettleOptions {
  /** Stop a cue once no pixel moves by this much in one update; default 1e-3. */
  tol?: number;
  /** Most updates; default 50. */
  maxSteps?: number;
}

export interface SettleResult {
  /** Final states, B x d (the caller disposes it). */
  state: tf.Tensor2D;
  /**
   * Per cue: the updates that moved some pixel by at least `tol`. 0 means
   * the cue was already a fixed point; 1 that it settled in one step (the
   * next update only confirmed it). maxSteps if it never settled.
   */
  steps: Int32Array;
  converged: boolean[];
  /** Per cue, E of the cue then of each state reached, up to the one before the last update. */
  energy: number[][];
}

/**
 * Updates all cues until each one settles (max |change| < tol) or maxSteps
 * updates. Every cue keeps being updated until all have settled, which
 * moves a settled one by less than tol. Reads two small tensors back per
 * update (await data(): safe on every backend).
 */
export async function settle(
  m: StoredPatterns,
  q: tf.Tensor2D,
  betaEff: number,
  opts: SettleOptions = {},
): Promise<SettleResult> {
  const tol = opts.tol ?? 1e-3;
  const maxSteps = opts.maxSteps ?? 50;
  const b = q.shape[0];
  const steps = new Int32Array(b).fill(maxSteps);
  const converged = new Array<boolean>(b).fill(false);
  const energies: number[][] = Array.from({ length: b }, () => []);
  let cur = tf.clone(q);
  let open = b;
  for (let k = 1; k <= maxSteps && open > 0; k++) {
    const { next, change, e } = tf.tidy(() => {
      const r = retrieveStep(m, cur, betaEff);
      return { next: r.next, change: tf.max(tf.abs(tf.sub(r.next, cur)), 1), e: r.energy };
    });
    const [dv, ev] = await Promise.all([change.data(), e.data()]);
    tf.dispose([change, e, cur]);
    cur = next;
    for (let r = 0; r < b; r++) {
      energies[r].push(ev[r]);
      if (!converged[r] && dv[r] < tol) {
        converged[r] = true;
        steps[r] = k - 1;
        open--;
      }
    }
  }
  return { state: cur, steps, converged, energy: energies };
}

// ---- Regimes -------------------------------------------------------------

export type Regime = 'average' | 'blend' | 'single';

/** Below this effective number of patterns the state is one stored digit. */
export const SINGLE_MAX_NEFF = 1.5;
/** From this fraction of N (and at least SINGLE_MAX_NEFF) up, it is the average of everything. */
export const AVERAGE_MIN_FRACTION = 0.5;

export interface RegimeInfo {
  regime: Regime;
  /** Effective number of patterns the attention spreads over, 1 / sum p_i^2, in [1, N]. */
  nEff: number;
  maxWeight: number;
  argmax: number;
}

/** 1 / sum_i p_i^2: 1 when one pattern has all the weight, N when all share it equally. */
export function effectiveCount(p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i] * p[i];
  return s > 0 ? 1 / s : 0;
}

/**
 * Names the regime from the attention p over N patterns, with
 * n_eff = 1 / sum p_i^2:
 * - 'single' (one stored digit): n_eff < 1.5 (the top weight is then above about 0.8);
 * - 'average' (of everything): n_eff >= max(1.5, N / 2);
 * - 'blend' (a metastable mixture of about n_eff similar digits): in between.
 */
export function regimeOf(p: ArrayLike<number>): RegimeInfo {
  const n = p.length;
  const nEff = effectiveCount(p);
  let argmax = 0;
  for (let i = 1; i < n; i++) if (p[i] > p[argmax]) argmax = i;
  const maxWeight = n ? p[argmax] : 0;
  const regime: Regime =
    nEff < SINGLE_MAX_NEFF
      ? 'single'
      : nEff >= Math.max(SINGLE_MAX_NEFF, AVERAGE_MIN_FRACTION * n)
        ? 'average'
        : 'blend';
  return { regime, nEff, maxWeight, argmax };
}

// ---- Typed-array reference (float64) -------------------------------------

/**
 * The softmax of the logits beta' X xi (X row-major N x d) in float64, and
 * their log-sum-exp lse = log sum_i exp(beta' x_i.xi), both computed with
 * the largest logit subtracted first, so huge logits do not overflow.
 */
function referenceSoftmax(
  x: ArrayLike<number>,
  n: number,
  d: number,
  xi: ArrayLike<number>,
  betaEff: number,
): { p: Float64Array; lse: number } {
  const p = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    const o = i * d;
    for (let k = 0; k < d; k++) dot += x[o + k] * xi[k];
    p[i] = betaEff * dot;
    if (p[i] > max) max = p[i];
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += p[i] = Math.exp(p[i] - max);
  for (let i = 0; i < n; i++) p[i] /= sum;
  return { p, lse: max + Math.log(sum) };
}

/** p = softmax(beta' X xi) with X row-major N x d, in float64 (max subtracted first). */
export function referenceAttention(
  x: ArrayLike<number>,
  n: number,
  d: number,
  xi: ArrayLike<number>,
  betaEff: number,
): Float64Array {
  return referenceSoftmax(x, n, d, xi, betaEff).p;
}

/** One update xi' = X^T softmax(beta' X xi), in float64. */
export function referenceStep(
  x: ArrayLike<number>,
  n: number,
  d: number,
  xi: ArrayLike<number>,
  betaEff: number,
): { next: Float64Array; p: Float64Array } {
  const p = referenceAttention(x, n, d, xi, betaEff);
  const next = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const w = p[i];
    if (w === 0) continue;
    const o = i * d;
    for (let k = 0; k < d; k++) next[k] += w * x[o + k];
  }
  return { next, p };
}

/** E(xi) = -(1/beta') log sum_i exp(beta' x_i.xi) + 1/2 xi.xi, in float64, constant dropped. */
export function referenceEnergy(
  x: ArrayLike<number>,
  n: number,
  d: number,
  xi: ArrayLike<number>,
  betaEff: number,
): number {
  const { lse } = referenceSoftmax(x, n, d, xi, betaEff);
  let sq = 0;
  for (let k = 0; k < d; k++) sq += xi[k] * xi[k];
  return -lse / betaEff + 0.5 * sq;
}

/**
 * Runs referenceStep until max |change| < tol or maxSteps updates; steps
 * counts the updates that moved some pixel by at least tol (as settle()).
 */
export function referenceSettle(
  x: ArrayLike<number>,
  n: number,
  d: number,
  cue: ArrayLike<number>,
  betaEff: number,
  opts: SettleOptions = {},
): { state: Float64Array; p: Float64Array; steps: number; converged: boolean } {
  const tol = opts.tol ?? 1e-3;
  const maxSteps = opts.maxSteps ?? 50;
  let cur: Float64Array = Float64Array.from(cue);
  let p: Float64Array = new Float64Array(n);
  for (let k = 1; k <= maxSteps; k++) {
    const r = referenceStep(x, n, d, cur, betaEff);
    let change = 0;
    for (let i = 0; i < d; i++) change = Math.max(change, Math.abs(r.next[i] - cur[i]));
    cur = r.next;
    p = r.p;
    if (change < tol) return { state: cur, p, steps: k - 1, converged: true };
  }
  return { state: cur, p, steps: maxSteps, converged: false };
}

/** Index of the row of X (N x d) nearest to v (Euclidean); ties take the lowest index. */
export function nearestRow(x: ArrayLike<number>, n: number, d: number, v: ArrayLike<number>) {
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i < n; i++) {
    let dist = 0;
    const o = i * d;
    for (let k = 0; k < d; k++) {
      const t = x[o + k] - v[k];
      dist += t * t;
    }
    if (dist < bestDist) {
      bestDist = dist;
      best = i;
    }
  }
  return best;
}

/** Cosine similarity a.b / (|a| |b|); 0 when either is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
