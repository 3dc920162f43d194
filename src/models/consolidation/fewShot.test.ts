import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { UNPACED } from '../../core/pace';
import {
  balancedOrder,
  fewShotCurve,
  fewShotCurvePaced,
  readoutCurve,
  type FewShotInput,
} from './fewShot';
import { fitNearestMean } from './nearestMean';
import { accuracy } from './linearReadout';

/**
 * Features with a known answer: "latent" is a clean 3-D code of the class
 * (class centre + small noise); "pixels" is the same code mixed into 120
 * dimensions and buried in unit noise on every one of them. A good code
 * should need far fewer labels than the raw view.
 */
function features(
  perClass: number,
  seed: number,
  classes = 6,
): FewShotInput['train'] & { labels: Uint8Array } {
  const rng = createRng(seed);
  const crng = createRng(1234);
  const centres = Array.from({ length: classes }, () => [0, 1, 2].map(() => 3 * crng.normal()));
  const mixing = Array.from({ length: 3 * 120 }, () => crng.normal());
  const n = classes * perClass;
  const latent = new Float32Array(n * 3);
  const pixels = new Float32Array(n * 120);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let k = 0; k < 3; k++) latent[i * 3 + k] = centres[c][k] + 0.5 * rng.normal();
    for (let j = 0; j < 120; j++) {
      let v = 0;
      for (let k = 0; k < 3; k++) v += (centres[c][k] * mixing[k * 120 + j]) / 4;
      pixels[i * 120 + j] = v + 2.5 * rng.normal();
    }
  }
  return { latent: { features: latent, dim: 3 }, pixels: { features: pixels, dim: 120 }, labels };
}

describe('balancedOrder', () => {
  it('is a permutation whose every prefix is as balanced as possible', () => {
    const labels = Uint8Array.from({ length: 53 }, (_, i) => (i * 7) % 5);
    const order = balancedOrder(labels, 5, createRng(1));
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 53 }, (_, i) => i),
    );
    for (const n of [5, 10, 25, 50]) {
      const counts = new Array(5).fill(0);
      for (const i of order.subarray(0, n)) counts[labels[i]]++;
      expect(counts).toEqual(new Array(5).fill(n / 5));
    }
    expect(balancedOrder(labels, 5, createRng(1))).toEqual(order);
    expect(balancedOrder(labels, 5, createRng(2))).not.toEqual(order);
  });
});

describe('fewShotCurve', () => {
  const train = features(100, 1);
  const test = features(50, 2);
  const input: FewShotInput = {
    train: { latent: train.latent, pixels: train.pixels },
    trainLabels: train.labels,
    test: { latent: test.latent, pixels: test.pixels },
    testLabels: test.labels,
    classes: 6,
  };

  it('returns one point per size; a good code beats raw pixels at small n', () => {
    const sizes = [6, 18, 60, 600];
    const both = fewShotCurve(input, { sizes, seed: 3, repeats: 3 });
    expect(both.map((p) => `${p.readout}${p.n}`)).toEqual([
      ...sizes.map((n) => `logistic${n}`),
      ...sizes.map((n) => `nearestMean${n}`),
    ]);
    const curve = readoutCurve(both, 'logistic');
    // Nearest class mean on the clean code: close to perfect from one example per class.
    const mean = readoutCurve(both, 'nearestMean');
    expect(mean[0].latent).toBeGreaterThan(mean[0].pixels + 0.1);
    expect(mean[3].latent).toBeGreaterThan(0.9);
    for (const p of curve) {
      expect(p.latent).toBeGreaterThanOrEqual(0);
      expect(p.latent).toBeLessThanOrEqual(1);
    }
    expect(curve[0].latent).toBeGreaterThan(curve[0].pixels + 0.1);
    expect(curve[1].latent).toBeGreaterThan(curve[1].pixels);
    // More labels help the raw view a lot (monotone up to noise), and never hurt much.
    expect(curve[3].pixels).toBeGreaterThan(curve[0].pixels + 0.2);
    for (let s = 1; s < sizes.length; s++) {
      expect(curve[s].pixels).toBeGreaterThan(curve[s - 1].pixels - 0.05);
      expect(curve[s].latent).toBeGreaterThan(curve[s - 1].latent - 0.05);
    }
  });

  it('paced, it gives the same numbers and pauses before every fit', async () => {
    let pauses = 0;
    const pace = { ...UNPACED, pause: () => (pauses++, Promise.resolve()) };
    const options = { sizes: [12, 30], seed: 9, repeats: 2 };
    expect(await fewShotCurvePaced(input, options, pace)).toEqual(fewShotCurve(input, options));
    // 2 repeats x 2 sizes x 2 representations x 2 read-outs, and one more to finish.
    expect(pauses).toBe(17);
  });

  it('is deterministic in its seed', () => {
    const a = fewShotCurve(input, { sizes: [12, 30], seed: 9 });
    expect(fewShotCurve(input, { sizes: [12, 30], seed: 9 })).toEqual(a);
    expect(fewShotCurve(input, { sizes: [12, 30], seed: 10 })).not.toEqual(a);
  });

  it('rejects sizes beyond the training set', () => {
    expect(() => fewShotCurve(input, { sizes: [601], seed: 1 })).toThrow(RangeError);
    expect(() => fewShotCurve(input, { sizes: [0], seed: 1 })).toThrow(RangeError);
  });
});

describe('fitNearestMean', () => {
  it('sends each row to the class whose mean is nearest, never to an unseen class', () => {
    // Class 0 around (0, 0), class 1 around (4, 0); class 2 has no rows.
    const x = Float32Array.from([0, 1, 0, -1, 4, 1, 4, -1]);
    const model = fitNearestMean(x, 4, 2, Uint8Array.from([0, 0, 1, 1]), 3);
    const test = Float32Array.from([1.9, 5, 2.1, -5, 100, 0]);
    expect(accuracy(model, test, Uint8Array.from([0, 1, 1]))).toBe(1);
    expect(model.bias[2]).toBe(-Infinity);
    expect(() => fitNearestMean(x, 4, 2, Uint8Array.from([0, 0, 1, 3]), 3)).toThrow(RangeError);
  });
});
