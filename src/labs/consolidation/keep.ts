/**
 * What the Consolidation lab keeps in this browser, so that leaving the lab
 * or reloading loses nothing: the stored episodes (their settings: the
 * same seed and count give the same digits, so they are stored again from
 * the digits), the finished replay set (the replays themselves, R x 784
 * float32: replaying again would take many seconds) and the VAE on screen
 * when it is the visitor's own (trained live, or imported), with its
 * training so far. The settings are in the link already.
 *
 * Records (IndexedDB, ../../engine/idb), each `{ v: KEEP_VERSION, data }`:
 *   'episodes'                 { key: {episodes, seed}, ms, replays: R of the replay on screen | null }
 *   'replay:<N>-<seed>-<R>'    { key: {episodes, seed, replays}, ms, parts }
 *   'replay:<N>-<seed>-<R>#<i>' part i: { replays, episode } of PART_REPLAYS replays
 *   'model'                    { origin, vae (SerialisedVae), trainedOn, epochsDone, history, trainSeconds, note }
 * A replay set is written in parts (the browser copies a value on the main
 * thread as it stores it: 19 MB at once is a task of about 100 ms), one
 * part per task with `pause` between them, and its head last, so a set
 * whose writing was cut short has no head and is deleted. It is read back
 * the same way, part by part.
 * At most two replay sets are kept: the one on screen and the one the
 * kept VAE trains on (often the same); any other is deleted.
 *
 * Every record is checked when it is read back (version, types, sizes,
 * finite values, episodes in range). One that fails is deleted and named
 * in a message; the others are restored. A write that fails (storage full,
 * no IndexedDB) gives a message and leaves the other records as they were.
 * Writes go one after another, in the order they were asked for.
 */
import { MNIST_PIXELS } from '../../data/mnist';
import { indexedDbStore, storeError, type KeyValueStore } from '../../engine/idb';
import type { EpochRecord } from '../../models/consolidation/pipeline';
import type { SerialisedVae } from '../../models/consolidation/vaeParams';
import { PARAMS } from './params';
import { checkPageVae } from './vaeFile';

export const KEEP_DB = 'engram-consolidation';
export const KEEP_VERSION = 1;
/** Replays per stored part of a replay set (0.8 MB of float32). */
export const PART_REPLAYS = 256;

/** The settings a session's episodes come from (the rest are the page's, ./params PAGE). */
export interface EpisodesKey {
  readonly episodes: number;
  readonly seed: number;
}

/** A replay set: its episodes and the number of replays. */
export interface ReplayKey extends EpisodesKey {
  readonly replays: number;
}

export interface KeptEpisodes {
  readonly key: EpisodesKey;
  /** How long storing them took when the visitor did it. */
  readonly ms: number;
  /** R of the replay set on screen, or null when none was made since. */
  readonly replays: number | null;
}

export interface KeptReplay {
  readonly key: ReplayKey;
  /** R x 784 replays in [-1, 1]. */
  readonly replays: Float32Array;
  /** Per replay, its episode (a row of the stored set). */
  readonly episode: Int32Array;
  readonly ms: number;
}

export interface KeptModel {
  readonly origin: 'live' | 'imported';
  readonly vae: SerialisedVae;
  /** The replay set a live VAE trains on (null for an imported one, or when not kept). */
  readonly trainedOn: ReplayKey | null;
  readonly epochsDone: number;
  readonly history: readonly EpochRecord[];
  readonly trainSeconds: number;
  /** The line shown with it. */
  readonly note: string;
}

export interface KeptWork {
  episodes: KeptEpisodes | null;
  /** Every kept replay set, by replayKeyName. */
  replays: Map<string, KeptReplay>;
  model: KeptModel | null;
  /** One sentence per record that could not be read (and was deleted). */
  problems: string[];
}

export const replayKeyName = (k: ReplayKey) => `replay:${k.episodes}-${k.seed}-${k.replays}`;
export const sameReplay = (a: ReplayKey | null, b: ReplayKey | null) =>
  a !== null && b !== null && replayKeyName(a) === replayKeyName(b);

// ---- Checking what comes back ------------------------------------------------

