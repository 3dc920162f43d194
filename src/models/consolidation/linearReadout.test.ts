import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { accuracy, fitLogistic, predict, type LogisticModel } from './linearReadout';

/** n points in `classes` Gaussian clusters (centres ~ N(0, spread^2 I), unit noise). */
function blobs(
  n: number,
  dim: number,
  classes: number,
  spread: number,
  seed: number,
  centreSeed = 99,
): { x: Float32Array; y: Uint8Array } {
  const crng = createRng(centreSeed);
  const centres = Array.from({ length: classes }, () =>
    Float64Array.from({ length: dim }, () => spread * crng.normal()),
  );
  const rng = createRng(seed);
  const x = new Float32Array(n * dim);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % classes;
    for (let j = 0; j < dim; j++) x[i * dim + j] = centres[y[i]][j] + rng.normal();
  }
  return { x, y };
}

/** J on raw features, written straight from the definition (sigma: per-feature population sd). */
function objective(model: LogisticModel, x: Float32Array, y: Uint8Array, l2: number): number {
  const { dim, classes, weights, bias } = model;
  const n = y.length;
  const sd = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i * dim + j] / n;
    for (let i = 0; i < n; i++) sd[j] += (x[i * dim + j] - m) ** 2 / n;
    sd[j] = Math.sqrt(sd[j]);
  }
  let f = 0;
  for (let i = 0; i < n; i++) {
    const s = Array.from(bias);
    for (let j = 0; j < dim; j++)
      for (let k = 0; k < classes; k++) s[k] += x[i * dim + j] * weights[j * classes + k];
    const max = Math.max(...s);
    f += Math.log(s.reduce((a, v) => a + Math.exp(v - max), 0)) + max - s[y[i]];
  }
  let penalty = 0;
  for (let j = 0; j < dim; j++)
    for (let k = 0; k < classes; k++) penalty += (weights[j * classes + k] * sd[j]) ** 2;
  return f / n + (l2 / 2) * penalty;
}

describe('fitLogistic', () => {
  it('separates well-separated clusters and generalises', () => {
    const train = blobs(300, 5, 4, 4, 1);
    const test = blobs(200, 5, 4, 4, 2);
    const model = fitLogistic(train.x, 300, 5, train.y, 4);
    expect(accuracy(model, train.x, train.y)).toBeGreaterThan(0.95);
    expect(accuracy(model, test.x, test.y)).toBeGreaterThan(0.95);
    expect(model.iterations).toBeGreaterThan(0);
  });

  it('does about as well as chance allows on overlapping clusters, never worse than chance', () => {
    const train = blobs(400, 3, 5, 0.8, 3);
    const test = blobs(400, 3, 5, 0.8, 4);
    const acc = accuracy(fitLogistic(train.x, 400, 3, train.y, 5), test.x, test.y);
    expect(acc).toBeGreaterThan(0.3);
    expect(acc).toBeLessThan(0.95);
  });

  it('lands on the minimum of J (every small move raises it)', () => {
    const l2 = 0.05;
    const { x, y } = blobs(60, 3, 3, 1.5, 5);
    const model = fitLogistic(x, 60, 3, y, 3, { l2, maxIterations: 500, tolerance: 1e-9 });
    const j0 = objective(model, x, y, l2);
    expect(model.objective).toBeCloseTo(j0, 8);
    const h = 1e-3;
    for (const which of ['weights', 'bias'] as const) {
      for (let p = 0; p < model[which].length; p++) {
        for (const sign of [-1, 1]) {
          const moved = { ...model, [which]: Float64Array.from(model[which]) };
          moved[which][p] += sign * h;
          expect(objective(moved, x, y, l2)).toBeGreaterThan(j0 - 1e-12);
        }
      }
    }
  });

  it('is deterministic and standardisation does not change a well-posed answer much', () => {
    const { x, y } = blobs(200, 4, 3, 3, 6);
    const a = fitLogistic(x, 200, 4, y, 3);
    const b = fitLogistic(x, 200, 4, y, 3);
    expect(a).toEqual(b);
    const raw = fitLogistic(x, 200, 4, y, 3, { standardise: false });
    const agree = predict(a, x).filter((c, i) => c === predict(raw, x)[i]).length;
    expect(agree / 200).toBeGreaterThan(0.95);
  });

  it('handles sparse pixel-like rows, constant features and absent classes', () => {
    // 8 features, two always 0 (constant), labels use classes 0..2 of 5.
    const rng = createRng(7);
    const n = 90;
    const x = new Float32Array(n * 8);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3;
      x[i * 8 + 2 + y[i] * 2] = 0.5 + 0.5 * rng.next();
      if (rng.next() < 0.3) x[i * 8 + 3 + ((y[i] + 1) % 3) * 2] = rng.next() * 0.3;
    }
    const model = fitLogistic(x, n, 8, y, 5);
    expect(accuracy(model, x, y)).toBe(1);
    expect(Array.from(model.weights).every(Number.isFinite)).toBe(true);
    expect(predict(model, x).every((c) => c < 3)).toBe(true);
  });

  it('rejects mismatched inputs', () => {
    expect(() => fitLogistic(new Float32Array(5), 2, 3, new Uint8Array(2), 2)).toThrow(RangeError);
    expect(() => fitLogistic(new Float32Array(6), 2, 3, new Uint8Array(3), 2)).toThrow(RangeError);
    expect(() => fitLogistic(new Float32Array(6), 2, 3, Uint8Array.from([0, 2]), 2)).toThrow(
      RangeError,
    );
  });
});
