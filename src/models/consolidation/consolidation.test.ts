import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistSet } from '../../data/mnist';
import { loadMnistNode } from '../../data/mnistNode';
import { encodeEpisodes, gatherDigits, splitDigits } from './consolidation';
import { expectedCoverage, replay } from './replay';
import { CONSOLIDATION_PRESETS, type ConsolidationConfig } from './sessionConfig';
import { runConsolidation, type ConsolidationResult } from './pipeline';
import { cosine, disposePatterns } from '../modern/modernHopfield';

const SMALL: ConsolidationConfig = {
  ...CONSOLIDATION_PRESETS.experiment,
  episodes: 300,
  replays: 600,
  hidden: [48],
  latentSize: 4,
  epochs: 4,
  batchSize: 32,
  heldOut: 400,
  labelled: 150,
  seed: 7,
};

let set: MnistSet;
let run: ConsolidationResult;
let tensorsBefore = 0;
let tensorsAfter = 0;

beforeAll(async () => {
  await tf.setBackend('cpu');
  set = await loadMnistNode();
  // Warm-up: the first kernels on a backend may cache a tensor or two.
  const warm = await runConsolidation(set, {
    ...SMALL,
    epochs: 1,
    replays: 40,
    heldOut: 40,
    labelled: 20,
  });
  warm.vae.dispose();
  tensorsBefore = tf.memory().numTensors;
  const { result, vae } = await runConsolidation(set, SMALL);
  run = result;
  vae.dispose();
  tensorsAfter = tf.memory().numTensors;
}, 60_000);

describe('consolidation pipeline', () => {
  it('splits the digits into disjoint episodes and held-out sets, seeded', () => {
    const a = splitDigits(10_000, 300, 400, 7);
    const b = splitDigits(10_000, 300, 400, 7);
    expect(a).toEqual(b);
    const stored = new Set(a.episodes);
    expect(stored.size).toBe(300);
    expect([...a.heldOut].some((i) => stored.has(i))).toBe(false);
    expect(() => splitDigits(100, 80, 40, 1)).toThrow(RangeError);
  });

  it('replays from noise land on stored episodes', async () => {
    const split = splitDigits(set.count, 200, 2, 3);
    const episodes = gatherDigits(set, split.episodes, 'bipolar');
    const memory = encodeEpisodes(episodes);
    const before = tf.memory().numTensors;
    const r = await replay(memory, { count: 120, seed: 11, steps: 2 });
    expect(tf.memory().numTensors).toBe(before);
    disposePatterns(memory);
    const d = episodes.d;
    const cosines = Array.from(r.episode, (e, i) =>
      cosine(r.replays.subarray(i * d, (i + 1) * d), episodes.images.subarray(e * d, (e + 1) * d)),
    );
    // A few noise cues sit between two similar episodes and come back as a blend.
    expect(Math.min(...cosines)).toBeGreaterThan(0.8);
    expect(cosines.filter((c) => c > 0.99).length / 120).toBeGreaterThan(0.8);
    const exact = r.maxDeviation.filter((m) => m < 0.05).length / 120;
    expect(exact).toBeGreaterThan(0.6);
    // Noise cues are not cues for one episode: many different episodes come back.
    expect(r.distinct).toBeGreaterThan(60);
    expect(r.coverage).toBeCloseTo(r.distinct / 200, 12);
    expect(r.coverage).toBeLessThanOrEqual(expectedCoverage(200, 120) + 0.1);
  });

  it('VAE loss falls on a small run', () => {
    const e = run.epochs;
    expect(e).toHaveLength(SMALL.epochs);
    expect(e[e.length - 1].trainLoss).toBeLessThan(e[0].trainLoss);
    expect(e[e.length - 1].reconError).toBeLessThan(e[0].reconError);
  });

  it('decoding accuracy beats chance (0.1) after training', () => {
    expect(run.epochs[run.epochs.length - 1].decodingAccuracy).toBeGreaterThan(0.2);
  });

  it("reconstructions' within-class variance is below the originals'", () => {
    expect(run.prototypicalVarianceRatio).toBeGreaterThan(0);
    expect(run.prototypicalVarianceRatio).toBeLessThan(1);
    for (const r of run.perClassVarianceRatio) expect(r).toBeLessThan(1);
  });

  it('reports a few-shot curve for latents and pixels, for each read-out', () => {
    expect(run.fewShot.map((p) => `${p.readout} ${p.n}`)).toEqual(
      ['logistic', 'nearestMean'].flatMap((r) => [10, 30, 100, 200].map((n) => `${r} ${n}`)),
    );
    for (const p of run.fewShot) {
      expect(p.latent).toBeGreaterThan(0.1);
      expect(p.pixels).toBeGreaterThan(0.1);
    }
  });

  it('leaves no tensors behind across a training run and a reset (dispose)', () => {
    expect(tensorsAfter).toBe(tensorsBefore);
  });
});
