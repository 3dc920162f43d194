import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import '../../models/consolidation/registerGradients';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import type { ImageSet } from '../../models/consolidation/consolidation';
import { createVae } from '../../models/consolidation/vae';
import { LabTensors } from './tensors';

/** A second CPU backend under its own name, with the CPU kernels, to switch to and lose. */
function registerCpuCopy(name: string): void {
  tf.registerBackend(name, () => new MathBackendCPU());
  for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: name });
}

function images(n: number, d: number, seed: number, bipolar = false): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => (bipolar ? 2 * rng.next() - 1 : rng.next()));
}

const d = 16;
const n = 24;

describe('LabTensors: rebuilding on a new backend', () => {
  let before = 0;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    registerCpuCopy('cpu-old');
    registerCpuCopy('cpu-new');
    registerCpuCopy('cpu-next');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('after the old backend is lost, the rebuilt VAE and hippocampus give the same results', async () => {
    await tf.setBackend('cpu-old');
    before = tf.memory().numTensors;
    const x = images(n, d, 1);
    const episodes: ImageSet = {
      n: 8,
      d,
      images: images(8, d, 2, true),
      labels: new Uint8Array(8),
    };
    const lab = new LabTensors();
    lab.setVae(createVae({ inputSize: d, hiddenSize: 8, latentSize: 2, seed: 3 }));
    const vae = lab.vae!;
    for (let i = 0; i < 5; i++) {
      const batch = tf.tensor2d(x, [n, d]);
      await vae.trainStep(batch);
      batch.dispose();
    }
    await lab.snapshot(1);
    expect(lab.savedEpochs).toBe(1);
    lab.store(episodes);
    const recon = await vae.reconstructImages(x, n);
    const means = await vae.encodeMeans(x, n);

    // The device goes: every tensor on it is gone, then the app falls back.
    tf.removeBackend('cpu-old');
    await tf.setBackend('cpu-new');
    lab.rebuild();
    const rebuilt = lab.vae!;
    expect(rebuilt).not.toBe(vae);
    expect(tf.getBackend()).toBe('cpu-new');
    expect(rebuilt.step).toBe(5);
    expect(await rebuilt.reconstructImages(x, n)).toEqual(recon);
    expect(await rebuilt.encodeMeans(x, n)).toEqual(means);
    expect(await lab.hippocampus!.x.data()).toEqual(episodes.images);
    // It trains on from there.
    const batch = tf.tensor2d(x, [n, d]);
    const loss = await rebuilt.trainStep(batch);
    batch.dispose();
    expect(Number.isFinite(loss.loss)).toBe(true);

    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rebuilds from the last copy, not from later changes, and frees the old tensors', async () => {
    await tf.setBackend('cpu-new');
    before = tf.memory().numTensors;
    const x = images(n, d, 4);
    const lab = new LabTensors();
    lab.setVae(createVae({ inputSize: d, hiddenSize: 8, latentSize: 2, seed: 5 }));
    await lab.snapshot(0);
    const start = await lab.vae!.reconstructImages(x, n);
    // Training after the copy (an epoch cut short by the switch) is not kept.
    const batch = tf.tensor2d(x, [n, d]);
    await lab.vae!.trainStep(batch);
    batch.dispose();
    expect(await lab.vae!.reconstructImages(x, n)).not.toEqual(start);

    // A switch with the old backend still alive: its tensors are freed.
    await tf.setBackend('cpu-next');
    lab.rebuild();
    expect(lab.vae!.step).toBe(0);
    expect(await lab.vae!.reconstructImages(x, n)).toEqual(start);
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a copy of a replaced VAE is dropped; no copy means nothing to rebuild', async () => {
    await tf.setBackend('cpu');
    before = tf.memory().numTensors;
    const lab = new LabTensors();
    lab.setVae(createVae({ inputSize: d, hiddenSize: 8, latentSize: 2, seed: 6 }));
    const first = lab.vae!;
    const copy = lab.snapshot(3);
    lab.setVae(createVae({ inputSize: d, hiddenSize: 8, latentSize: 2, seed: 7 }));
    await copy;
    expect(first.disposed).toBe(true);
    expect(lab.hasCopy).toBe(false);
    expect(lab.savedEpochs).toBe(0);
    const second = lab.vae;
    lab.rebuild();
    expect(lab.vae).toBe(second);
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
