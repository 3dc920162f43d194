/**
 * What the Compression lab keeps in this browser, so that leaving the lab
 * or reloading does not lose the model on screen: its file (the same
 * "ENGRAMAE" archive Export writes, with the encoder when the model has
 * one), whether it was trained here or imported, its training curve, and
 * the settings it was on screen with. The records themselves are not
 * kept: the same settings make the same records again, and a kept model
 * comes back only when the records on the page are made with those same
 * settings (so the link that opens the lab decides, as it does for
 * everything else).
 *
 * One record (IndexedDB, ../../engine/idb), `{ v: KEEP_VERSION, data }`:
 *   'model'  { key: the settings below, file: Uint8Array, source, epochLoss, training }
 * Each new model on screen (trained, imported, brought back) replaces it.
 * It is checked when read back (version, types, settings in range); the
 * file itself is checked like an imported one (./importCheck) before it is
 * used. A record that fails is deleted and named in a message; a write that
 * fails (storage full, no IndexedDB) says so, and the model stays on the
 * page until the visitor leaves.
 */
import { indexedDbStore, storeError, type KeyValueStore } from '../../engine/idb';
import type { DataSpec } from './jobs';
import type { Settings } from './params';
import type { TrainingState } from './store';

export const KEEP_DB = 'engram-compression';
export const KEEP_VERSION = 1;
const KEY = 'model';

/** The settings a model was on screen with: the records' and the training's. */
export const KEPT_FIELDS = [
  'dataset',
  'records',
  'seed',
  'genes',
  'bits',
  'hidden',
  'epochs',
  'batchSize',
  'precision',
] as const satisfies readonly (keyof Settings)[];

export type KeptKey = Pick<Settings, (typeof KEPT_FIELDS)[number]>;

export interface KeptCompression {
  readonly key: KeptKey;
  /** The model's archive, with the encoder when it has one. */
  readonly file: Uint8Array;
  readonly source: 'trained' | 'imported';
  /** Mean loss per epoch of its training (empty for an imported model). */
  readonly epochLoss: readonly number[];
  /** How it was trained, as the Train section showed it (null: not trained here). */
  readonly training: TrainingState | null;
}

export function keyOf(s: Settings): KeptKey {
  const key: Partial<Record<keyof KeptKey, unknown>> = {};
  for (const f of KEPT_FIELDS) key[f] = s[f];
  return key as KeptKey;
}

export const sameKey = (a: KeptKey, b: KeptKey) => KEPT_FIELDS.every((f) => a[f] === b[f]);

/** Whether `spec` makes the records the kept model was made on. */
export const recordsOf = (key: KeptKey, spec: DataSpec) =>
  key.dataset === spec.dataset &&
  key.records === spec.records &&
  key.seed === spec.seed &&
  key.genes === spec.genes;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record's data, checked; throws an Error saying what is wrong. */
export function checkKept(record: unknown): KeptCompression {
  if (!isObject(record) || !isObject(record.data)) throw new Error('it is not the lab’s record');
  if (record.v !== KEEP_VERSION) {
    throw new Error(`it is of format ${String(record.v)}; this page reads ${KEEP_VERSION}`);
  }
  const { key, file, source, epochLoss, training } = record.data;
  if (!isObject(key)) throw new Error('it does not say which settings it belongs to');
  for (const f of KEPT_FIELDS) {
    const v = key[f];
    const ok = typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string';
    if (!ok) throw new Error(`its setting ${f} is damaged`);
  }
  if (!(file instanceof Uint8Array) || file.length === 0) throw new Error('it holds no file');
  if (source !== 'trained' && source !== 'imported') {
    throw new Error('it does not say where the model came from');
  }
  if (!Array.isArray(epochLoss) || !epochLoss.every((x) => Number.isFinite(x))) {
    throw new Error('its training curve is damaged');
  }
  return {
    key: key as unknown as KeptKey,
    file,
    source,
    epochLoss: epochLoss as number[],
    training: checkTraining(training),
  };
}

const NUMBERS = ['steps', 'totalSteps', 'epoch', 'epochs', 'loss', 'elapsedMs', 'batchSize'];
const NUMBERS_OR_NULL = ['etaSeconds', 'longestTaskMs', 'stepMs'];
const TEXTS_OR_NULL = ['reason', 'backend', 'error'];

/** A finished training's state, or null; throws when it is damaged. */
function checkTraining(raw: unknown): TrainingState | null {
  if (raw === null || raw === undefined) return null;
  const ok =
    isObject(raw) &&
    raw.status === 'done' &&
    (raw.mode === 'page' || raw.mode === 'worker' || raw.mode === null) &&
    NUMBERS.every((f) => Number.isFinite(raw[f])) &&
    NUMBERS_OR_NULL.every((f) => raw[f] === null || Number.isFinite(raw[f])) &&
    TEXTS_OR_NULL.every((f) => raw[f] === null || typeof raw[f] === 'string') &&
    Array.isArray(raw.epochLoss) &&
    raw.epochLoss.every((x) => Number.isFinite(x));
  if (!ok) throw new Error('its training record is damaged');
  return raw as unknown as TrainingState;
}

/** Sentences for a failed write (storage full, refused, or another failure). */
function keepFailure(e: unknown): string {
  const err = storeError(e);
  if (err.kind === 'full') {
    return "The browser's storage for this site is full, so the model could not be kept: a reload would lose it. Export the file to keep it.";
  }
  if (err.kind === 'unavailable') {
    return `This browser does not let the lab keep its model (${err.message}): it will be lost when you leave or reload. Export the file to keep it.`;
  }
  return `Keeping the model in this browser failed (${err.message}); export the file to keep it.`;
}

/** Reads and writes the kept model; problems go to `onProblem` as sentences. */
export class CompressionKeep {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly onProblem: (text: string) => void,
    private readonly kv: KeyValueStore = indexedDbStore(KEEP_DB),
  ) {}

  /** The kept model, or null (none, or damaged: then deleted, with a message). */
  async read(): Promise<KeptCompression | null> {
    let raw: unknown;
    try {
      raw = await this.kv.get(KEY);
    } catch {
      return null; // no storage here: nothing was kept
    }
    if (raw === undefined) return null;
    try {
      return checkKept(raw);
    } catch (e) {
      this.forget();
      this.onProblem(
        `The model kept in this browser could not be read (${(e as Error).message}), so it was deleted.`,
      );
      return null;
    }
  }

  /** Replaces the kept model (writes go one after another); resolves with whether it was kept. */
  write(kept: KeptCompression): Promise<boolean> {
    const run = this.queue.then(async () => {
      try {
        await this.kv.set(KEY, { v: KEEP_VERSION, data: kept });
        return true;
      } catch (e) {
        this.onProblem(keepFailure(e));
        return false;
      }
    });
    this.queue = run;
    return run;
  }

  /** Deletes the kept model (a damaged one, or one whose file no longer fits). */
  forget(): Promise<void> {
    const run = this.queue.then(() => this.kv.del(KEY).catch(() => undefined));
    this.queue = run;
    return run;
  }
}
