/**
 * The records the Consolidation lab keeps in this browser (./keep.ts
 * writes and reads them): their keys, their shapes, and the checks every
 * record passes when it is read back (version, types, sizes, finite
 * values, episodes in range). A check that fails throws an Error whose
 * message says what is wrong, so the record can be deleted and named.
 */
import { MNIST_PIXELS } from '../../data/mnist';
import type { EpochRecord } from '../../models/consolidation/pipeline';
import type { SerialisedVae } from '../../models/consolidation/vaeParams';
import { PARAMS } from './params';
import { checkPageVae } from './vaeFile';

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

/** The largest settings the link accepts (./params). */
const MAX = {
  episodes: PARAMS.episodes.max ?? 9000,
  replays: PARAMS.replays.max ?? 20_000,
  seed: PARAMS.seed.max ?? 999_999,
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function fail(why: string): never {
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

/** A record's data, after its wrapper and version are checked. */
export function checkRecord(record: unknown): unknown {
  if (!isObject(record) || !('data' in record)) fail('it is not one of the lab’s records');
  if (record.v !== KEEP_VERSION) {
    fail(`it is of format ${String(record.v)}; this page reads ${KEEP_VERSION}`);
  }
  return record.data;
}