/** The largest settings the link accepts (./params). */
const MAX = {
  episodes: PARAMS.episodes.max ?? 9000,
  replays: PARAMS.replays.max ?? 20_000,
  seed: PARAMS.seed.max ?? 999_999,
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(why: string): never {
  throw new Error(why);
}

function intIn(v: unknown, lo: number, hi: number, what: string): number {
  if (!Number.isInteger(v) || (v as number) < lo || (v as number) > hi) {
    fail(`${what} ${String(v)} is not a whole number in ${lo}..${hi}`);
  }
  return v as number;
}

function nonNegative(v: unknown, what: string): number {
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) fail(`${what} is not a time`);
  return v;
}

function episodesKey(raw: unknown): EpisodesKey {
  if (!isObject(raw)) fail('no settings');
  return {
    episodes: intIn(raw.episodes, 1, MAX.episodes, 'episodes'),
    seed: intIn(raw.seed, 0, MAX.seed, 'seed'),
  };
}

function replayKey(raw: unknown): ReplayKey {
  if (!isObject(raw)) fail('no settings');
  return { ...episodesKey(raw), replays: intIn(raw.replays, 1, MAX.replays, 'replays') };
}

export function checkEpisodes(raw: unknown): KeptEpisodes {
  if (!isObject(raw)) fail('not a record');
  const replays = raw.replays === null ? null : intIn(raw.replays, 1, MAX.replays, 'replays');
  return { key: episodesKey(raw.key), ms: nonNegative(raw.ms, 'the time'), replays };
}

/** A replay set's head: its settings, its time and its number of parts. */
export function checkReplayHead(raw: unknown): { key: ReplayKey; ms: number; parts: number } {
  if (!isObject(raw)) fail('not a record');
  const key = replayKey(raw.key);
  const parts = Math.ceil(key.replays / PART_REPLAYS);
  if (raw.parts !== parts) fail(`it names ${String(raw.parts)} parts, not ${parts}`);
  return { key, ms: nonNegative(raw.ms, 'the time'), parts };
}

/** Part `i` of the replay set `key`: its replays in [-1, 1] and their episodes. */
export function checkReplayPart(
  raw: unknown,
  key: ReplayKey,
  i: number,
): { replays: Float32Array; episode: Int32Array } {
  if (!isObject(raw)) fail(`part ${i + 1} is missing`);
  const rows = Math.min(PART_REPLAYS, key.replays - i * PART_REPLAYS);
  const { replays, episode } = raw;
  if (!(replays instanceof Float32Array) || replays.length !== rows * MNIST_PIXELS) {
    fail(`part ${i + 1} is not ${rows} images of ${MNIST_PIXELS} pixels`);
  }
  if (!(episode instanceof Int32Array) || episode.length !== rows) {
    fail(`part ${i + 1} has not ${rows} episode numbers`);
  }
  for (let r = 0; r < rows; r++) {
    if (!(episode[r] >= 0 && episode[r] < key.episodes)) fail(`a replay names no episode`);
  }
  for (let k = 0; k < replays.length; k++) {
    if (!(replays[k] >= -1.0001 && replays[k] <= 1.0001)) fail(`a pixel is outside [-1, 1]`);
  }
  return { replays, episode };
}

function checkHistory(raw: unknown): EpochRecord[] {
  if (!Array.isArray(raw)) fail('no training history');
  const fields = ['epoch', 'reconError', 'kl', 'decodingAccuracy', 'meanAbsError', 'trainLoss'];
  raw.forEach((r, i) => {
    if (!isObject(r) || !fields.every((f) => Number.isFinite(r[f])))
      fail(`epoch ${i + 1} is damaged`);
  });
  return raw as EpochRecord[];
}

export function checkModel(raw: unknown): KeptModel {
  if (!isObject(raw)) fail('not a record');
  if (raw.origin !== 'live' && raw.origin !== 'imported')
    fail('it does not say where it came from');
  if (!isObject(raw.vae)) fail('no VAE');
  const vae = checkPageVae(raw.vae as unknown as SerialisedVae);
  // A live VAE names the replays it trains on, unless they were not kept.
  const trainedOn =
    raw.origin === 'live' && raw.trainedOn !== null ? replayKey(raw.trainedOn) : null;
  const epochsDone = intIn(raw.epochsDone, 0, 10_000, 'epochs done');
  const history = checkHistory(raw.history);
  if (history.length > epochsDone) fail('its history is longer than its training');
  if (typeof raw.note !== 'string') fail('no description');
  return {
    origin: raw.origin,
    vae,
    trainedOn,
    epochsDone,
    history,
    trainSeconds: nonNegative(raw.trainSeconds, 'the training time'),
    note: raw.note.slice(0, 400),
  };
}

