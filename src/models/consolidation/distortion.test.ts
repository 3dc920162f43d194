import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { prototypicalDistortion, withinClassVariance } from './distortion';

describe('withinClassVariance', () => {
  it('is the mean over pixels of the per-pixel population variance', () => {
    // Class 0: pixel 0 takes 0 and 1 (variance 1/4), pixel 1 is constant.
    // Class 1: three items, pixel 0 in {0, 0, 0.6} (variance 0.08), pixel 1 in {1, 0, 1} (2/9).
    const images = Float32Array.from([0, 1, 0, 0, 1, 1, 0, 1, 0.6, 1]);
    const labels = Uint8Array.from([0, 1, 0, 1, 1]);
    const v = withinClassVariance(images, 5, 2, labels, 3);
    expect(v[0]).toBeCloseTo((0.25 + 0) / 2, 6);
    expect(v[1]).toBeCloseTo((0.08 + 2 / 9) / 2, 6);
    expect(v[2]).toBeNaN();
  });
});

describe('prototypicalDistortion', () => {
  const n = 60;
  const d = 16;
  const rng = createRng(1);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 3);
  const originals = Float32Array.from({ length: n * d }, () => rng.next());
  const means = new Float64Array(3 * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) means[labels[i] * d + j] += originals[i * d + j] / 20;

  it('is 1 for perfect recall and 0 for recalling only the class prototype', () => {
    expect(prototypicalDistortion(originals, originals, n, d, labels, 3).ratio).toBeCloseTo(1, 12);
    const prototypes = Float32Array.from(
      { length: n * d },
      (_, k) => means[labels[Math.floor(k / d)] * d + (k % d)],
    );
    const result = prototypicalDistortion(originals, prototypes, n, d, labels, 3);
    expect(result.ratio).toBeCloseTo(0, 6);
    expect(Array.from(result.reconstructions)).toEqual([
      expect.closeTo(0, 6),
      expect.closeTo(0, 6),
      expect.closeTo(0, 6),
    ]);
  });

  it('scales as a^2 when recall shrinks each item towards its class mean by a', () => {
    const a = 0.6;
    const shrunk = originals.map((x, k) => {
      const m = means[labels[Math.floor(k / d)] * d + (k % d)];
      return m + a * (x - m);
    });
    const result = prototypicalDistortion(originals, shrunk, n, d, labels, 3);
    expect(result.ratio).toBeCloseTo(a * a, 5);
    for (const r of result.perClassRatio) expect(r).toBeCloseTo(a * a, 5);
  });

  it('weights classes equally and skips empty ones', () => {
    const result = prototypicalDistortion(originals, originals, n, d, labels, 5);
    expect(result.originals[4]).toBeNaN();
    expect(result.ratio).toBeCloseTo(1, 12);
  });
});
