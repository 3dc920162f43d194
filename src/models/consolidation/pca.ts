/**
 * Principal components of latent means, for drawing an L-dimensional latent
 * space (L up to about 20) as a 2-D map (SCIENCE.md section 3).
 *
 * Covariance C = (1/n) sum_i (x_i - m)(x_i - m)^T (population form, L x L),
 * diagonalised exactly by the cyclic Jacobi method in float64 (O(L^3) per
 * sweep; a handful of sweeps at L = 20). Components are unit eigenvectors
 * in order of decreasing eigenvalue; projections are (x - m) . u_k.
 *
 * Sign convention, so the map does not flip between frames: each component's
 * largest-magnitude loading is positive (the first such index on a tie), or,
 * when a reference frame is given, each component points the same way as
 * the reference's component of the same rank (u . r >= 0). Neither rule can
 * stop two components swapping ranks when their variances cross.
 */

export interface PcaOptions {
  /** Components kept. Default 2; at most dim. */
  readonly k?: number;
  /** Components of an earlier frame (k x dim, row-major) to align signs with. */
  readonly reference?: Float64Array;
}

export interface Pca {
  readonly dim: number;
  readonly k: number;
  /** m: the mean of the points. */
  readonly mean: Float64Array;
  /** k x dim, row-major, unit rows. */
  readonly components: Float64Array;
  /** All dim eigenvalues of C, decreasing (variance along each axis). */
  readonly eigenvalues: Float64Array;
  /** lambda_k / sum(lambda) for the kept components (0 when all points coincide). */
  readonly explainedVarianceRatio: Float64Array;
  /** n x k, row-major: the points in component coordinates. */
  readonly projections: Float32Array;
}

export function pca(points: Float32Array, n: number, dim: number, options: PcaOptions = {}): Pca {
  const k = options.k ?? 2;
  if (!Number.isInteger(dim) || dim < 1 || !Number.isInteger(k) || k < 1 || k > dim) {
    throw new RangeError(`cannot keep ${k} components of ${dim}-dimensional points`);
  }
  if (!Number.isInteger(n) || n < 1 || points.length !== n * dim) {
    throw new RangeError(`${points.length} values do not make ${n} >= 1 rows of ${dim}`);
  }
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += points[i * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= n;
  const cov = new Float64Array(dim * dim);
  const e = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) e[j] = points[i * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) cov[a * dim + b] += e[a] * e[b];
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      cov[a * dim + b] /= n;
      cov[b * dim + a] = cov[a * dim + b];
    }
  }
  const { values, vectors } = symmetricEigen(cov, dim);
  const order = Array.from({ length: dim }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const eigenvalues = Float64Array.from(order, (i) => Math.max(0, values[i]));
  const total = eigenvalues.reduce((a, b) => a + b, 0);
  const components = new Float64Array(k * dim);
  const explainedVarianceRatio = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    const col = order[r];
    const u = components.subarray(r * dim, (r + 1) * dim);
    for (let j = 0; j < dim; j++) u[j] = vectors[j * dim + col];
    if (flipSign(u, options.reference?.subarray(r * dim, (r + 1) * dim))) {
      for (let j = 0; j < dim; j++) u[j] = -u[j];
    }
    explainedVarianceRatio[r] = total > 0 ? eigenvalues[r] / total : 0;
  }
  const result = { dim, k, mean, components, eigenvalues, explainedVarianceRatio };
  return { ...result, projections: projectPca(result, points) };
}

/** (x - m) . u_r for each row x of points (n x dim) -> n x k. */
export function projectPca(
  frame: Pick<Pca, 'dim' | 'k' | 'mean' | 'components'>,
  points: Float32Array,
): Float32Array {
  const { dim, k, mean, components } = frame;
  if (points.length % dim !== 0) {
    throw new RangeError(`${points.length} values are not whole rows of ${dim}`);
  }
  const n = points.length / dim;
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (points[i * dim + j] - mean[j]) * components[r * dim + j];
      out[i * k + r] = s;
    }
  }
  return out;
}

/**
 * Back from component coordinates to the space: x = m + sum_r c_r u_r, for
 * rows of k coordinates (n x k) -> n x dim. The inverse of projectPca on
 * the span of the components (the discarded directions come back as 0).
 */
export function fromComponents(
  frame: Pick<Pca, 'dim' | 'k' | 'mean' | 'components'>,
  coords: ArrayLike<number>,
): Float32Array {
  const { dim, k, mean, components } = frame;
  if (coords.length % k !== 0) throw new RangeError(`${coords.length} values are not rows of ${k}`);
  const n = coords.length / k;
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) {
      let s = mean[j];
      for (let r = 0; r < k; r++) s += coords[i * k + r] * components[r * dim + j];
      out[i * dim + j] = s;
    }
  }
  return out;
}

/** True when u should be negated under the documented sign convention. */
function flipSign(u: Float64Array, reference: Float64Array | undefined): boolean {
  if (reference && reference.length === u.length) {
    let d = 0;
    for (let j = 0; j < u.length; j++) d += u[j] * reference[j];
    if (d !== 0) return d < 0;
  }
  let best = 0;
  for (let j = 1; j < u.length; j++) {
    if (Math.abs(u[j]) > Math.abs(u[best]) * (1 + 1e-9)) best = j;
  }
  return u[best] < 0;
}

/**
 * Eigen-decomposition of a symmetric dim x dim matrix by cyclic Jacobi
 * rotations (Golub & Van Loan 8.5): values[i] and column i of vectors
 * (row-major) are the i-th eigenpair, unsorted. The input is not changed.
 */
export function symmetricEigen(
  matrix: Float64Array,
  dim: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) v[i * dim + i] = 1;
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale += a[i] * a[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < dim; p++) for (let q = p + 1; q < dim; q++) off += a[p * dim + q] ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < dim; p++) {
      for (let q = p + 1; q < dim; q++) {
        const apq = a[p * dim + q];
        if (apq === 0) continue;
        // Rotation (c, s) that zeroes a_pq (the smaller of the two angles).
        const theta = (a[q * dim + q] - a[p * dim + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < dim; r++) {
          const arp = a[r * dim + p];
          const arq = a[r * dim + q];
          a[r * dim + p] = c * arp - s * arq;
          a[r * dim + q] = s * arp + c * arq;
        }
        for (let r = 0; r < dim; r++) {
          const apr = a[p * dim + r];
          const aqr = a[q * dim + r];
          a[p * dim + r] = c * apr - s * aqr;
          a[q * dim + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < dim; r++) {
          const vrp = v[r * dim + p];
          const vrq = v[r * dim + q];
          v[r * dim + p] = c * vrp - s * vrq;
          v[r * dim + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(dim);
  for (let i = 0; i < dim; i++) values[i] = a[i * dim + i];
  return { values, vectors: v };
}
