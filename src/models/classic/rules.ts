/**
 * Krauth-Mezard "minover" learning to a stability margin (SCIENCE.md
 * section 1b): D x D row-major float32 weights with a zero diagonal,
 * normalisation 1/D. Unlearning, the other rule of that section, is in
 * ./unlearning.
 */
import type { PatternMatrix } from '../../core/pattern';
import { gram } from './linalg';

export interface KrauthMezardResult {
  /** D x D row-major; row i is unit i's incoming weights. NOT symmetric. */
  w: Float32Array;
  /** Rows whose every stability reached the margin before the update limit. */
  convergedRows: number;
  /** The smallest stability kappa_i^mu over every unit and pattern at the end. */
  minStability: number;
  /** Total single-pattern updates over all rows. */
  updates: number;
}

/** Krauth-Mezard's default margin c and its update limit per row (in multiples of N). */
export const KM_DEFAULT_MARGIN = 1;
export const KM_UPDATES_PER_PATTERN = 200;

/**
 * Krauth & Mezard (1987) "minover", row by row: for unit i, repeat: find the
 * stored pattern mu with the smallest stability
 *
 *   kappa_i^mu = xi_i^mu sum_{j != i} w_ij xi_j^mu / ||w_i||
 *
 * and add (1/D) xi_i^mu xi_j^mu to row i (j != i, so w_ii = 0), until every
 * stability is at least the margin c (or `maxUpdates` per row, default
 * 200 N, have been made; the row is then left where it is).
 *
 * Rows are learned independently, so W is not symmetric: the energy
 * -1/2 s^T W s is then not a Lyapunov function and asynchronous recall may
 * raise it. With c = 0 a solution exists up to alpha = N/D = 2 (Gardner);
 * a margin c > 0 buys basins of attraction for capacity (alpha_c(1) ~ 0.52).
 *
 * How it is fast: row i is w_i = (1/D) sum_nu c_nu xi_i^nu (xi^nu without
 * unit i), so with the Gram matrix G = X X^T every stability and the norm
 * follow one update in O(N): a_nu += (1/D)(xi_i^nu xi_i^mu G_{nu mu} - 1).
 * W is built from the counts c_nu at the end (O(N D^2)).
 */
export function krauthMezardWeights(
  x: PatternMatrix,
  margin = KM_DEFAULT_MARGIN,
  maxUpdates = KM_UPDATES_PER_PATTERN * Math.max(1, x.n),
  /** Called after each row (rows done, D), for a progress bar. */
  progress?: (done: number, total: number) => void,
): KrauthMezardResult {
  const { n, d, data } = x;
  if (!(margin >= 0) || !Number.isFinite(margin)) {
    throw new RangeError(`the Krauth-Mezard margin must be a number >= 0, got ${margin}`);
  }
  const w = new Float32Array(d * d);
  if (n === 0) return { w, convergedRows: d, minStability: Infinity, updates: 0 };
  const g = gram(x);
  const a = new Float64Array(n); // raw stabilities xi_i^mu (w_i . xi^mu), j != i
  const counts = new Int32Array(n);
  const col = new Int8Array(n);
  let convergedRows = 0;
  let minStability = Infinity;
  let updates = 0;
  for (let i = 0; i < d; i++) {
    for (let mu = 0; mu < n; mu++) col[mu] = data[mu * d + i];
    a.fill(0);
    counts.fill(0);
    let norm2 = 0;
    let done = false;
    let rowMin = -Infinity;
    for (let t = 0; t < maxUpdates; t++) {
      let worst = 0;
      for (let mu = 1; mu < n; mu++) if (a[mu] < a[worst]) worst = mu;
      rowMin = norm2 > 0 ? a[worst] / Math.sqrt(norm2) : -Infinity;
      // Strictly above 0 when c = 0: a zero field is a tie, not a stable bit.
      if (norm2 > 0 && (margin > 0 ? rowMin >= margin : rowMin > 0)) {
        done = true;
        break;
      }
      // ||w_i||^2 += (2/D) a_mu + (D - 1)/D^2 (the new term's own square).
      norm2 += (2 * a[worst]) / d + (d - 1) / (d * d);
      const xm = col[worst];
      const r = worst * n;
      for (let nu = 0; nu < n; nu++) a[nu] += (col[nu] * xm * g[r + nu] - 1) / d;
      counts[worst]++;
      updates++;
    }
    if (!done) {
      let worst = 0;
      for (let mu = 1; mu < n; mu++) if (a[mu] < a[worst]) worst = mu;
      rowMin = norm2 > 0 ? a[worst] / Math.sqrt(norm2) : -Infinity;
    } else convergedRows++;
    minStability = Math.min(minStability, rowMin);
    // w_ij = (1/D) sum_mu c_mu xi_i^mu xi_j^mu, j != i.
    const o = i * d;
    for (let mu = 0; mu < n; mu++) {
      const c = counts[mu];
      if (c === 0) continue;
      const f = (c * col[mu]) / d;
      const p = mu * d;
      for (let j = 0; j < d; j++) w[o + j] += f * data[p + j];
    }
    w[o + i] = 0;
    progress?.(i + 1, d);
  }
  return { w, convergedRows, minStability, updates };
}

/** kappa_i^mu = xi_i^mu (W xi^mu)_i / ||w_i|| for every unit and pattern (N x D), for tests and read-outs. */
export function stabilities(w: Float32Array, x: PatternMatrix): Float64Array {
  const { n, d, data } = x;
  const out = new Float64Array(n * d);
  for (let i = 0; i < d; i++) {
    const o = i * d;
    let norm2 = 0;
    for (let j = 0; j < d; j++) norm2 += w[o + j] * w[o + j];
    const norm = Math.sqrt(norm2) || 1;
    for (let mu = 0; mu < n; mu++) {
      const p = mu * d;
      let h = 0;
      for (let j = 0; j < d; j++) h += w[o + j] * data[p + j];
      out[mu * d + i] = (data[p + i] * h) / norm;
    }
  }
  return out;
}
