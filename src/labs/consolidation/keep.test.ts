import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { memoryKeyValue, StoreError, type KeyValueStore } from '../../engine/idb';
import { MNIST_PIXELS } from '../../data/mnist';
import type { SerialisedVae } from '../../models/consolidation/vaeParams';
import { smallSerialisedVae } from '../../testing/smallVae';
import { LabKeep } from './keep';
import {
  checkModel,
  KEEP_VERSION,
  replayKeyName,
  type KeptModel,
  type KeptReplay,
} from './keepRecords';

const d = MNIST_PIXELS;

const serialisedVae = (seed: number, latentSize = 2): SerialisedVae =>
  smallSerialisedVae({ seed, latentSize, step: 94 });

function replaySet(episodes: number, seed: number, replays: number): KeptReplay {
  const rng = createRng(seed);
  return {
    key: { episodes, seed, replays },
    replays: Float32Array.from({ length: replays * d }, () => 2 * rng.next() - 1),
    episode: Int32Array.from({ length: replays }, () => rng.int(episodes)),
    ms: 1234,
  };
}

function model(trainedOn: KeptReplay['key'] | null): KeptModel {
  return {
    origin: 'live',
    vae: serialisedVae(3),
    trainedOn,
    epochsDone: 1,
    history: [
      {
        epoch: 1,
        reconError: 180,
        kl: 5,
        decodingAccuracy: 0.4,
        meanAbsError: 0.1,
        trainLoss: 190,
      },
    ],
    trainSeconds: 12,
    note: 'Trained live on 30 replays for 1 epoch in 12 s.',
  };
}

/** A keep over `kv` whose failed writes are collected. */
function open(kv: KeyValueStore) {
  const problems: string[] = [];
  return { keep: new LabKeep(kv, (p) => problems.push(p)), problems };
}

