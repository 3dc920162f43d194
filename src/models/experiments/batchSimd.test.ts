import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { loadSimd, type Simd } from '../../kernels/simd';
import { flipFraction } from '../classic/corrupt';
import { learn, randomPatterns, storkeyWeights } from '../classic/hopfield';
import { asBipolar, row, type PatternMatrix } from '../../core/pattern';
import { covarianceNetwork } from '../../testing/covarianceNetwork';
import { maxAbsDiff } from '../../testing/denseReference';
import { batchRecall } from './batch';
import { SimdStorkey, simdEngine } from './batchSimd';
import { typedEngine } from './batchTyped';
import { runLoadSweep, summarise } from './trials';

let simd: Simd;
beforeAll(async () => {
  const s = await loadSimd();
  if (!s) throw new Error('this Node has no WebAssembly SIMD');
  simd = s;
});

function noisyCues(x: PatternMatrix, b: number, noise: number, seed: number): Int8Array {
  const rng = createRng(seed);
  const out = new Int8Array(b * x.d);
  for (let c = 0; c < b; c++) out.set(flipFraction(row(x, c % x.n), noise, rng), c * x.d);
  return out;
}

describe('SIMD Hebbian step', () => {
  it('gives the typed engine states bit for bit, for sizes that are not multiples of 8, 16 or 128', () => {
    for (const [n, d, seed] of [
      [1, 5, 1],
      [7, 77, 2],
      [17, 129, 3],
      [40, 300, 4],
      [90, 1000, 5],
    ]) {
      const x = randomPatterns(n, d, createRng(seed));
      const b = 9;
      // noise up to 0.5 so ties (N h = 0) happen at even N
      const s = noisyCues(x, b, 0.45, seed + 10);
      const a = new Int8Array(b * d);
      const z = new Int8Array(b * d);
      typedEngine.hebbian(x).step(s, b, a);
      const m = simdEngine(simd).hebbian(x);
      m.step(s, b, z);
      m.dispose();
      expect(Array.from(z)).toEqual(Array.from(a));
    }
  });

  it('with no stored pattern leaves every state as it is', () => {
    const x: PatternMatrix = { n: 0, d: 20, data: asBipolar(new Int8Array(0)) };
    const s = noisyCues(randomPatterns(2, 20, createRng(1)), 2, 0, 1);
    const out = new Int8Array(40);
    simdEngine(simd).hebbian(x).step(s, 2, out);
    expect(Array.from(out)).toEqual(Array.from(s));
  });

  it('recalls to the same finals, steps and cycles as the typed engine', async () => {
    const x = randomPatterns(30, 200, createRng(6)); // load 0.15: some cues fail and cycle
    const s = noisyCues(x, 30, 0.2, 7);
    const a = await batchRecall(typedEngine.hebbian(x), s, 30, { maxSteps: 30 });
    const z = await batchRecall(simdEngine(simd).hebbian(x), s, 30, { maxSteps: 30 });
    expect(Array.from(z.finals)).toEqual(Array.from(a.finals));
    expect(Array.from(z.steps)).toEqual(Array.from(a.steps));
    expect(Array.from(z.cycled)).toEqual(Array.from(a.cycled));
  });

  it('refuses D >= 32768 units (overlaps are 16-bit) with a message', () => {
    const x: PatternMatrix = { n: 1, d: 40000, data: asBipolar(new Int8Array(40000).fill(1)) };
    expect(() => simdEngine(simd).hebbian(x)).toThrow(/16 bits/);
  });
});

describe('SIMD Storkey learning', () => {
  it('learns the weights of storkeyWeights up to float32 rounding, symmetric, zero diagonal', () => {
    const d = 70;
    const x = randomPatterns(20, d, createRng(2));
    const l = new SimdStorkey(simd, x);
    l.growTo(20);
    const w = l.weights();
    expect(maxAbsDiff(w, storkeyWeights(x))).toBeLessThan(1e-6);
    for (let i = 0; i < d; i++) {
      expect(w[i * d + i]).toBe(0);
      for (let j = 0; j < i; j++) expect(w[i * d + j]).toBe(w[j * d + i]);
    }
    l.dispose();
  });

  it('grown in steps equals grown at once, and a prefix equals the smaller network', () => {
    const d = 51; // not a multiple of 4: the rows are padded
    const x = randomPatterns(16, d, createRng(8));
    const a = new SimdStorkey(simd, x);
    a.growTo(5);
    const five: PatternMatrix = { n: 5, d, data: asBipolar(x.data.subarray(0, 5 * d)) };
    expect(maxAbsDiff(a.weights(), storkeyWeights(five))).toBeLessThan(1e-6);
    a.growTo(11);
    a.growTo(16);
    const b = new SimdStorkey(simd, x);
    b.growTo(16);
    expect(maxAbsDiff(a.weights(), b.weights())).toBeLessThan(1e-6);
    a.dispose();
    b.dispose();
  });

  it('recalls with its own W as the typed engine does with the same W', async () => {
    const d = 150;
    const x = randomPatterns(30, d, createRng(3));
    const own = new SimdStorkey(simd, x);
    const memory = own.memory(30);
    const s = noisyCues(x, 13, 0.1, 4);
    const net = learn('storkey', x);
    const z = await batchRecall(memory, s, 13, { maxSteps: 30 });
    const a = await batchRecall(typedEngine.dense(storkeyWeights(x), d), s, 13, { maxSteps: 30 });
    expect(Array.from(z.finals)).toEqual(Array.from(a.finals));
    expect(net.d).toBe(d);
    memory.dispose();
    own.dispose();
  });
});

describe('SIMD dense step', () => {
  it('with a threshold (covariance rule) matches the typed engine', () => {
    const d = 203;
    const { x, w, t } = covarianceNetwork(d, 25, 5);
    const s = noisyCues(x, 6, 0.05, 6);
    const a = new Int8Array(6 * d);
    const z = new Int8Array(6 * d);
    typedEngine.dense(w, d, t).step(s, 6, a);
    const m = simdEngine(simd).dense(w, d, t);
    m.step(s, 6, z);
    m.dispose();
    expect(Array.from(z)).toEqual(Array.from(a));
  });
});

describe('SIMD engine in a sweep', () => {
  it('gives the typed engine rates and gives its memory back', async () => {
    const sweep = {
      d: 120,
      points: [20, 30, 40].map((n) => ({ n, flip: 0.1 })),
      kind: 'storkey' as const,
      patterns: 'random' as const,
      trials: 4,
      cues: 5,
      maxSteps: 30,
      seed: 3,
      stream: 0,
    };
    const rates = async (engine: ReturnType<typeof simdEngine>) => {
      const out: number[] = [];
      for await (const ev of runLoadSweep(sweep, engine, { offset: 0, total: 1 })) {
        if (ev.kind === 'point') out.push(summarise(ev.stats, sweep.d).successRate);
      }
      return out;
    };
    const before = (await rates(simdEngine(simd))).length;
    const size = simd.buffer().byteLength;
    for (let k = 0; k < 3; k++) await rates(simdEngine(simd));
    expect(simd.buffer().byteLength).toBe(size); // freed blocks are reused
    expect(before).toBe(3);
    expect(await rates(simdEngine(simd))).toEqual(await rates(typedEngine));
  });
});
