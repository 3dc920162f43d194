/**
 * The pace's promise on the backend the page runs on: on tfjs WASM (XNNPACK
 * products), a replay through the hippocampus' column blocks and in chunks
 * of any size, and the VAE's passes in rows of any number, give the very
 * numbers of the plain, unchunked computation.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pace } from '../../core/pace';
import { createRng } from '../../core/random';
import { loadMnistNode } from '../../data/mnistNode';
import { disposePatterns } from '../modern/modernHopfield';
import { disposeHippocampus } from './consolidation';
import { createConsolidationSession } from './session';
import { CONSOLIDATION_PRESETS, type ConsolidationConfig } from './sessionConfig';

const CONFIG: ConsolidationConfig = {
  ...CONSOLIDATION_PRESETS.experiment,
  episodes: 300,
  replays: 40,
  hidden: [16],
  heldOut: 200,
  labelled: 100,
  seed: 9,
};

function randomPace(seed: number): Pace {
  const rng = createRng(seed);
  return {
    chunk: (_job, max) => 1 + rng.int(Math.min(max, 90)),
    record: () => undefined,
    pause: () => Promise.resolve(),
  };
}

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('on the WASM backend', () => {
  it('blocks and chunks change no replay, and no VAE pass', async () => {
    const before = tf.memory().numTensors;
    const set = await loadMnistNode();
    const plain = createConsolidationSession(set, CONFIG);
    const blocked = createConsolidationSession(set, CONFIG);
    const m1 = plain.encode();
    const m2 = await blocked.encodePaced(randomPace(1), 20_000); // 784 x 300 in 12 blocks
    expect(m2.xtBlocks.length).toBeGreaterThan(5);
    let p1 = await plain.replay(m1, 256);
    while (!p1.result) p1 = await plain.replay(m1, 256);
    const rng = createRng(2);
    let p2 = await blocked.replay(m2, 1 + rng.int(7));
    while (!p2.result) p2 = await blocked.replay(m2, 1 + rng.int(7));
    expect(p2.result.replays).toEqual(p1.result.replays);
    expect(p2.result.episode).toEqual(p1.result.episode);
    disposePatterns(m1);
    disposeHippocampus(m2);

    const vae = plain.createVae();
    const { images, n } = plain.heldOut;
    expect(await vae.evaluate(images, n, randomPace(3))).toEqual(await vae.evaluate(images, n));
    const means = await vae.encodeMeans(images, n);
    expect(await vae.encodeMeans(images, n, randomPace(4))).toEqual(means);
    expect(await vae.decodeLatents(means, n, randomPace(5))).toEqual(
      await vae.decodeLatents(means, n),
    );
    vae.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
