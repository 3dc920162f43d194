/**
 * Nothing lost: versioned JSON in localStorage, and JSON files to import
 * (exports are downloads, ./download). Loading never throws; every failure
 * comes back as a sentence a visitor can read, and the app decides whether
 * to show it.
 *
 * Stored form under `engram:<key>`: `{"v": <version>, "data": <value>}`.
 * Data saved with another version is not guessed at: it loads as null with a
 * note, and the caller starts fresh.
 */

export interface StorageLike {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

export interface Persisted<T> {
  /** The saved value, or null (nothing saved, storage off, or unusable data with `error` saying why). */
  load(): { value: T | null; error: string | null };
  /** Saves; returns null, or an error sentence (storage full, storage off, not serialisable). */
  save(value: T): string | null;
  /** Forgets the saved value (errors are swallowed: there is nothing left to lose). */
  clear(): void;
}

export const STORAGE_PREFIX = 'engram:';
/** Imports larger than this are refused before reading (Engram's own exports are far smaller). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** globalThis.localStorage, or null where it is missing or throws (private mode, sandboxed iframe). */
export function defaultStorage(): StorageLike | null {
  try {
    const s = (globalThis as { localStorage?: StorageLike }).localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: number }).code;
  return (
    e.name === 'QuotaExceededError' ||
    e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

/** Runs a validator, turning a throw into a rejection. */
function runValidate<T>(validate: (raw: unknown) => T | null, raw: unknown): T | null {
  try {
    return validate(raw);
  } catch {
    return null;
  }
}

/**
 * A value kept in storage under `engram:<key>`. `storage` defaults to the
 * browser's localStorage; pass null for "no storage" (saves then report
 * that nothing can be saved), or an in-memory StorageLike in tests.
 */
export function createPersisted<T>(
  key: string,
  version: number,
  validate: (raw: unknown) => T | null,
  storage?: StorageLike | null,
): Persisted<T> {
  const fullKey = STORAGE_PREFIX + key;
  const store = (): StorageLike | null => (storage === undefined ? defaultStorage() : storage);

  return {
    load() {
      const s = store();
      if (!s) return { value: null, error: null };
      let text: string | null;
      try {
        text = s.getItem(fullKey);
      } catch (e) {
        return { value: null, error: `Could not read saved ${key}: ${message(e)}` };
      }
      if (text === null) return { value: null, error: null };
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { value: null, error: `Saved ${key} was damaged and has been ignored.` };
      }
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        !('v' in parsed) ||
        !('data' in parsed)
      ) {
        return { value: null, error: `Saved ${key} was damaged and has been ignored.` };
      }
      const { v, data } = parsed as { v: unknown; data: unknown };
      if (v !== version) {
        return {
          value: null,
          error: `Saved ${key} came from another version of Engram (format ${String(v)}, this one reads ${version}) and has been ignored.`,
        };
      }
      const value = runValidate(validate, data);
      if (value === null) {
        return { value: null, error: `Saved ${key} did not look right and has been ignored.` };
      }
      return { value, error: null };
    },

    save(value) {
      const s = store();
      if (!s) return 'This browser does not allow saving here; use Export to keep a copy.';
      let text: string;
      try {
        text = JSON.stringify({ v: version, data: value });
      } catch (e) {
        return `Could not save ${key}: ${message(e)}`;
      }
      try {
        s.setItem(fullKey, text);
        return null;
      } catch (e) {
        if (isQuotaError(e)) {
          return `The browser's storage is full, so ${key} was not saved; use Export to keep a copy.`;
        }
        return `Could not save ${key}: ${message(e)}`;
      }
    },

    clear() {
      try {
        store()?.removeItem(fullKey);
      } catch {
        // Storage that cannot be written holds nothing of ours to clear.
      }
    },
  };
}

/**
 * Reads a chosen file (a File is a Blob) as JSON and validates it. Never
 * throws: a file that is too big, not JSON, or not what `validate` accepts
 * comes back as `{ value: null, error }`.
 */
export async function readJsonFile<T>(
  file: Blob,
  validate: (raw: unknown) => T | null,
): Promise<{ value: T | null; error: string | null }> {
  const name = (file as { name?: string }).name;
  const label = name ? `"${name}"` : 'The file';
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      value: null,
      error: `${label} is ${(file.size / 1e6).toFixed(0)} MB, too big to be an Engram file.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { value: null, error: `Could not read ${label}: ${message(e)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { value: null, error: `${label} is not a JSON file (${message(e)}).` };
  }
  const value = runValidate(validate, raw);
  if (value === null) {
    return { value: null, error: `${label} is JSON, but not the kind of file this lab can open.` };
  }
  return { value, error: null };
}
