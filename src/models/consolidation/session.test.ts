import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistSet } from '../../data/mnist';
import { loadMnistNode } from '../../data/mnistNode';
import { disposePatterns } from '../modern/modernHopfield';
import { EXACT_REPLAY_TOLERANCE, REPLAY_STEPS, ReplayRun, splitDigits } from './consolidation';
import {
  CONSOLIDATION_PRESETS,
  createConsolidationSession,
  type ConsolidationConfig,
  type ConsolidationSession,
} from './session';
import { unitFromBipolarRange } from './vae';
import { trainEpochs } from './vaeTrain';

const TINY: ConsolidationConfig = {
  ...CONSOLIDATION_PRESETS.experiment,
  episodes: 40,
  replays: 48,
  hiddenSize: 8,
  latentSize: 2,
  epochs: 2,
  batchSize: 16,
  heldOut: 30,
  labelled: 15,
  seed: 5,
};

let set: MnistSet;

beforeAll(async () => {
  await tf.setBackend('cpu');
  set = await loadMnistNode();
});

/** Replays the whole session in chunks of `chunk` cues; returns the finished replay. */
async function replayAll(session: ConsolidationSession, chunk?: number) {
  const memory = session.encode();
  try {
    let p = await session.replay(memory, chunk);
    while (!p.result) p = await session.replay(memory, chunk);
    return p.result;
  } finally {
    disposePatterns(memory);
  }
}

