import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { fromComponents, pca, projectPca, symmetricEigen } from './pca';

/** A random orthonormal basis of R^dim (Gram-Schmidt on Gaussian vectors), rows. */
function orthonormal(dim: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const basis: Float64Array[] = [];
  while (basis.length < dim) {
    const v = Float64Array.from({ length: dim }, () => rng.normal());
    for (const b of basis) {
      const d = v.reduce((s, x, i) => s + x * b[i], 0);
      v.forEach((_, i) => (v[i] -= d * b[i]));
    }
    const norm = Math.hypot(...v);
    basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/**
 * n points m + 3 a u1 + 1 b u2 + 0.05 noise in R^dim, a, b ~ N(0, 1):
 * principal axes u1 (variance 9) and u2 (variance 1).
 */
function planted(n: number, dim: number, seed: number) {
  const [u1, u2] = orthonormal(dim, seed);
  const m = Float64Array.from({ length: dim }, (_, j) => j - 2);
  const rng = createRng(seed + 1);
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal();
    for (let j = 0; j < dim; j++)
      x[i * dim + j] = m[j] + 3 * a * u1[j] + b * u2[j] + 0.05 * rng.normal();
  }
  return { x, u1, u2, m };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

describe('symmetricEigen', () => {
  it('diagonalises a symmetric matrix with an orthonormal basis', () => {
    const dim = 7;
    const rng = createRng(3);
    const a = new Float64Array(dim * dim);
    for (let i = 0; i < dim; i++) {
      for (let j = i; j < dim; j++) a[i * dim + j] = a[j * dim + i] = rng.normal();
    }
    const { values, vectors } = symmetricEigen(a, dim);
    for (let p = 0; p < dim; p++) {
      for (let q = 0; q < dim; q++) {
        // (V^T V)_pq = delta_pq and (A v_q)_p = lambda_q v_pq.
        let vtv = 0;
        let av = 0;
        for (let r = 0; r < dim; r++) {
          vtv += vectors[r * dim + p] * vectors[r * dim + q];
          av += a[p * dim + r] * vectors[r * dim + q];
        }
        expect(vtv).toBeCloseTo(p === q ? 1 : 0, 10);
        expect(av).toBeCloseTo(values[q] * vectors[p * dim + q], 10);
      }
    }
  });
});

describe('pca', () => {
  it('recovers planted axes, their variances and the mean', () => {
    const dim = 6;
    const n = 2000;
    const { x, u1, u2, m } = planted(n, dim, 11);
    const result = pca(x, n, dim);
    const c1 = result.components.subarray(0, dim);
    const c2 = result.components.subarray(dim, 2 * dim);
    expect(Math.abs(dot(c1, u1))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(c2, u2))).toBeGreaterThan(0.99);
    expect(result.eigenvalues[0]).toBeCloseTo(9, 0);
    expect(result.eigenvalues[1]).toBeCloseTo(1, 0);
    expect(result.eigenvalues[2]).toBeLessThan(0.01);
    expect(result.explainedVarianceRatio[0] + result.explainedVarianceRatio[1]).toBeGreaterThan(
      0.99,
    );
    for (let j = 0; j < dim; j++) expect(result.mean[j]).toBeCloseTo(m[j], 0);
    expect(result.projections.length).toBe(2 * n);
    // Projections are centred, with the component variances.
    const v1 =
      Array.from({ length: n }, (_, i) => result.projections[2 * i] ** 2).reduce((a, b) => a + b) /
      n;
    expect(v1).toBeCloseTo(result.eigenvalues[0], 3);
  });

  it('fixes each sign: the largest-magnitude loading is positive', () => {
    const dim = 5;
    const { x } = planted(500, dim, 4);
    const result = pca(x, 500, dim, { k: 3 });
    for (let r = 0; r < 3; r++) {
      const u = Array.from(result.components.subarray(r * dim, (r + 1) * dim));
      const big = u.reduce((best, v, j) => (Math.abs(v) > Math.abs(u[best]) ? j : best), 0);
      expect(u[big]).toBeGreaterThan(0);
    }
    // Mirrored data has the same covariance: the same components, mirrored projections.
    const mirrored = pca(
      x.map((v) => -v),
      500,
      dim,
      { k: 3 },
    );
    for (let i = 0; i < result.components.length; i++) {
      expect(mirrored.components[i]).toBeCloseTo(result.components[i], 9);
    }
    for (let i = 0; i < 10; i++)
      expect(mirrored.projections[i]).toBeCloseTo(-result.projections[i], 4);
  });

  it('aligns signs with a reference frame when given one', () => {
    const dim = 4;
    const { x } = planted(300, dim, 8);
    const base = pca(x, 300, dim);
    const flipped = Float64Array.from(base.components, (v, i) => (i < dim ? -v : v));
    const aligned = pca(x, 300, dim, { reference: flipped });
    for (let i = 0; i < dim; i++)
      expect(aligned.components[i]).toBeCloseTo(-base.components[i], 12);
    for (let i = dim; i < 2 * dim; i++)
      expect(aligned.components[i]).toBeCloseTo(base.components[i], 12);
  });

  it('projects new points into the same frame', () => {
    const dim = 3;
    const { x } = planted(100, dim, 2);
    const result = pca(x, 100, dim);
    const again = projectPca(result, x.subarray(0, 3 * dim));
    for (let i = 0; i < 6; i++) expect(again[i]).toBeCloseTo(result.projections[i], 5);
    // The mean maps to the origin.
    expect(Array.from(projectPca(result, Float32Array.from(result.mean)))).toEqual([
      expect.closeTo(0, 5),
      expect.closeTo(0, 5),
    ]);
  });

  it('maps plane coordinates back into the space: the inverse of projecting on the span', () => {
    const dim = 6;
    const { x } = planted(200, dim, 4);
    const frame = pca(x, 200, dim);
    const coords = [1.5, -0.5, 0, 0, -2, 3];
    const lifted = fromComponents(frame, coords);
    expect(lifted).toHaveLength(3 * dim);
    // (0, 0) is the mean; projecting a lifted point returns its coordinates.
    for (let j = 0; j < dim; j++) expect(lifted[dim + j]).toBeCloseTo(frame.mean[j], 5);
    const back = projectPca(frame, lifted);
    coords.forEach((c, i) => expect(back[i]).toBeCloseTo(c, 4));
    expect(() => fromComponents(frame, [1, 2, 3])).toThrow(RangeError);
  });

  it('handles coincident points and rejects impossible shapes', () => {
    const same = pca(new Float32Array(12).fill(2), 4, 3);
    expect(Array.from(same.explainedVarianceRatio)).toEqual([0, 0]);
    expect(Array.from(same.projections).every((v) => v === 0)).toBe(true);
    expect(() => pca(new Float32Array(6), 3, 2, { k: 3 })).toThrow(RangeError);
    expect(() => pca(new Float32Array(7), 3, 2)).toThrow(RangeError);
  });
});
