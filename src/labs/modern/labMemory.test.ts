import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { MNIST_PIXELS, signedImage } from '../../data/mnist';
import { fakeMnist } from '../../testing/fakeMnist';
import { makeLabMemory } from './labMemory';

describe('the Modern lab memory', () => {
  it('gives the same step, attention, energy and nearest digit on the SIMD kernels and on tensors', async () => {
    await tf.setBackend('cpu');
    const set = fakeMnist();
    const stored = [3, 7, 11, 12, 20, 25, 31, 39];
    const simd = await makeLabMemory(set, stored, 'auto');
    const tensors = await makeLabMemory(set, stored, 'tfjs');
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
    expect(tf.memory().numTensors).toBe(before); // no tensor left behind by step or view
    simd.dispose();
    tensors.dispose();
  });
});
