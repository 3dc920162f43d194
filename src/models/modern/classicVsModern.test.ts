import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { bipolarImage, MNIST_PIXELS, sampleDigits } from '../../data/mnist';
import { loadMnistNode } from '../../data/mnistNode';
import { binaryCue, buildNetworks, compareOnce, runSweep, sweep } from './classicVsModern';
import { cueMask, makeCue } from './imageCue';
import { row, type Bipolar, type PatternMatrix } from '../../core/pattern';

async function digits(k: number, seed: number): Promise<PatternMatrix> {
  const set = await loadMnistNode();
  const idx = sampleDigits(set, k, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], createRng(seed));
  const data = new Int8Array(k * MNIST_PIXELS);
  idx.forEach((i, r) => data.set(bipolarImage(set, i), r * MNIST_PIXELS));
  return { n: k, d: MNIST_PIXELS, data: data as Bipolar };
}

describe('image cues', () => {
  it('hide the documented fraction of pixels as 0 (unknown), never -1', () => {
    const img = new Float32Array(784).fill(0.5);
    const rng = createRng(1);
    expect(cueMask(28, 28, 'bottom', 0.5, rng).reduce((a, v) => a + v, 0)).toBe(14 * 28);
    expect(
      cueMask(28, 28, 'top', 0.25, rng)
        .subarray(0, 7 * 28)
        .every((v) => v === 1),
    ).toBe(true);
    expect(cueMask(28, 28, 'square', 0.25, rng).reduce((a, v) => a + v, 0)).toBe(14 * 14);
    expect(cueMask(28, 28, 'random', 0.3, rng).reduce((a, v) => a + v, 0)).toBe(
      Math.round(0.3 * 784),
    );
    const cue = makeCue(img, 28, 28, { region: 'bottom', amount: 0.5, noise: 0.1 }, rng);
    expect(cue.subarray(14 * 28).every((v) => v === 0)).toBe(true);
    expect(cue.subarray(0, 14 * 28).some((v) => v !== 0.5)).toBe(true);
    expect(Math.max(...cue)).toBeLessThanOrEqual(1);
  });

  it('binary cues: flip distinct units, or set the bottom rows off', () => {
    const p = new Int8Array(784).fill(1) as Bipolar;
    expect(binaryCue(p, 28, 'flip', 0.1, createRng(2)).filter((v) => v === -1).length).toBe(78);
    const m = binaryCue(p, 28, 'mask-bottom', 0.5, createRng(2));
    expect(m.filter((v) => v === -1).length).toBe(14 * 28);
    expect(p.every((v) => v === 1)).toBe(true);
  });
});

describe('classic vs modern on binarised digits', () => {
  it('with 30 digits stored the Hebbian net fails where the modern net retrieves', async () => {
    const x = await digits(30, 4);
    const nets = buildNetworks(x);
    const rng = createRng(8);
    let hebbian = 0;
    let modern = 0;
    for (let t = 0; t < 6; t++) {
      const cue = binaryCue(row(x, t), 28, 'flip', 0.15, rng);
      const r = compareOnce(nets, t, cue, { beta: 20, scale: 'sqrt' }, rng);
      if (r.hebbian?.correct) hebbian++;
      if (r.modern?.correct) modern++;
      expect(r.pseudoinverse).not.toBeNull();
    }
    expect(modern).toBe(6);
    expect(hebbian).toBeLessThan(3);
  });

  it('the sweep yields progress trial by trial and is seeded', async () => {
    const pool = await digits(300, 1);
    const opts = {
      counts: [2, 20],
      trials: 3,
      cue: 'flip' as const,
      amount: 0.1,
      width: 28,
      seed: 5,
      beta: 20,
      scale: 'sqrt' as const,
    };
    const steps = [...sweep(pool, opts)];
    expect(steps.map((s) => s.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps.at(-1)!.total).toBe(6);
    const a = runSweep(pool, opts);
    expect(a).toEqual(runSweep(pool, opts));
    expect(a.map((p) => p.stored)).toEqual([2, 20]);
    expect(a[0].accuracy.modern).toBe(1);
  });
});
