import { expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { analogy, classMeans, readoutProbabilities } from './latentArithmetic';
import { fitLogistic, predict } from './linearReadout';

/** 3 classes in 2-D around (0, 0), (4, 0) and (0, 4), 40 points each. */
function blobs() {
  const rng = createRng(5);
  const centres = [
    [0, 0],
    [4, 0],
    [0, 4],
  ];
  const labels = new Uint8Array(120);
  const x = new Float32Array(240);
  for (let i = 0; i < 120; i++) {
    const c = i % 3;
    labels[i] = c;
    x[2 * i] = centres[c][0] + 0.3 * rng.normal();
    x[2 * i + 1] = centres[c][1] + 0.3 * rng.normal();
  }
  return { x, labels };
}

it('class means are the per-class averages; a missing class is NaN', () => {
  const m = classMeans(Float32Array.of(1, 2, 3, 4, 10, 20), Uint8Array.of(0, 0, 1), 2, 3);
  expect(Array.from(m.subarray(0, 4))).toEqual([2, 3, 10, 20]);
  expect(m.subarray(4).every(Number.isNaN)).toBe(true);
  expect(() => classMeans(new Float32Array(3), Uint8Array.of(0), 2, 3)).toThrow(RangeError);
});

it('a - b + c: (4, 0) - (0, 0) + (0, 4) lands near (4, 4), read out as the nearest class', () => {
  const { x, labels } = blobs();
  const means = classMeans(x, labels, 2, 3);
  const z = analogy(means, 2, [1, 0, 2]);
  expect(z[0]).toBeCloseTo(4, 0);
  expect(z[1]).toBeCloseTo(4, 0);
  const model = fitLogistic(x, 120, 2, labels, 3);
  const p = readoutProbabilities(model, means.subarray(2, 4));
  expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  // The probabilities' argmax is the read-out's prediction, on every point.
  for (let i = 0; i < 120; i++) {
    const row = x.subarray(2 * i, 2 * i + 2);
    const q = readoutProbabilities(model, row);
    expect(q.indexOf(Math.max(...q))).toBe(predict(model, row)[0]);
  }
  expect(p[1]).toBeGreaterThan(0.9);
  expect(() => readoutProbabilities(model, [1])).toThrow(RangeError);
});
