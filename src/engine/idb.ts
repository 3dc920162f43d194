/**
 * Records too big for localStorage (trained weights, replay sets of tens of
 * megabytes) kept in the browser's IndexedDB, through idb-keyval (one small,
 * well-kept library: one database per name, one object store). Values are
 * stored by structured clone, so typed arrays go in and come out as they
 * are, with no text encoding.
 *
 * Nothing here throws at a visitor: every failure is a StoreError with a
 * kind ('full' when the quota is spent, 'unavailable' where the browser
 * gives no IndexedDB or refuses it, 'failed' otherwise) and a sentence to
 * show. `memoryKeyValue` is the same interface in memory, for tests and
 * for browsers without IndexedDB.
 */
import { clear, createStore, del, entries, get, keys, set, type UseStore } from 'idb-keyval';

export type StoreErrorKind = 'full' | 'unavailable' | 'failed';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A small key-value store of structured-cloneable values. */
export interface KeyValueStore {
  /** Every key and its value. */
  entries(): Promise<[string, unknown][]>;
  /** Every key. */
  keys(): Promise<string[]>;
  /** The value under `key`, or undefined. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  clear(): Promise<void>;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A DOMException (or anything with a name) from IndexedDB as a StoreError. */
export function storeError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(text(e))) {
    return new StoreError('full', "the browser's storage for this site is full");
  }
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return new StoreError('unavailable', `this browser refused its storage (${text(e)})`);
  }
  return new StoreError('failed', text(e));
}

/** Runs an IndexedDB call, turning whatever it throws into a StoreError. */
async function guarded<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw storeError(e);
  }
}

/**
 * The IndexedDB database `dbName` (one object store, "records"). Where the
 * browser has no IndexedDB, every call rejects with an 'unavailable'
 * StoreError.
 */
export function indexedDbStore(dbName: string): KeyValueStore {
  let store: UseStore | null = null;
  const use = (): UseStore => {
    if (typeof indexedDB === 'undefined') {
      throw new StoreError('unavailable', 'this browser has no IndexedDB');
    }
    return (store ??= createStore(dbName, 'records'));
  };
  return {
    entries: () => guarded(() => entries<string, unknown>(use())),
    keys: () => guarded(() => keys<string>(use())),
    get: (key) => guarded(() => get(key, use())),
    set: (key, value) => guarded(() => set(key, value, use())),
    del: (key) => guarded(() => del(key, use())),
    clear: () => guarded(() => clear(use())),
  };
}

/** The same interface in memory: values are structured-cloned in and out, as IndexedDB does. */
export function memoryKeyValue(): KeyValueStore & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    entries: async () => [...map].map(([k, v]) => [k, structuredClone(v)] as [string, unknown]),
    keys: async () => [...map.keys()],
    get: async (key) => (map.has(key) ? structuredClone(map.get(key)) : undefined),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    clear: async () => map.clear(),
  };
}
