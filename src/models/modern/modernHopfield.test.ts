import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MNIST_PIXELS,
  MNIST_SIDE,
  sampleDigits,
  signedMatrix,
  type MnistSet,
} from '../../data/mnist';
import { loadMnistNode } from '../../data/mnistNode';
import { createRng } from '../../core/random';
import { makeCue, type CueRegion } from './imageCue';
import {
  attention,
  AVERAGE_MIN_FRACTION,
  cosine,
  disposePatterns,
  effectiveBeta,
  effectiveCount,
  energy,
  nearest,
  nearestRow,
  referenceAttention,
  referenceEnergy,
  referenceSettle,
  referenceStep,
  regimeOf,
  retrieveStep,
  settle,
  SINGLE_MAX_NEFF,
  storePatterns,
  type StoredPatterns,
} from './modernHopfield';
import { maxAbsDiff } from '../../testing/denseReference';

const d = MNIST_PIXELS;
const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
let set: MnistSet;
/** 200 real digits in [-1, 1], seeded. */
let xs: Float32Array;
const N = 200;

beforeAll(async () => {
  await tf.setBackend('cpu');
  set = await loadMnistNode();
  xs = signedMatrix(set, sampleDigits(set, N, ALL, createRng(5)));
});

function digit(i: number): Float32Array {
  return xs.subarray(i * d, (i + 1) * d);
}

/** Stored digit i as a cue: `region` hidden (amount of it), noise sigma added, seeded. */
function cueOf(i: number, region: CueRegion, amount: number, noise: number, seed: number) {
  return makeCue(digit(i), MNIST_SIDE, MNIST_SIDE, { region, amount, noise }, createRng(seed));
}

async function withMemory<T>(fn: (m: StoredPatterns) => Promise<T>): Promise<T> {
  const m = storePatterns(xs, N, d);
  try {
    return await fn(m);
  } finally {
    disposePatterns(m);
  }
}

/** The direct formula: p_i = exp(b x_i.xi) / sum_j exp(b x_j.xi), computed naively in float64. */
function naiveSoftmax(xi: ArrayLike<number>, b: number): number[] {
  const dots: number[] = [];
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += xs[i * d + k] * xi[k];
    dots.push(b * s);
  }
  const max = Math.max(...dots);
  const e = dots.map((v) => Math.exp(v - max));
  const z = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / z);
}

describe('effectiveBeta', () => {
  it('divides by sqrt(d) only when the scaling is on', () => {
    expect(effectiveBeta(28, 784, 'sqrt')).toBeCloseTo(1, 12);
    expect(effectiveBeta(28, 784, 'none')).toBe(28);
    expect(() => effectiveBeta(0, 784, 'none')).toThrow(RangeError);
  });
});

describe('the update xi <- X softmax(beta X^T xi)', () => {
  it('equals a direct softmax computation (tensors, typed arrays)', async () => {
    const cue = cueOf(3, 'bottom', 0.5, 0.2, 1);
    const b = effectiveBeta(8, d, 'sqrt');
    const p = naiveSoftmax(cue, b);
    const direct = new Float64Array(d);
    for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) direct[k] += p[i] * xs[i * d + k];

    const ref = referenceStep(xs, N, d, cue, b);
    expect(maxAbsDiff(ref.p, p)).toBeLessThan(1e-12);
    expect(maxAbsDiff(ref.next, direct)).toBeLessThan(1e-9);

    const m = storePatterns(xs, N, d);
    const q = tf.tensor2d(cue, [1, d]);
    const r = retrieveStep(m, q, b);
    const [next, att, e] = await Promise.all([r.next.data(), r.attention.data(), r.energy.data()]);
    expect(maxAbsDiff(att, p)).toBeLessThan(1e-5);
    expect(maxAbsDiff(next, direct)).toBeLessThan(1e-4);
    expect(e[0]).toBeCloseTo(referenceEnergy(xs, N, d, cue, b), 2);
    tf.dispose([q, r.next, r.attention, r.energy]);
    disposePatterns(m);
  });

  it('batches: each row of a batch is updated as if alone', async () => {
    const rng = createRng(2);
    const cues = [0, 7, 50].map((i) =>
      makeCue(digit(i), MNIST_SIDE, MNIST_SIDE, { region: 'random', amount: 0.4, noise: 0 }, rng),
    );
    const b = effectiveBeta(3, d, 'sqrt');
    await withMemory(async (m) => {
      const q = tf.tensor2d(Float32Array.from(cues.flatMap((c) => [...c])), [3, d]);
      const r = retrieveStep(m, q, b);
      const next = await r.next.data();
      cues.forEach((c, k) => {
        const ref = referenceStep(xs, N, d, c, b).next;
        expect(maxAbsDiff(next.subarray(k * d, (k + 1) * d), ref)).toBeLessThan(1e-4);
      });
      tf.dispose([q, r.next, r.attention, r.energy]);
    });
  });
});

