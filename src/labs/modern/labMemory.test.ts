import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { MNIST_PIXELS, signedImage } from '../../data/mnist';
import { fakeMnist } from '../../testing/fakeMnist';
import { loadSimd } from '../../kernels/simd';
import { makeLabMemory, runInSlices, StoreAbandoned } from './labMemory';

describe('the Modern lab memory', () => {
  it('gives the same step, attention, energy and nearest digit on the SIMD kernels and on tensors', async () => {
    await tf.setBackend('cpu');
    const set = fakeMnist();
    const stored = [3, 7, 11, 12, 20, 25, 31, 39];
    const simd = await makeLabMemory(set, stored);
    const tensors = await makeLabMemory(set, stored, { engine: 'tfjs' });
    expect(simd.engine).toBe('wasm-simd');
    expect(tensors.engine).toBe('tfjs-cpu');
    const before = tf.memory().numTensors;
    const q = signedImage(set, 11);
    q.fill(0, MNIST_PIXELS / 2);
    for (const beta of [0.01, 0.1, 1]) {
      const [a, b] = [await simd.step(q, beta), await tensors.step(q, beta)];
      let diff = 0;
      for (let k = 0; k < MNIST_PIXELS; k++) diff = Math.max(diff, Math.abs(a[k] - b[k]));
      expect(diff).toBeLessThan(1e-4);
      const [va, vb] = [await simd.view(q, beta), await tensors.view(q, beta)];
      expect(va.nearest).toBe(vb.nearest);
      expect(va.energy).toBeCloseTo(vb.energy, 2);
      for (let i = 0; i < stored.length; i++) {
        expect(va.attention[i]).toBeCloseTo(vb.attention[i], 4);
      }
    }
    // The scores x_i.q on both, against a plain sum.
    const [sa, sb] = [await simd.scores(q), await tensors.scores(q)];
    stored.forEach((item, i) => {
      const x = signedImage(set, item);
      let dot = 0;
      for (let k = 0; k < MNIST_PIXELS; k++) dot += x[k] * q[k];
      expect(sa[i]).toBeCloseTo(dot, 2);
      expect(sb[i]).toBeCloseTo(dot, 2);
    });
    expect(tf.memory().numTensors).toBe(before); // no tensor left behind by step, view or scores
    simd.dispose();
    tensors.dispose();
  });

  it('stores in slices; a store made moot stops and leaves no kernel block', async () => {
    await tf.setBackend('cpu');
    const simd = (await loadSimd())!;
    const set = fakeMnist(3000, 7);
    const stored = Array.from({ length: 3000 }, (_, i) => (i * 7) % 3000);
    const before = simd.liveBlocks;
    let turns = 0;
    const stop = () => ++turns > 1; // moot after the first turn of one slice
    await expect(makeLabMemory(set, stored, { stop, budgetMs: 0 })).rejects.toBeInstanceOf(
      StoreAbandoned,
    );
    expect(turns).toBe(2);
    expect(simd.liveBlocks).toBe(before);
    // One slice per turn, or everything in one turn: the same memory, value for value.
    const sliced = await makeLabMemory(set, stored, { budgetMs: 0 });
    const whole = await makeLabMemory(set, stored, { budgetMs: Infinity });
    expect(sliced.engine).toBe('wasm-simd');
    for (const item of [5, 2999]) {
      const q = signedImage(set, item);
      q.fill(0, 0, 300);
      expect(await sliced.step(q, 0.2)).toEqual(await whole.step(q, 0.2));
      expect(await sliced.view(q, 0.2)).toEqual(await whole.view(q, 0.2));
    }
    sliced.dispose();
    whole.dispose();
    expect(simd.liveBlocks).toBe(before);
  });

  it('runs sliced work a budget at a time, and closes it when stopped', async () => {
    let closed = false;
    function* work() {
      try {
        for (let i = 0; i < 1000; i++) {
          const t = performance.now();
          while (performance.now() - t < 0.5); // half a millisecond of work per slice
          yield;
        }
        return 'done';
      } finally {
        closed = true;
      }
    }
    let turns = 0;
    await expect(runInSlices(work(), () => ++turns >= 3, 5)).rejects.toBeInstanceOf(StoreAbandoned);
    expect(closed).toBe(true);
    expect(turns).toBe(3);
    function* short() {
      yield;
      return 42;
    }
    expect(await runInSlices(short())).toBe(42);
  });
});
