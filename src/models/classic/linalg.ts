/**
 * Small dense linear algebra: the overlaps X s (integers), and, in float64
 * for the pseudo-inverse rule, the N x N Gram matrix of the patterns and its
 * inverse. N is the number of stored patterns (hundreds at most), so O(N^3)
 * is cheap next to the O(N^2 D) products that build the rule.
 */
import { equal, type PatternMatrix } from '../../core/pattern';

/** u = X s as integers (u_mu = xi^mu . s, in [-D, D]): N D multiply-adds. */
export function projections(x: PatternMatrix, s: Int8Array, out?: Int32Array): Int32Array {
  const { n, d, data } = x;
  const u = out ?? new Int32Array(n);
  for (let mu = 0; mu < n; mu++) u[mu] = dot(data, mu * d, s, 0, d);
  return u;
}

/**
 * sum_i a[ao + i] b[bo + i] over i < d, exact in integers for +-1 entries. Four partial
 * sums: about 1.5x faster in V8 than one.
 */
function dot(a: Int8Array, ao: number, b: Int8Array, bo: number, d: number): number {
  let p = 0;
  let q = 0;
  let r = 0;
  let t = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    p += a[ao + i] * b[bo + i];
    q += a[ao + i + 1] * b[bo + i + 1];
    r += a[ao + i + 2] * b[bo + i + 2];
    t += a[ao + i + 3] * b[bo + i + 3];
  }
  for (; i < d; i++) p += a[ao + i] * b[bo + i];
  return p + q + r + t;
}

/**
 * u = X s for the last state asked about. A synchronous step asks for the
 * energy of the new state, and the next step for its field: both need the
 * same u, so the second request costs a D-long comparison, not N D work.
 */
export class ProjectionCache {
  private readonly u: Int32Array;
  private readonly last: Int8Array;
  private valid = false;

  constructor(private readonly x: PatternMatrix) {
    this.u = new Int32Array(x.n);
    this.last = new Int8Array(x.d);
  }

  /** u = X s (a shared buffer, valid until the next call). */
  of(s: Int8Array): Int32Array {
    if (this.valid && equal(s, this.last)) return this.u;
    projections(this.x, s, this.u);
    this.last.set(s);
    this.valid = true;
    return this.u;
  }
}

/**
 * The D x D symmetric matrix W with W_ij = W_ji = weight(i, j) for i < j and a zero
 * diagonal (row-major float32): D (D - 1) / 2 calls of `weight`.
 */
export function symmetricWeights(
  d: number,
  weight: (i: number, j: number) => number,
): Float32Array {
  const w = new Float32Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) w[i * d + j] = w[j * d + i] = weight(i, j);
  }
  return w;
}

/**
 * A field cache for a network whose fields are functions of the overlaps u = X s: keeps u
 * up to date as units flip (u_mu += 2 s_i xi^mu_i, N work a flip, with X^T as `xt`, D x N),
 * and reads unit i's field as `at(i, u)`. Shaped as hopfield.ts's FieldCache.
 */
export function overlapFieldCache(
  x: PatternMatrix,
  xt: Int8Array,
  s: Int8Array,
  at: (i: number, u: Int32Array) => number,
): { at(i: number): number; flipped(i: number): void; reset(): void } {
  const { n } = x;
  const u = projections(x, s);
  return {
    at: (i) => at(i, u),
    flipped: (i) => {
      const twice = 2 * s[i];
      const o = i * n;
      for (let mu = 0; mu < n; mu++) u[mu] += twice * xt[o + mu];
    },
    reset: () => void projections(x, s, u),
  };
}

/**
 * h = W x with the diagonal left out, h_i = sum_{k != i} w_ik x_k, for a symmetric W
 * (D x D float32) of which only the upper triangle (k > i) is read: one pass along the
 * rows. x is data[o .. o + D); h (D entries) is overwritten.
 */
export function upperTriangleField(
  w: Float32Array,
  d: number,
  data: Int8Array,
  o: number,
  h: Float64Array,
): void {
  h.fill(0);
  for (let i = 0; i < d; i++) {
    const r = i * d;
    const xi = data[o + i];
    let hi = h[i];
    for (let k = i + 1; k < d; k++) {
      const wik = w[r + k];
      hi += wik * data[o + k];
      h[k] += wik * xi;
    }
    h[i] = hi;
  }
}

/** X^T as a D x N int8 matrix, so that unit i's column is contiguous. */
export function transpose(x: PatternMatrix): Int8Array {
  const { n, d, data } = x;
  const t = new Int8Array(d * n);
  for (let mu = 0; mu < n; mu++) {
    for (let i = 0; i < d; i++) t[i * n + mu] = data[mu * d + i];
  }
  return t;
}

/**
 * Gram matrix G = X X^T (N x N, row-major float64): G_{mu nu} = xi^mu . xi^nu.
 * Entries are integers in [-D, D], so float64 holds them exactly.
 */
export function gram(x: PatternMatrix): Float64Array {
  const { n, d, data } = x;
  const g = new Float64Array(n * n);
  for (let mu = 0; mu < n; mu++) {
    for (let nu = mu; nu < n; nu++) {
      g[mu * n + nu] = g[nu * n + mu] = dot(data, mu * d, data, nu * d, d);
    }
  }
  return g;
}

/**
 * Inverse of a symmetric positive-definite n x n matrix (row-major float64) by
 * Cholesky factorisation A = L L^T, then A^-1 = L^-T L^-1.
 *
 * Returns null when a pivot falls to `tol` or below, i.e. A is singular (or
 * numerically so). For a Gram matrix that means the rows it came from are
 * linearly dependent.
 */
export function choleskyInverse(a: Float64Array, n: number, tol: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j];
    for (let k = 0; k < j; k++) diag -= l[j * n + k] * l[j * n + k];
    if (!(diag > tol)) return null;
    const ljj = Math.sqrt(diag);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = sum / ljj;
    }
  }
  // M = L^-1, lower triangular, solved column by column (forward substitution).
  const m = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    m[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= l[i * n + k] * m[k * n + j];
      m[i * n + j] = sum / l[i * n + i];
    }
  }
  // A^-1 = M^T M: (A^-1)_{ij} = sum_{k >= max(i,j)} M_ki M_kj.
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      for (let k = j; k < n; k++) sum += m[k * n + i] * m[k * n + j];
      inv[i * n + j] = sum;
      inv[j * n + i] = sum;
    }
  }
  return inv;
}