describe('what the lab keeps in this browser', () => {
  it('a VAE kept before the layer list (serialised version 1) comes back as that VAE', () => {
    const vae = serialisedVae(3);
    const { hidden, ...config } = vae.config;
    const rename = (name: string) => name.replace(/^(enc|dec)\.1\./, '$1.hidden.');
    const old = {
      ...vae,
      version: 1,
      config: { ...config, hiddenSize: hidden[0] },
      params: vae.params.map((p) => ({ ...p, name: rename(p.name) })),
    };
    const record = { origin: 'imported', vae: old, trainedOn: null, epochsDone: 0, history: [] };
    const model = checkModel({ ...record, trainSeconds: 0, note: 'old' });
    expect(model.vae).toEqual(vae);
  });

  it('the episodes, the replays and the trained VAE come back as they went in', async () => {
    const kv = memoryKeyValue();
    const { keep, problems } = open(kv);
    const replay = replaySet(50, 7, 30);
    await keep.saveEpisodes({ key: { episodes: 50, seed: 7 }, ms: 80, replays: null });
    expect(await keep.saveReplay(replay, 80)).toBe(true);
    expect(await keep.saveModel(model(replay.key))).toBe(true);
    await keep.settled();
    expect(problems).toEqual([]);

    const again = await open(kv).keep.load();
    expect(again.problems).toEqual([]);
    expect(again.episodes).toEqual({ key: { episodes: 50, seed: 7 }, ms: 80, replays: 30 });
    const back = again.replays.get(replayKeyName(replay.key))!;
    expect(back.replays).toBeInstanceOf(Float32Array);
    expect(back).toEqual(replay);
    expect(again.model).toEqual(model(replay.key));
    expect(again.model!.vae.weights).toBeInstanceOf(Float32Array);
  });

  it('a large replay set goes in parts, one per pause; one cut short is not restored', async () => {
    const kv = memoryKeyValue();
    let pauses = 0;
    const keep = new LabKeep(
      kv,
      () => undefined,
      async () => void pauses++,
    );
    const big = replaySet(300, 2, 600); // 3 parts of at most 256
    await keep.saveReplay(big, 80);
    expect(pauses).toBe(3);
    expect([...kv.map.keys()].filter((k) => k.includes('#'))).toHaveLength(3);
    const back = (await new LabKeep(kv).load()).replays.get(replayKeyName(big.key))!;
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);
    expect(same(back.replays, big.replays) && same(back.episode, big.episode)).toBe(true);
    // The head is written last: parts without it are a write that did not finish.
    kv.map.delete(replayKeyName(big.key));
    const work = await new LabKeep(kv).load();
    expect(work.replays.size).toBe(0);
    expect(work.problems).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect([...kv.map.keys()].filter((k) => k.startsWith('replay:'))).toEqual([]);
  });

  it('a damaged record is named, deleted and nothing else is lost', async () => {
    const kv = memoryKeyValue();
    const { keep } = open(kv);
    const good = replaySet(50, 7, 30);
    await keep.saveEpisodes({ key: { episodes: 50, seed: 7 }, ms: 80, replays: null });
    await keep.saveReplay(good, 80);
    await keep.settled();
    // A VAE with a weight that is not a number, and a replay set cut short, under their names.
    const broken = model(good.key);
    broken.vae.weights[5] = NaN;
    kv.map.set('model', { v: KEEP_VERSION, data: broken });
    const short = replaySet(50, 8, 10);
    kv.map.set(replayKeyName(short.key), {
      v: KEEP_VERSION,
      data: { key: short.key, ms: 5, parts: 1 },
    });
    kv.map.set(`${replayKeyName(short.key)}#0`, {
      v: KEEP_VERSION,
      data: { replays: short.replays.subarray(0, 100), episode: short.episode },
    });
    kv.map.set('something', 'else');

    const work = await open(kv).keep.load();
    expect(work.problems).toHaveLength(3);
    expect(work.problems.join(' ')).toMatch(/The trained VAE .*weight 5 is not a finite number/);
    expect(work.problems.join(' ')).toMatch(/The replays .*part 1 is not 10 images of 784 pixels/);
    expect(work.problems.every((p) => p.includes('the rest was restored'))).toBe(true);
    expect(work.model).toBeNull();
    expect(work.episodes?.replays).toBe(30);
    expect(work.replays.get(replayKeyName(good.key))).toEqual(good);
    await new Promise((r) => setTimeout(r, 0));
    expect([...kv.map.keys()].sort()).toEqual([
      'episodes',
      replayKeyName(good.key),
      `${replayKeyName(good.key)}#0`,
    ]);
  });

  it('a record of another version or of the wrong kind is not guessed at', async () => {
    const kv = memoryKeyValue();
    kv.map.set('episodes', { v: KEEP_VERSION + 1, data: { key: { episodes: 50, seed: 1 } } });
    kv.map.set('model', { v: KEEP_VERSION, data: { ...model(null), origin: 'elsewhere' } });
    const work = await open(kv).keep.load();
    expect(work.episodes).toBeNull();
    expect(work.model).toBeNull();
    expect(work.problems[0]).toMatch(/format 2; this page reads 1/);
    expect(work.problems[1]).toMatch(/does not say where it came from/);
  });

  it('full storage: the write fails with a message, and what was kept before stays', async () => {
    const inner = memoryKeyValue();
    const kv: KeyValueStore = {
      ...inner,
      set: async (key, value) => {
        if (key.startsWith('replay:')) {
          throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
        }
        return inner.set(key, value);
      },
    };
    const { keep, problems } = open(kv);
    expect(await keep.saveModel(model(null))).toBe(true);
    expect(await keep.saveReplay(replaySet(50, 7, 30), 80)).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/storage for this site is full, so the replays could not be kept/);
    expect((await open(inner).keep.load()).model).toEqual(model(null));
  });

  it('keeps the replays on screen and the kept VAE’s, and deletes any other', async () => {
    const kv = memoryKeyValue();
    const { keep } = open(kv);
    const first = replaySet(50, 7, 30);
    const second = replaySet(50, 7, 20);
    await keep.saveReplay(first, 80);
    await keep.saveModel(model(first.key)); // trains on the first set
    await keep.saveReplay(second, 80); // a new replay on screen
    await keep.settled();
    expect(kv.map.has(replayKeyName(first.key))).toBe(true);
    expect(kv.map.has(replayKeyName(second.key))).toBe(true);
    const replaysKept = () =>
      [...kv.map.keys()].filter((k) => k.startsWith('replay:') && !k.includes('#'));
    await keep.saveModel(model(second.key)); // trained again, on the second: the first goes
    expect(replaysKept()).toEqual([replayKeyName(second.key)]);
    await keep.saveEpisodes({ key: { episodes: 60, seed: 7 }, ms: 80, replays: null }); // stored again
    expect(replaysKept()).toEqual([replayKeyName(second.key)]); // the VAE's replays stay
    await keep.clear();
    expect(kv.map.size).toBe(0);
  });

  it('a browser without storage says so once, and the lab goes on', async () => {
    const refuse = async () => {
      throw new StoreError('unavailable', 'this browser has no IndexedDB');
    };
    const kv: KeyValueStore = {
      entries: refuse,
      keys: refuse,
      get: refuse,
      set: refuse,
      del: refuse,
      clear: refuse,
    };
    const { keep, problems } = open(kv);
    const work = await keep.load();
    expect(work.problems).toEqual([]);
    expect(await keep.saveEpisodes({ key: { episodes: 50, seed: 7 }, ms: 1, replays: null })).toBe(
      false,
    );
    expect(await keep.saveModel(model(null))).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /does not let the lab keep its work \(this browser has no IndexedDB\)/,
    );
  });
});