/** What a record holds, in words, and whether they are many. */
function whatIs(key: string): { text: string; many: boolean } {
  if (key === 'episodes') return { text: 'the stored episodes', many: true };
  if (key === 'model') return { text: 'the trained VAE', many: false };
  if (key.startsWith('replay:')) return { text: 'the replays', many: true };
  return { text: `a record named "${key.slice(0, 40)}"`, many: false };
}

// ---- The records -------------------------------------------------------------

/** Sentences for a failed write of `what` (storage full, refused, or another failure). */
export function keepFailure(what: string, e: unknown): string {
  const err = storeError(e);
  if (err.kind === 'full') {
    return `The browser's storage for this site is full, so ${what} could not be kept: a reload would lose them. Export the VAE to keep it as a file, or free some space.`;
  }
  if (err.kind === 'unavailable') {
    return `This browser does not let the lab keep its work (${err.message}): ${what} will be lost when you leave or reload. Export the VAE to keep it as a file.`;
  }
  return `Keeping ${what} in this browser failed (${err.message}); everything kept before is as it was.`;
}

export class LabKeep {
  private queue: Promise<unknown> = Promise.resolve();
  /** Replay sets still needed: the one on screen and the kept VAE's. */
  private screenReplay: ReplayKey | null = null;
  private modelReplay: ReplayKey | null = null;
  private refused = false;

