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
 * Every record is checked when it is read back (./keepRecords: version,
 * types, sizes, finite values, episodes in range). One that fails is
 * deleted and named in a message; the others are restored. A write that
 * fails (storage full, no IndexedDB) gives a message and leaves the other
 * records as they were. Writes go one after another, in the order they
 * were asked for.
 */
import { MNIST_PIXELS } from '../../data/mnist';
import { indexedDbStore, storeError, type KeyValueStore } from '../../engine/idb';
import {
  checkEpisodes,
  checkModel,
  checkRecord,
  checkReplayHead,
  checkReplayPart,
  fail,
  KEEP_VERSION,
  PART_REPLAYS,
  replayKeyName,
  type KeptEpisodes,
  type KeptModel,
  type KeptReplay,
  type KeptWork,
  type ReplayKey,
} from './keepRecords';

export const KEEP_DB = 'engram-consolidation';

/** What a record holds, in words, and whether they are many. */
function whatIs(key: string): { text: string; many: boolean } {
  if (key === 'episodes') return { text: 'the stored episodes', many: true };
  if (key === 'model') return { text: 'the trained VAE', many: false };
  if (key.startsWith('replay:')) return { text: 'the replays', many: true };
  return { text: `a record named "${key.slice(0, 40)}"`, many: false };
}

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
