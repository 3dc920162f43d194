/**
 * Reading memory-game rounds back from a file, without a page: the file the
 * lab's "Export JSON" writes (commands.ts exportDocument: format
 * `engram-human-memory-game`, version 1, `rounds`). The CSV export is a
 * table for analysis; it lacks the seeds and the sums answered, so it is not
 * read back.
 *
 * Everything is checked before anything changes: the file's size (at most
 * MAX_ROUNDS_FILE_BYTES, checked before it is read), that it is JSON of that
 * format and version, at most MAX_IMPORT_ROUNDS rounds, and each round's
 * shape (game.ts readRounds) within the game's own ranges (params.ts:
 * words per list, seconds per word, problems) with at most MAX_TYPED typed
 * words of at most MAX_WORD_CHARS characters. A file that fails any check is
 * refused with a sentence that names the first problem; the rounds on the
 * page stay as they were.
 *
 * Merging: a round of the file that is already here (same start time, seed,
 * words and typed words) is not added twice. The merged rounds are put in
 * the order they were played (startedAt, then the order they came in) and
 * numbered 1, 2, ... again, as the game numbers them.
 */
import { readRounds, type GameRound } from './game';
import { PARAMS } from './params';

export const ROUNDS_FILE_FORMAT = 'engram-human-memory-game';
export const ROUNDS_FILE_VERSION = 1;
/** 2 MB: about two thousand rounds of 30 words, far more than a visitor plays. */
export const MAX_ROUNDS_FILE_BYTES = 2_000_000;
export const MAX_IMPORT_ROUNDS = 2000;
export const MAX_TYPED = 200;
export const MAX_WORD_CHARS = 100;

export type RoundsFileCheck =
  | { readonly ok: true; readonly rounds: GameRound[] }
  | { readonly ok: false; readonly problem: string };

const refuse = (problem: string): RoundsFileCheck => ({ ok: false, problem });

const within = (v: number, spec: { min?: number; max?: number }) =>
  v >= (spec.min ?? -Infinity) && v <= (spec.max ?? Infinity);

/** Why one round (already of the right shape) is out of the game's ranges, or null. */
export function roundProblem(r: GameRound): string | null {
  const { gameLength, rate, arithmetic } = PARAMS;
  const s = r.settings;
  if (!Number.isInteger(r.id) || r.id < 1) return 'its number is not a whole number from 1';
  if (Number.isNaN(Date.parse(r.startedAt))) return 'its start time is not a date';
  if (!Number.isInteger(s.length) || !within(s.length, gameLength))
    return `its list has ${s.length} words (the game has ${gameLength.min} to ${gameLength.max})`;
  if (!within(s.rate, rate))
    return `its words were shown for ${s.rate} s each (the game allows ${rate.min} to ${rate.max})`;
  if (!Number.isInteger(s.arithmetic) || !within(s.arithmetic, arithmetic))
    return `it has ${s.arithmetic} arithmetic problems (the game has ${arithmetic.min} to ${arithmetic.max})`;
  if (!Number.isInteger(r.sumsCorrect) || r.sumsCorrect < 0 || r.sumsCorrect > s.arithmetic)
    return `it says ${r.sumsCorrect} of ${s.arithmetic} problems were answered right`;
  if (r.typed.length > MAX_TYPED)
    return `it has ${r.typed.length} typed words (at most ${MAX_TYPED})`;
  const long = [...r.words, ...r.typed].find((w) => w.length > MAX_WORD_CHARS);
  if (long !== undefined)
    return `it has a word of ${long.length} characters (at most ${MAX_WORD_CHARS})`;
  return null;
}

/**
 * Checks a file's text (its size in bytes given apart, as the browser's File
 * reports it) and gives its rounds, or the sentence saying why not.
 */
export function checkRoundsFile(text: string, size = new Blob([text]).size): RoundsFileCheck {
  if (size > MAX_ROUNDS_FILE_BYTES) {
    return refuse(
      `The file is ${(size / 1e6).toFixed(1)} MB; a rounds file is at most ${MAX_ROUNDS_FILE_BYTES / 1e6} MB.`,
    );
  }
  if (size === 0 || text.trim() === '') return refuse('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refuse(
      'The file is not JSON. Import reads the file Export JSON writes (the CSV export cannot be read back).',
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return refuse('The file is JSON but not an export of memory-game rounds.');
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== ROUNDS_FILE_FORMAT) {
    return refuse(
      `The file is not a memory-game export (its format is ${JSON.stringify(d.format ?? null)}, not "${ROUNDS_FILE_FORMAT}").`,
    );
  }
  if (d.version !== ROUNDS_FILE_VERSION) {
    return refuse(
      `The file is version ${JSON.stringify(d.version ?? null)} of the format; this page reads version ${ROUNDS_FILE_VERSION}.`,
    );
  }
  if (!Array.isArray(d.rounds)) return refuse('The file has no list of rounds.');
  if (d.rounds.length === 0) return refuse('The file holds no rounds.');
  if (d.rounds.length > MAX_IMPORT_ROUNDS) {
    return refuse(
      `The file holds ${d.rounds.length} rounds; at most ${MAX_IMPORT_ROUNDS} are read.`,
    );
  }
  const rounds: GameRound[] = [];
  for (let i = 0; i < d.rounds.length; i++) {
    const r = readRounds([d.rounds[i]])?.[0];
    const why = r
      ? roundProblem(r)
      : 'it lacks a field, a field has the wrong type, or its words do not match its list length';
    if (why || !r) return refuse(`Round ${i + 1} of the file is damaged: ${why}.`);
    rounds.push(r);
  }
  return { ok: true, rounds };
}

/** What makes two rounds the same round: start time, seed, words and typed words. */
const roundKey = (r: GameRound) => JSON.stringify([r.startedAt, r.seed, r.words, r.typed]);

/** Rounds in the order played (startedAt; ties keep their order), numbered 1, 2, ... */
export function renumber(rounds: readonly GameRound[]): GameRound[] {
  return rounds
    .map((r, i) => ({ r, i, t: Date.parse(r.startedAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ r }, k) => ({ ...r, id: k + 1 }));
}

export interface Merge {
  readonly rounds: GameRound[];
  /** Rounds of the file added. */
  readonly added: number;
  /** Rounds of the file already here (not added again). */
  readonly already: number;
}

/** The rounds here plus the file's that are not here yet (see the module comment). */
export function mergeRounds(here: readonly GameRound[], file: readonly GameRound[]): Merge {
  const seen = new Set(here.map(roundKey));
  const fresh: GameRound[] = [];
  for (const r of file) {
    const key = roundKey(r);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(r);
  }
  return {
    rounds: renumber([...here, ...fresh]),
    added: fresh.length,
    already: file.length - fresh.length,
  };
}
