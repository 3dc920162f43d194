/**
 * The classic (binary) Hopfield network: learning rules and the Network type
 * (SCIENCE.md section 1, Hopfield 1982).
 *
 * Notation: D units, N stored patterns, pattern matrix X (N x D, row mu is
 * xi^mu, entries +-1), state s in {-1, +1}^D, local field h = W s,
 * energy E(s) = -1/2 s^T W s (no thresholds).
 *
 * Hebbian, Storkey (by default), pseudo-inverse and unlearning give a
 * symmetric W with a zero diagonal. That is what makes asynchronous dynamics
 * lower the energy at every flip, and what lets a network compute the energy
 * change of one flip as dE = 2 s_i h_i. Two options depart from it, and say
 * so: Storkey with `diagonal: 'keep'` (w_ii != 0, dE = 2 s_i h_i - 2 w_ii),
 * and Krauth-Mezard, whose rows are learned apart (W not symmetric, so the
 * energy is no Lyapunov function). Dense associative memory (./denseAM) has
 * no pairwise W at all for n > 2.
 *
 * How each rule computes fields and energies quickly lives in ./networks;
 * Krauth-Mezard is in ./rules, unlearning in ./unlearning.
 */
import type { Rng } from '../../core/random';
import type { Bipolar, PatternMatrix } from '../../core/pattern';
import { DenseAMNetwork } from './denseAM';
import { DenseNetwork, HebbianNetwork, PseudoInverseNetwork } from './networks';
import { upperTriangleField } from './linalg';
import { krauthMezardWeights, KM_DEFAULT_MARGIN } from './rules';
import { UNLEARNING_DEFAULTS, UnlearningNetwork } from './unlearning';

export const RULES = [
  'hebbian',
  'storkey',
  'pseudoinverse',
  'krauth-mezard',
  'unlearning',
  'dense-am',
] as const;
export type Rule = (typeof RULES)[number];

/**
 * How Storkey's rule treats the diagonal. 'zero' (the default here): the
 * update is applied for i != j only and w_ii = 0. 'keep': as Storkey (1997)
 * wrote it, for every i and j, so w_ii += (1/D)(1 - 2 xi_i h_i) with h_i the
 * field from the other units; recall then includes w_ii s_i in h_i. This is
 * the convention of the seed project's capacity table (the EPFL course).
 */
export const DIAGONALS = ['zero', 'keep'] as const;
export type Diagonal = (typeof DIAGONALS)[number];

/** The settings some rules take; every one has a default. */
export interface LearnOptions {
  /** storkey: the diagonal convention, default 'zero'. */
  diagonal?: Diagonal;
  /** krauth-mezard: the stability margin c, default 1. */
  margin?: number;
  /** unlearning: the number of dreams (default 10 per stored pattern), their strength (0.01) and seed (1). */
  dreams?: number;
  epsilon?: number;
  seed?: number;
  /** dense-am: the power n of F(x) = x^n, default 3. */
  power?: number;
  /**
   * storkey, krauth-mezard, unlearning: called as learning goes (patterns,
   * rows or dreams done of the total), for a progress bar. Changes nothing learned.
   */
  progress?: (done: number, total: number) => void;
}

export const DEFAULT_POWER = 3;

/**
 * Local fields kept up to date under single-unit flips, for asynchronous and
 * stochastic dynamics. It reads the state array it was made from *live*:
 * after changing s[i], call `flipped(i)` before the next `at`.
 *
 * Factorised rules (hebbian, pseudo-inverse) cache the N overlaps u = X s, so
 * `at` and `flipped` cost O(N); dense rules (storkey) keep the whole field
 * h = W s, so `at` is O(1) and `flipped` O(D).
 */
export interface FieldCache {
  /** h_i = sum_j w_ij s_j for the current state. */
  at(i: number): number;
  /** Unit i has just flipped (s[i] already holds its new value). */
  flipped(i: number): void;
  /** Recompute everything from the current state (after an outside edit). */
  reset(): void;
}

export interface Network {
  readonly rule: Rule;
  readonly d: number;
  readonly n: number;
  readonly patterns: PatternMatrix;
  /** W = W^T (false for Krauth-Mezard): only then does an async flip change E by 2 s_i h_i - 2 w_ii. */
  readonly symmetric: boolean;
  /** w_ii (0 but for Storkey with the diagonal kept). */
  selfWeight(i: number): number;
  /**
   * Full D x D weights, row-major Float32Array. Built lazily and cached for
   * hebbian and pseudo-inverse (recall never needs it; at D = 8000 it is
   * 256 MB); storkey holds it from the start.
   */
  weights(): Float32Array;
  /** w_ij for one pair: O(N) for hebbian and pseudo-inverse, O(1) for storkey. */
  weight(i: number, j: number): number;
  /** Local field h = W s written into out (length d); factorised when cheaper. Returns out. */
  field(s: Int8Array, out: Float32Array): Float32Array;
  /** Energy E(s) = -1/2 s^T W s. */
  energy(s: Int8Array): number;
  /** Incremental local fields for single-unit dynamics over the live state s. */
  fieldCache(s: Int8Array): FieldCache;
}

/**
 * Stores the patterns with the given rule.
 *
 * - hebbian: W = (1/N) X^T X with the diagonal zeroed; fields and energies
 *   come from the overlaps X s, never from W (2ND work, no D^2 memory).
 * - storkey: builds W (D x D float32, O(N D^2) time), diagonal by `diagonal`.
 * - pseudoinverse: solves (X X^T)^-1 once (float64) and factorises the field;
 *   throws if the patterns are linearly dependent.
 * - krauth-mezard: minover to the margin (./rules), W not symmetric.
 * - unlearning: Hebbian (1/D) then dreams subtracted (./unlearning), W kept as factors.
 * - dense-am: F(x) = x^n over the overlaps (./denseAM), no W.
 */