describe('the consolidation session', () => {
  it('takes d from the data and keeps the held-out digits apart from the episodes', () => {
    const s = createConsolidationSession(set, TINY);
    expect(s.d).toBe(set.pixels.length / set.count);
    expect(s.episodes.n).toBe(TINY.episodes);
    expect(s.heldOut.n).toBe(TINY.heldOut);
    const stored = new Set(s.split.episodes);
    expect([...s.split.heldOut].some((i) => stored.has(i))).toBe(false);
    // Without heldOutAfter: the plain split.
    expect(s.split).toEqual(splitDigits(set.count, TINY.episodes, TINY.heldOut, TINY.seed));
  });

  it('with heldOutAfter, the held-out digits avoid that whole prefix; the episodes stay the same', () => {
    const plain = createConsolidationSession(set, TINY);
    const after = createConsolidationSession(set, { ...TINY, heldOutAfter: 300 });
    expect(after.split.episodes).toEqual(plain.split.episodes);
    const prefix = new Set(splitDigits(set.count, 300, 2, TINY.seed).episodes);
    expect([...after.split.heldOut].some((i) => prefix.has(i))).toBe(false);
    expect(after.split.heldOut).not.toEqual(plain.split.heldOut);
  });

  it('the page preset keeps its held-out digits off the opening VAE’s episodes', () => {
    const page = CONSOLIDATION_PRESETS.page;
    const pretrained = CONSOLIDATION_PRESETS.pretrained;
    expect(page.heldOutAfter).toBe(pretrained.episodes);
    expect(page.labelled).toBeLessThan(page.heldOut);
    const opening = new Set(
      splitDigits(set.count, pretrained.episodes, 2, pretrained.seed).episodes,
    );
    const s = createConsolidationSession(set, { ...page, episodes: 500 });
    expect([...s.split.heldOut].some((i) => opening.has(i))).toBe(false);
  });

  it('replays the same in any chunks, with REPLAY_STEPS updates unless told', async () => {
    const before = tf.memory().numTensors;
    const whole = await replayAll(createConsolidationSession(set, TINY));
    const chunked = await replayAll(createConsolidationSession(set, TINY), 7);
    expect(chunked.replays).toEqual(whole.replays);
    expect(chunked.episode).toEqual(whole.episode);
    expect(tf.memory().numTensors).toBe(before);

    const session = createConsolidationSession(set, TINY);
    const memory = session.encode();
    const byDefault = new ReplayRun(session.d, { count: 20, seed: session.seeds.cues });
    const told = new ReplayRun(session.d, {
      count: 20,
      seed: session.seeds.cues,
      steps: REPLAY_STEPS,
    });
    const once = new ReplayRun(session.d, { count: 20, seed: session.seeds.cues, steps: 1 });
    await Promise.all([byDefault.next(memory, 20), told.next(memory, 20), once.next(memory, 20)]);
    disposePatterns(memory);
    expect(byDefault.replays).toEqual(told.replays);
    expect(once.replays).not.toEqual(told.replays);
    expect(TINY.replaySteps).toBe(REPLAY_STEPS);
    expect(whole.replays.subarray(0, 20 * session.d)).toEqual(told.replays);
  });

  it('a new, shorter replay of the same episodes is the start of the longer one', async () => {
    const session = createConsolidationSession(set, TINY);
    const whole = await replayAll(session);
    session.startReplay(10);
    expect(session.replayed).toBeNull();
    const memory = session.encode();
    const p = await session.replay(memory);
    disposePatterns(memory);
    expect(p.result?.replays).toEqual(whole.replays.subarray(0, 10 * session.d));
    expect(p.total).toBe(10);
    const vae = session.createVae();
    expect(session.trainer(vae).n).toBe(10);
    vae.dispose();
  });

  it('counts a replay exact when it is within the tolerance of its episode', async () => {
    const r = await replayAll(createConsolidationSession(set, TINY));
    const within = r.maxDeviation.filter((m) => m < EXACT_REPLAY_TOLERANCE).length;
    expect(r.exact).toBe(within / TINY.replays);
    expect(r.exact).toBeGreaterThan(0);
  });

  it('trains in chunks, paused and resumed, to exactly the uninterrupted VAE', async () => {
    const before = tf.memory().numTensors;
    const session = createConsolidationSession(set, TINY);
    await replayAll(session);

    // In one go, as trainEpochs does it.
    const reference = session.createVae();
    const oneGo = session.trainer(reference);
    const statsOneGo = [await oneGo.train(Infinity), await oneGo.train(Infinity)];

    // Three batches at a time, with a "pause" (a fresh call after the page yields).
    const chunked = session.createVae();
    const cursor = session.trainer(chunked);
    const statsChunked = [];
    let batches = 0;
    while (cursor.epochsDone < TINY.epochs) {
      const stats = await cursor.train(3, () => batches++);
      if (stats) statsChunked.push(stats);
    }
    expect(batches).toBe(2 * Math.ceil(TINY.replays / TINY.batchSize));
    expect(statsChunked).toEqual(statsOneGo);
    expect((await chunked.getWeights()).weights).toEqual((await reference.getWeights()).weights);

    // A new cursor after one epoch (a rebuild) trains epoch 2 in the same order.
    const resumed = session.createVae();
    const first = session.trainer(resumed);
    await first.train(Infinity);
    const second = session.trainer(resumed, 1);
    expect(second.epochsDone).toBe(1);
    expect(await second.train(Infinity)).toEqual(statsOneGo[1]);
    expect((await resumed.getWeights()).weights).toEqual((await reference.getWeights()).weights);

    // trainEpochs is the same cursor run to the end.
    const viaEpochs = session.createVae();
    const data = unitFromBipolarRange(session.replayed!.replays);
    const { epochs } = await trainEpochs(viaEpochs, data, TINY.replays, {
      epochs: TINY.epochs,
      batchSize: TINY.batchSize,
      seed: session.seeds.order,
    });
    expect(epochs).toEqual(statsOneGo);

    for (const v of [reference, chunked, resumed, viaEpochs]) v.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('evaluates on its held-out digits with its labelled count', async () => {
    const session = createConsolidationSession(set, TINY);
    const vae = session.createVae();
    const ev = await session.evaluate(vae);
    vae.dispose();
    expect(ev.decodingAccuracy).toBeGreaterThanOrEqual(0);
    expect(ev.decodingAccuracy).toBeLessThanOrEqual(1);
    expect(ev.reconError).toBeGreaterThan(0);
    expect(() => createConsolidationSession(set, { ...TINY, heldOut: 10_000 })).toThrow(RangeError);
  });
});