  /**
   * `onProblem` hears each failed write, once per sentence; after the
   * browser refuses its storage once, nothing more is tried.
   */
  /** `pause`: awaited between the parts of a replay set (the page's pace). */
  constructor(
    private readonly kv: KeyValueStore = indexedDbStore(KEEP_DB),
    private readonly onProblem: (sentence: string) => void = () => undefined,
    private readonly pause: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Reads back everything kept; damaged records are deleted and named in `problems`. */
  async load(): Promise<KeptWork> {
    const work: KeptWork = { episodes: null, replays: new Map(), model: null, problems: [] };
    let keys: string[];
    try {
      keys = await this.kv.keys();
    } catch (e) {
      // No storage at all is said once, by the first write that fails.
      const err = storeError(e);
      if (err.kind !== 'unavailable') {
        work.problems.push(
          `What this browser kept for the lab could not be read (${err.message}).`,
        );
      }
      return work;
    }
    const heads = keys.filter((k) => !k.includes('#'));
    for (const key of heads) {
      try {
        const data = checkRecord(await this.kv.get(key));
        if (key === 'episodes') work.episodes = checkEpisodes(data);
        else if (key === 'model') work.model = checkModel(data);
        else if (key.startsWith('replay:')) {
          const head = checkReplayHead(data);
          if (replayKeyName(head.key) !== key) fail('its settings do not match its name');
          work.replays.set(key, await this.readParts(head));
        } else fail('the lab does not know it');
      } catch (e) {
        const what = whatIs(key);
        work.problems.push(
          `${capital(what.text)} kept in this browser could not be read (${(e as Error).message}), so ${what.many ? 'they were' : 'it was'} deleted; the rest was restored.`,
        );
        void this.write(() => this.delete(key), what.text);
      }
    }
    const shown = work.episodes?.replays ?? null;
    const screen =
      work.episodes && shown !== null ? { ...work.episodes.key, replays: shown } : null;
    const found = (k: ReplayKey | null) => (k && work.replays.has(replayKeyName(k)) ? k : null);
    this.screenReplay = found(screen);
    this.modelReplay = found(work.model?.trainedOn ?? null);
    // Parts of no head (a write cut short) go.
    void this.write(() => this.prune(), 'the replays');
    return work;
  }

  /** The parts of a replay set, read one by one, as one set. */
  private async readParts(head: {
    key: ReplayKey;
    ms: number;
    parts: number;
  }): Promise<KeptReplay> {
    const { key } = head;
    const replays = new Float32Array(key.replays * MNIST_PIXELS);
    const episode = new Int32Array(key.replays);
    const name = replayKeyName(key);
    for (let i = 0; i < head.parts; i++) {
      await this.pause();
      const part = checkReplayPart(checkRecord(await this.kv.get(`${name}#${i}`)), key, i);
      replays.set(part.replays, i * PART_REPLAYS * MNIST_PIXELS);
      episode.set(part.episode, i * PART_REPLAYS);
    }
    return { key, replays, episode, ms: head.ms };
  }

  /** Step 1 done (or a replay finished on it): its settings and the replay on screen. */
  saveEpisodes(kept: KeptEpisodes): Promise<boolean> {
    this.screenReplay = kept.replays === null ? null : { ...kept.key, replays: kept.replays };
    return this.write(async () => {
      await this.kv.set('episodes', { v: KEEP_VERSION, data: kept });
      await this.prune();
    }, 'the stored episodes');
  }

  /** A finished replay set (the one on screen from now on), part by part, its head last. */
  async saveReplay(kept: KeptReplay, ms: number): Promise<boolean> {
    const { key } = kept;
    const name = replayKeyName(key);
    const parts = Math.ceil(key.replays / PART_REPLAYS);
    const ok = await this.write(async () => {
      for (let i = 0; i < parts; i++) {
        await this.pause();
        const [a, b] = [i * PART_REPLAYS, Math.min(key.replays, (i + 1) * PART_REPLAYS)];
        await this.kv.set(`${name}#${i}`, {
          v: KEEP_VERSION,
          data: {
            replays: kept.replays.slice(a * MNIST_PIXELS, b * MNIST_PIXELS),
            episode: kept.episode.slice(a, b),
          },
        });
      }
      await this.kv.set(name, { v: KEEP_VERSION, data: { key, ms: kept.ms, parts } });
    }, 'the replays');
    return ok && this.saveEpisodes({ key, ms, replays: key.replays });
  }

  /** The VAE on screen, the visitor's own. */
  saveModel(kept: KeptModel): Promise<boolean> {
    this.modelReplay = kept.trainedOn;
    return this.write(async () => {
      await this.kv.set('model', { v: KEEP_VERSION, data: kept });
      await this.prune();
    }, 'the trained VAE');
  }

  /** The VAE on screen is not the visitor's any more (start over keeps nothing). */
  forgetModel(): Promise<boolean> {
    this.modelReplay = null;
    return this.write(async () => {
      await this.kv.del('model');
      await this.prune();
    }, 'the trained VAE');
  }

  /** Start over: everything kept is deleted. */
  clear(): Promise<boolean> {
    this.screenReplay = this.modelReplay = null;
    return this.write(() => this.kv.clear(), 'the deletion');
  }

  /** Resolves once every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Deletes replay sets (and parts) neither on screen nor the kept VAE's. */
  private async prune(): Promise<void> {
    const keep = new Set(
      [this.screenReplay, this.modelReplay].filter((k) => k !== null).map((k) => replayKeyName(k!)),
    );
    for (const key of await this.kv.keys()) {
      if (key.startsWith('replay:') && !keep.has(key.split('#')[0])) await this.kv.del(key);
    }
  }

  /** Deletes a record, and a replay set's parts with its head. */
  private async delete(key: string): Promise<void> {
    for (const k of await this.kv.keys()) {
      if (k === key || k.startsWith(`${key}#`)) await this.kv.del(k);
    }
  }

  /** Runs `f` after the writes before it; false (and one message) when it fails. */
  private write(f: () => Promise<void>, what: string): Promise<boolean> {
    const run = this.queue.then(async () => {
      if (this.refused) return false;
      try {
        await f();
        return true;
      } catch (e) {
        if (storeError(e).kind === 'unavailable') this.refused = true;
        this.onProblem(keepFailure(what, e));
        return false;
      }
    });
    this.queue = run;
    return run;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A record's data, after its wrapper and version are checked. */
function checkRecord(record: unknown): unknown {
  if (!isObject(record) || !('data' in record)) fail('it is not one of the lab’s records');
  if (record.v !== KEEP_VERSION) {
    fail(`it is of format ${String(record.v)}; this page reads ${KEEP_VERSION}`);
  }
  return record.data;
}
