import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoencoderTrainer, straightThroughSign } from './autoencoder';
import { cellAtlasDataset } from './datasets';
import { trainedFixture } from './fixtures';
import { missingGradients } from './gradients';
import { fitNormalisation } from './table';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the autoencoder', () => {
  it('finds every gradient it needs on the tfjs-core copy it imports', () => {
    expect(missingGradients()).toEqual([]);
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.square(x)))(tf.tensor1d([1, -2]));
    expect(Array.from(g.dataSync())).toEqual([2, -4]);
  });

  it('binarises with sgn forward (0 -> +1) and passes the gradient straight through', () => {
    const t = tf.tensor1d([-0.5, 0, 0.2, -3]);
    expect(Array.from(straightThroughSign(t).dataSync())).toEqual([-1, 1, 1, -1]);
    const c = tf.tensor1d([1, 2, 3, 4]);
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(straightThroughSign(x), c)))(t);
    expect(Array.from(g.dataSync())).toEqual([1, 2, 3, 4]);
  });

  it('learns: the loss falls, and every code is K bits of +-1', async () => {
    const f = await trainedFixture();
    expect(f.losses.length).toBe(6);
    expect(f.losses[5]).toBeLessThan(0.6 * f.losses[0]);
    expect(f.codes.length).toBe(400 * 4);
  });

  it('is deterministic for a seed and frees every tensor', async () => {
    const table = cellAtlasDataset(200, 2, 50).table;
    const norm = fitNormalisation(table);
    const before = tf.memory().numTensors;
    const run = async () => {
      const t = new AutoencoderTrainer(table, norm, { bits: 16, hidden: 32, epochs: 1, seed: 4 });
      while (!t.progress.done) await t.step();
      const w = await t.weights();
      expect(t.progress.steps).toBe(2);
      expect(t.progress.totalSteps).toBe(2);
      t.dispose();
      return w;
    };
    const a = await run();
    const b = await run();
    expect(Array.from(a.w4)).toEqual(Array.from(b.w4));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("reads each step's loss asynchronously, one step at a time, leaving no tensor behind", async () => {
    const table = cellAtlasDataset(100, 3, 50).table;
    const norm = fitNormalisation(table);
    const t = new AutoencoderTrainer(table, norm, { bits: 16, hidden: 16, epochs: 1, seed: 5 });
    const during = tf.memory().numTensors;
    const first = t.step();
    await expect(t.step()).rejects.toThrow(/previous step/);
    const p = await first;
    expect(p.steps).toBe(1);
    expect(Number.isFinite(p.loss) && p.loss > 0).toBe(true);
    // the optimiser makes its moments on the first step; a later step adds nothing
    const afterFirst = tf.memory().numTensors;
    await t.step();
    expect(tf.memory().numTensors).toBe(afterFirst);
    expect(afterFirst).toBeGreaterThanOrEqual(during);
    t.dispose();
  });

  it('refuses a code size outside 16..256 bits', () => {
    const table = cellAtlasDataset(20, 2, 50).table;
    const norm = fitNormalisation(table);
    expect(() => new AutoencoderTrainer(table, norm, { bits: 8, seed: 1 })).toThrow(RangeError);
    expect(() => new AutoencoderTrainer(table, norm, { bits: 257, seed: 1 })).toThrow(RangeError);
  });
});
