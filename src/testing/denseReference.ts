/**
 * Helpers for the model tests: explicit dense products written straight from
 * the formulas, to check the fast paths against.
 */
import type { Bipolar, PatternMatrix } from '../core/pattern';

/** h = W s with W row-major D x D, in float64. */
export function denseField(w: ArrayLike<number>, s: Int8Array): Float64Array {
  const d = s.length;
  const h = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += w[i * d + j] * s[j];
    h[i] = sum;
  }
  return h;
}

/** E = -1/2 s^T W s, in float64. */
export function denseEnergy(w: ArrayLike<number>, s: Int8Array): number {
  const h = denseField(w, s);
  let e = 0;
  for (let i = 0; i < s.length; i++) e += s[i] * h[i];
  return -0.5 * e;
}

/** A pattern matrix from plain rows of +-1. */
export function matrix(rows: number[][]): PatternMatrix {
  const d = rows[0]?.length ?? 0;
  return { n: rows.length, d, data: Int8Array.from(rows.flat()) as Bipolar };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * Storkey (1997) straight from the formula, O(N D^3), in float64: for each pattern, with the
 * weights before it, w_ij += (1/D)(xi_i xi_j - xi_i h_ji - h_ij xi_j), h_ij = sum_{k != i, j}
 * w_ik xi_k, over i != j (`keepDiagonal` false: w_ii = 0) or every i, j (true, as written).
 */
export function naiveStorkey(x: PatternMatrix, keepDiagonal = false): Float64Array {
  const { n, d, data } = x;
  let w = new Float64Array(d * d);
  for (let mu = 0; mu < n; mu++) {
    const xi = data.subarray(mu * d, mu * d + d);
    const h = (i: number, j: number) => {
      let s = 0;
      for (let k = 0; k < d; k++) if (k !== i && k !== j) s += w[i * d + k] * xi[k];
      return s;
    };
    const next = new Float64Array(d * d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        if (i === j && !keepDiagonal) continue;
        next[i * d + j] = w[i * d + j] + (xi[i] * xi[j] - xi[i] * h(j, i) - h(i, j) * xi[j]) / d;
      }
    }
    w = next;
  }
  return w;
}
