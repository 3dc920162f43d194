import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, expect, it } from 'vitest';
import { loadMnistNode } from '../../data/mnistNode';
import { encodeEpisodes, gatherDigits, hippocampusBeta } from './consolidation';
import { disposePatterns } from '../modern/modernHopfield';
import { recallFromPartialCue } from './partialRecall';
import { createVae } from './vae';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('the hippocampus completes a stored episode from its top half; nothing leaks', async () => {
  const set = await loadMnistNode();
  const episodes = gatherDigits(
    set,
    Int32Array.from({ length: 200 }, (_, i) => i * 7),
    'bipolar',
  );
  const memory = encodeEpisodes(episodes);
  const vae = createVae({ inputSize: 784, hiddenSize: 16, latentSize: 2, seed: 3 });
  const before = tf.memory().numTensors;
  const episode = episodes.images.slice(5 * 784, 6 * 784);
  const r = await recallFromPartialCue(memory, vae, episode, {
    hidden: 14,
    beta: hippocampusBeta(784),
  });
  expect(tf.memory().numTensors).toBe(before);
  // The cue hides the bottom 14 rows (value 0 = unknown) and keeps the top.
  expect(r.cue.subarray(14 * 28).every((v) => v === 0)).toBe(true);
  expect(Array.from(r.cue.subarray(0, 14 * 28))).toEqual(Array.from(episode.subarray(0, 14 * 28)));
  // The hippocampus fills in the hidden half almost exactly.
  expect(r.hiddenError.hippocampus).toBeLessThan(0.05);
  // The neocortex's output is an image in [0, 1] and its error is measured.
  expect(r.neocortex).toHaveLength(784);
  expect(r.neocortex.every((v) => v >= 0 && v <= 1)).toBe(true);
  expect(r.error.neocortex).toBeGreaterThan(0);
  vae.dispose();
  disposePatterns(memory);
});