export function learn(rule: Rule, patterns: PatternMatrix, opts: LearnOptions = {}): Network {
  switch (rule) {
    case 'hebbian':
      return new HebbianNetwork(patterns);
    case 'storkey':
      return new DenseNetwork(
        'storkey',
        patterns,
        storkeyWeights(patterns, opts.diagonal, opts.progress),
      );
    case 'pseudoinverse':
      return new PseudoInverseNetwork(patterns);
    case 'krauth-mezard':
      return new DenseNetwork(
        'krauth-mezard',
        patterns,
        krauthMezardWeights(patterns, opts.margin ?? KM_DEFAULT_MARGIN, undefined, opts.progress).w,
        false,
      );
    case 'unlearning':
      return new UnlearningNetwork(patterns, {
        dreams: opts.dreams ?? UNLEARNING_DEFAULTS.dreamsPerPattern * patterns.n,
        epsilon: opts.epsilon ?? UNLEARNING_DEFAULTS.epsilon,
        seed: opts.seed ?? 1,
        progress: opts.progress,
      });
    case 'dense-am':
      return new DenseAMNetwork(patterns, opts.power ?? DEFAULT_POWER);
    default:
      throw new RangeError(`unknown learning rule '${String(rule)}'; expected one of ${RULES}`);
  }
}

/**
 * Hebbian weights W = (1/N) sum_mu xi^mu (xi^mu)^T with w_ii = 0.
 *
 * Normalisation 1/N (not 1/D): with it w_ij is the mean agreement of units i
 * and j over the stored patterns, in [-1, 1]. Sign dynamics are the same under
 * either choice; only the energy scale differs. N = 0 gives W = 0.
 * Cost O(N D^2) time and D^2 floats: for inspection and tests, never recall.
 */
export function hebbianWeights(x: PatternMatrix): Float32Array {
  return new HebbianNetwork(x).weights();
}

/**
 * Storkey (1997) weights, learned one pattern at a time from W = 0. For each
 * new pattern xi, with the weights before it:
 *
 *   w_ij += (1/D) (xi_i xi_j - xi_i h_ji - h_ij xi_j),
 *   h_ij  = sum_{k != i, j} w_ik xi_k.
 *
 * Normalisation 1/D. With diagonal 'zero' (the default) the update is
 * applied for i != j only, so h_ij = g_i - w_ij xi_j with g_i the field at i
 * from the other units: O(D^2) per pattern instead of O(D^3). With 'keep'
 * (Storkey 1997 as written, and the seed's table) it is applied for i = j
 * too: h_ii = g_i, so w_ii += (1/D)(1 - 2 xi_i g_i); the off-diagonal update
 * is unchanged, because h_ij excludes k = i and k = j either way. W stays
 * symmetric. Stores about D / sqrt(2 ln D) patterns for exact recall with a
 * zero diagonal; keeping it lowers that (docs/rules.md).
 */
export function storkeyWeights(
  x: PatternMatrix,
  diagonal: Diagonal = 'zero',
  progress?: (done: number, total: number) => void,
): Float32Array {
  const { n, d, data } = x;
  // Only the upper triangle (j > i) is written while learning, so both passes
  // below run along rows; it is mirrored at the end.
  const w = new Float32Array(d * d);
  const h = new Float64Array(d);
  const rate = 1 / d;
  for (let mu = 0; mu < n; mu++) {
    const o = mu * d;
    // g_i = sum_{k != i} w_ik xi_k, from the upper triangle: w_ik = w_ki.
    upperTriangleField(w, d, data, o, h);
    if (diagonal === 'keep') {
      for (let i = 0; i < d; i++) w[i * d + i] += rate * (1 - 2 * data[o + i] * h[i]);
    }
    for (let i = 0; i < d; i++) {
      const xi = data[o + i];
      const hi = h[i];
      const r = i * d;
      for (let j = i + 1; j < d; j++) {
        const xj = data[o + j];
        const wij = w[r + j];
        const hij = hi - wij * xj; // h_ij: field at i without units i and j
        const hji = h[j] - wij * xi; // h_ji: field at j without units j and i
        w[r + j] = wij + rate * (xi * xj - xi * hji - hij * xj);
      }
    }
    progress?.(mu + 1, n);
  }
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) w[j * d + i] = w[i * d + j];
  }
  return w;
}

/**
 * Pseudo-inverse (projection) weights (Personnaz et al. 1985):
 * W = X^T (X X^T)^-1 X, the projector P onto the span of the patterns, with
 * the diagonal then set to zero.
 *
 * Every linearly independent pattern stays a fixed point after zeroing the
 * diagonal: P xi = xi, so h_i = xi_i (1 - P_ii), and 0 <= P_ii <= 1 means h_i
 * has the sign of xi_i or is 0, where the tie rule keeps the state.
 * (X X^T)^-1 is solved in float64 by Cholesky; throws an Error if the patterns
 * are linearly dependent (including N > D or a repeated or inverted pattern).
 * Cost O(N^2 D + N D^2) time, D^2 floats.
 */
export function pseudoInverseWeights(x: PatternMatrix): Float32Array {
  return new PseudoInverseNetwork(x).weights();
}

/**
 * N unbiased random patterns of D units (each unit +-1 with probability 1/2),
 * the setting of the capacity results. Draws N*D numbers from rng, row by row.
 */
export function randomPatterns(n: number, d: number, rng: Rng): PatternMatrix {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(d) || d < 0) {
    throw new RangeError(`cannot make ${n} patterns of ${d} units`);
  }
  const data = new Int8Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() < 0.5 ? -1 : 1;
  return { n, d, data: data as Bipolar };
}
