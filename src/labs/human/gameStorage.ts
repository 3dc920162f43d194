/**
 * The memory game's rounds on this device: versioned JSON in local storage
 * (engine/persist, key `engram:human-game`, format 1). Loading never throws.
 * Damaged rounds are not thrown away: their text is copied to
 * `engram:human-game-damaged` before the game starts with none, and the
 * visitor is told. A save that fails (storage full, storage off) keeps the
 * rounds on the page and says so.
 */
import {
  createPersisted,
  defaultStorage,
  STORAGE_PREFIX,
  type StorageLike,
} from '../../engine/persist';
import { readRounds, type GameRound } from './game';

export const ROUNDS_KEY = 'human-game';
export const ROUNDS_VERSION = 1;
export const DAMAGED_KEY = `${STORAGE_PREFIX}${ROUNDS_KEY}-damaged`;

export interface RoundStorage {
  /** The saved rounds ([] when none) and a sentence for the visitor when something was wrong. */
  load(): { rounds: GameRound[]; problem: string | null };
  /** Saves; returns null or a sentence for the visitor. */
  save(rounds: readonly GameRound[]): string | null;
}

/** Round storage over `storage` (default: the browser's local storage; null: none). */
export function createRoundStorage(storage?: StorageLike | null): RoundStorage {
  const where = () => (storage === undefined ? defaultStorage() : storage);
  const persisted = createPersisted<GameRound[]>(ROUNDS_KEY, ROUNDS_VERSION, readRounds, storage);
  return {
    load() {
      const { value, error } = persisted.load();
      if (!error) return { rounds: value ?? [], problem: null };
      let kept = false;
      try {
        const s = where();
        const text = s?.getItem(STORAGE_PREFIX + ROUNDS_KEY);
        if (s && text != null) {
          s.setItem(DAMAGED_KEY, text);
          kept = true;
        }
      } catch {
        // Nothing more can be kept; the sentence below says so.
      }
      return {
        rounds: [],
        problem: `${error} ${
          kept
            ? 'Its text is kept in this browser (engram:human-game-damaged); the game starts with no rounds.'
            : 'The game starts with no rounds.'
        }`,
      };
    },
    save(rounds) {
      const error = persisted.save([...rounds]);
      if (!error) return null;
      const why = /full/.test(error)
        ? "The browser's storage is full, so your rounds were not saved here."
        : 'This browser did not let the lab save your rounds here.';
      return `${why} They stay on this page until you leave it; use Export to keep a copy.`;
    },
  };
}

/** A StorageLike in memory (tests; a page with storage off could use it too). */
export function memoryStorage(init: Record<string, string> = {}): StorageLike & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