describe('energy E = -(1/beta) lse(beta X^T xi) + 1/2 xi.xi', () => {
  it('does not rise over steps, for low, middle and high beta', () => {
    for (const beta of [0.3, 2, 20, 200]) {
      const b = effectiveBeta(beta, d, 'sqrt');
      for (const i of [1, 9]) {
        let xi: Float64Array = Float64Array.from(cueOf(i, 'top', 0.5, 0.3, i));
        let e = referenceEnergy(xs, N, d, xi, b);
        for (let k = 0; k < 12; k++) {
          xi = referenceStep(xs, N, d, xi, b).next;
          const next = referenceEnergy(xs, N, d, xi, b);
          expect(next).toBeLessThanOrEqual(e + 1e-9 * Math.max(1, Math.abs(e)));
          e = next;
        }
      }
    }
  });

  it('the tensor energy per step (settle) does not rise either, within float32 rounding', async () => {
    const cue = cueOf(4, 'square', 0.3, 0, 3);
    await withMemory(async (m) => {
      const q = tf.tensor2d(cue, [1, d]);
      const r = await settle(m, q, effectiveBeta(2, d, 'sqrt'), { maxSteps: 15, tol: 1e-5 });
      const es = r.energy[0];
      expect(es.length).toBeGreaterThan(1);
      for (let k = 1; k < es.length; k++) expect(es[k]).toBeLessThanOrEqual(es[k - 1] + 1e-2);
      const e = energy(m, q, effectiveBeta(2, d, 'sqrt'));
      expect((await e.data())[0]).toBeCloseTo(es[0], 2);
      tf.dispose([q, r.state, e]);
    });
  });
});

describe('retrieval regimes', () => {
  it('one step retrieves a stored digit from a lightly masked cue at high beta', async () => {
    const b = effectiveBeta(100, d, 'sqrt');
    await withMemory(async (m) => {
      for (const i of [0, 17, 123]) {
        const cue = cueOf(i, 'bottom', 0.25, 0, i);
        const q = tf.tensor2d(cue, [1, d]);
        const r = retrieveStep(m, q, b);
        const near = nearest(m, r.next);
        const next = await r.next.data();
        expect((await near.data())[0]).toBe(i);
        expect(maxAbsDiff(next, digit(i))).toBeLessThan(1e-3);
        expect(regimeOf(await r.attention.data()).regime).toBe('single');
        tf.dispose([q, r.next, r.attention, r.energy, near]);
      }
    });
  });

  it('low beta returns close to the mean of all stored digits', () => {
    const mean = new Float64Array(d);
    for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) mean[k] += xs[i * d + k] / N;
    const cue = cueOf(2, 'none', 0, 0, 1);
    const r = referenceStep(xs, N, d, cue, 1e-5);
    expect(maxAbsDiff(r.next, mean)).toBeLessThan(0.01);
    const reg = regimeOf(r.p);
    expect(reg.regime).toBe('average');
    expect(reg.nEff).toBeGreaterThan(0.99 * N);
  });

  it('larger beta gives a sharper softmax (fewer effective patterns, larger top weight)', async () => {
    const cue = cueOf(11, 'bottom', 0.5, 0, 4);
    const betas = [0.01, 0.1, 0.5, 1, 2, 5, 20];
    let prevN = Infinity;
    let prevMax = 0;
    await withMemory(async (m) => {
      const q = tf.tensor2d(cue, [1, d]);
      for (const beta of betas) {
        const a = attention(m, q, effectiveBeta(beta, d, 'sqrt'));
        const r = regimeOf(await a.data());
        a.dispose();
        expect(r.nEff).toBeLessThan(prevN);
        expect(r.maxWeight).toBeGreaterThan(prevMax);
        prevN = r.nEff;
        prevMax = r.maxWeight;
      }
      q.dispose();
    });
  });

  it('a middle beta settles in a blend of several digits, named as such', () => {
    const cue = cueOf(6, 'bottom', 0.5, 0, 6);
    const r = referenceSettle(xs, N, d, cue, effectiveBeta(1, d, 'sqrt'));
    const reg = regimeOf(r.p);
    expect(reg.regime).toBe('blend');
    expect(reg.nEff).toBeGreaterThan(2);
    expect(reg.nEff).toBeLessThan(N / 2);
  });
});

describe('regimeOf and effectiveCount', () => {
  it('names the thresholds as documented', () => {
    expect(effectiveCount([1, 0, 0, 0])).toBe(1);
    expect(effectiveCount([0.25, 0.25, 0.25, 0.25])).toBe(4);
    expect(regimeOf([0.9, 0.05, 0.05, 0, 0, 0]).regime).toBe('single');
    const uniform = new Array(10).fill(0.1);
    expect(regimeOf(uniform).regime).toBe('average');
    // n_eff = 4 of 10: a blend; n_eff = 8 of 10 is past N/2: the average.
    expect(regimeOf([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0, 0, 0]).regime).toBe('blend');
    expect(regimeOf([0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0, 0]).regime).toBe(
      'average',
    );
    expect(SINGLE_MAX_NEFF).toBe(1.5);
    expect(AVERAGE_MIN_FRACTION).toBe(0.5);
    const r = regimeOf([0.1, 0.7, 0.2]);
    expect(r.argmax).toBe(1);
    expect(r.maxWeight).toBe(0.7);
  });

  it('reference attention sums to 1 and survives huge logits', () => {
    const p = referenceAttention(xs, N, d, digit(0), 1000);
    expect(p.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(1, 6);
  });
});

describe('helpers', () => {
  it('nearestRow and cosine', () => {
    expect(nearestRow(xs, N, d, digit(42))).toBe(42);
    expect(cosine(digit(1), digit(1))).toBeCloseTo(1, 6);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});

describe('tensors are owned', () => {
  it('a step, a settle, nearest and a dispose leave no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const m = storePatterns(xs, N, d);
    const q = tf.tensor2d(digit(5), [1, d]);
    const b = effectiveBeta(20, d, 'sqrt');
    const r = retrieveStep(m, q, b);
    tf.dispose([r.next, r.attention, r.energy]);
    const s = await settle(m, q, b);
    const near = nearest(m, s.state);
    const a = attention(m, q, b);
    tf.dispose([s.state, near, q, a]);
    disposePatterns(m);
    expect(tf.memory().numTensors).toBe(before);
  });
});
