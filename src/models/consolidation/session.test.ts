import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNPACED, inChunks, type Pace } from '../../core/pace';
import { createRng } from '../../core/random';
import type { MnistSet } from '../../data/mnist';
import { loadMnistNode } from '../../data/mnistNode';
import { disposePatterns } from '../modern/modernHopfield';
import { disposeHippocampus, splitDigits } from './consolidation';
import {
  EXACT_REPLAY_TOLERANCE,
  INHIBITION_BLOCK,
  REPLAY_INHIBITION,
  REPLAY_STEPS,
  ReplayRun,
} from './replay';
import { createConsolidationSession, openConsolidationSession } from './session';
import { CONSOLIDATION_PRESETS } from './sessionConfig';
import { unitFromBipolarRange } from './vae';
import { trainEpochs } from './vaeTrain';
import { replayAll, TINY_CONSOLIDATION as TINY } from '../../testing/tinyConsolidation';

let set: MnistSet;

beforeAll(async () => {
  await tf.setBackend('cpu');
  set = await loadMnistNode();
});

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

  it('inhibition of return: the same replays in any chunks and either hippocampus; fewer repeats than plain replay', async () => {
    // 200 cues of 40 episodes: past INHIBITION_BLOCK, so the counts act.
    const config = { ...TINY, replays: 200 };
    expect(config.replays).toBeGreaterThan(2 * INHIBITION_BLOCK);
    const whole = await replayAll(createConsolidationSession(set, config));
    const chunked = await replayAll(createConsolidationSession(set, config), 7);
    expect(chunked.episode).toEqual(whole.episode);
    expect(chunked.replays).toEqual(whole.replays);
    const session = createConsolidationSession(set, config);
    const blocks = await session.encodePaced(UNPACED, 40 * 100);
    expect(blocks.xtBlocks.length).toBeGreaterThan(1);
    const byBlocks = new ReplayRun(session.d, { count: 200, seed: session.seeds.cues });
    while (!byBlocks.finished) await byBlocks.next(blocks, 33);
    disposeHippocampus(blocks);
    expect(byBlocks.episode).toEqual(whole.episode);

    const plain = await replayAll(
      createConsolidationSession(set, { ...config, replayInhibition: 0 }),
    );
    // The first block has no counts yet: plain and inhibited replays agree there.
    expect(plain.episode.subarray(0, INHIBITION_BLOCK)).toEqual(
      whole.episode.subarray(0, INHIBITION_BLOCK),
    );
    const mostRepeats = (e: Int32Array) => {
      const c = new Map<number, number>();
      for (const i of e) c.set(i, (c.get(i) ?? 0) + 1);
      return Math.max(...c.values());
    };
    expect(REPLAY_INHIBITION).toBeGreaterThan(0);
    expect(whole.distinct).toBeGreaterThan(plain.distinct);
    expect(mostRepeats(whole.episode)).toBeLessThan(mostRepeats(plain.episode));
    expect(() => new ReplayRun(session.d, { count: 5, seed: 1, inhibition: -1 })).toThrow(
      RangeError,
    );
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

/** A pace that hands out seeded random chunk sizes (1..max) and counts its pauses. */
function jumpyPace(seed: number): Pace & { pauses: number; jobs: Set<string> } {
  const rng = createRng(seed);
  const pace = {
    pauses: 0,
    jobs: new Set<string>(),
    chunk: (job: string, max: number) => {
      pace.jobs.add(job);
      return 1 + rng.int(Math.min(max, 40));
    },
    record: () => undefined,
    pause: async () => void pace.pauses++,
  };
  return pace;
}

describe('pacing (core/pace) never changes the numbers', () => {
  it('inChunks visits every unit once, in order, pausing before each chunk', async () => {
    const pace = jumpyPace(1);
    const seen: number[] = [];
    let chunks = 0;
    await inChunks(pace, 'job', 100, 7, (start, count) => {
      expect(count).toBeLessThanOrEqual(7);
      chunks++;
      for (let i = start; i < start + count; i++) seen.push(i);
    });
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(pace.pauses).toBe(chunks);
  });

  it('a paced session gathers, stores, replays and evaluates exactly as an unpaced one', async () => {
    const before = tf.memory().numTensors;
    const pace = jumpyPace(2);
    const plain = createConsolidationSession(set, TINY);
    const paced = await openConsolidationSession(set, TINY, pace);
    expect(paced.split).toEqual(plain.split);
    expect(paced.episodes).toEqual(plain.episodes);
    expect(paced.heldOut).toEqual(plain.heldOut);

    const m1 = plain.encode();
    const m2 = await paced.encodePaced(pace, 500); // many column blocks: 40 x 784 in blocks of 500

    for (const k of ['x', 'xt', 'norms'] as const) {
      expect(m2[k].shape).toEqual(m1[k].shape);
      expect(await m2[k].data()).toEqual(await m1[k].data());
    }
    let p1 = await plain.replay(m1);
    while (!p1.result) p1 = await plain.replay(m1);
    const rng = createRng(3);
    let p2 = await paced.replay(m2, 1 + rng.int(9), pace);
    while (!p2.result) p2 = await paced.replay(m2, 1 + rng.int(9), pace);
    expect(p2.result).toEqual(p1.result);
    expect(m2.xtBlocks.length).toBeGreaterThan(20);
    expect(m2.xBlocks.length).toBeGreaterThan(20);
    disposePatterns(m1);
    disposeHippocampus(m2);

    const vae = plain.createVae();
    expect(await paced.evaluate(vae, pace)).toEqual(await plain.evaluate(vae));
    const x = plain.heldOut.images;
    const n = plain.heldOut.n;
    const means = await vae.encodeMeans(x, n);
    expect(await vae.encodeMeans(x, n, pace)).toEqual(means);
    expect(await vae.decodeLatents(means, n, pace)).toEqual(await vae.decodeLatents(means, n));
    expect(await vae.reconstructImages(x, n, pace)).toEqual(await vae.reconstructImages(x, n));
    vae.dispose();
    for (const job of ['gather', 'transpose', 'norms', 'pack', 'deviation', 'vae.evaluate']) {
      expect(pace.jobs).toContain(job);
    }
    expect(pace.pauses).toBeGreaterThan(10);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a kept replay, adopted by a new session, trains the same VAE as the replay itself', async () => {
    const first = createConsolidationSession(set, TINY);
    const original = await replayAll(first);
    const again = createConsolidationSession(set, TINY);
    const adopted = await again.adoptReplay(
      { replays: original.replays.slice(), episode: original.episode.slice() },
      jumpyPace(4),
    );
    expect(adopted).toEqual(original);
    const a = first.createVae();
    const b = again.createVae();
    await first.trainer(a).train(Infinity);
    await again.trainer(b).train(Infinity);
    expect((await b.getWeights()).weights).toEqual((await a.getWeights()).weights);
    a.dispose();
    b.dispose();
    // A kept replay that does not fit these episodes changes nothing.
    const bad = { replays: original.replays, episode: Int32Array.from(original.episode, () => 99) };
    await expect(again.adoptReplay(bad)).rejects.toThrow(RangeError);
    await expect(
      again.adoptReplay({ replays: new Float32Array(5), episode: original.episode }),
    ).rejects.toThrow(RangeError);
    expect(again.replayed).toBe(adopted);
  });
});
