import { describe, expect, it } from 'vitest';
import {
  checkRoundsFile,
  MAX_IMPORT_ROUNDS,
  MAX_ROUNDS_FILE_BYTES,
  mergeRounds,
  renumber,
  ROUNDS_FILE_FORMAT,
} from './gameImport';
import { round } from './roundFixture';

const file = (rounds: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: ROUNDS_FILE_FORMAT, version: 1, rounds, you: null, ...over });

const refused = (text: string, size?: number) => {
  const c = checkRoundsFile(text, size);
  if (c.ok) throw new Error('expected the file to be refused');
  return c.problem;
};

describe('checking a rounds file before anything changes', () => {
  it('reads back the rounds of an export', () => {
    const rounds = [round(), round({ id: 2, startedAt: '2025-01-02T10:00:00.000Z', seed: 2 })];
    const c = checkRoundsFile(file(rounds));
    expect(c).toEqual({ ok: true, rounds });
  });

  it('refuses a file over the size limit from its size alone, without its text', () => {
    expect(refused('', MAX_ROUNDS_FILE_BYTES + 1)).toMatch(/at most 2 MB/);
    // the size the browser reports wins over a short text
    expect(refused(file([round()]), 3_000_000)).toMatch(/3\.0 MB/);
  });

  it('refuses what is not an export of rounds, saying what it is', () => {
    expect(refused('')).toMatch(/empty/);
    expect(refused('round,started_at\n1,2025')).toMatch(/not JSON.*CSV export cannot be read back/);
    expect(refused('[1, 2]')).toMatch(/not an export of memory-game rounds/);
    expect(refused(JSON.stringify({ format: 'engram-vae', rounds: [] }))).toMatch(
      /its format is "engram-vae"/,
    );
    expect(refused(file([round()], { version: 2 }))).toMatch(/version 2.*reads version 1/);
    expect(refused(file('many'))).toMatch(/no list of rounds/);
    expect(refused(file([]))).toMatch(/holds no rounds/);
    const tooMany = Array.from({ length: MAX_IMPORT_ROUNDS + 1 }, () => 0);
    expect(refused(file(tooMany))).toMatch(/holds 2001 rounds/);
  });

  it('names the first damaged round and why', () => {
    const bad = (over: Record<string, unknown>) =>
      refused(file([round(), { ...round(), ...over }]));
    expect(bad({ words: ['a', 'b'] })).toMatch(/^Round 2 of the file is damaged: it lacks a field/);
    expect(bad({ typed: [3] })).toMatch(/Round 2.*wrong type/);
    expect(bad({ id: 0 })).toMatch(/its number/);
    expect(bad({ startedAt: 'yesterday' })).toMatch(/start time is not a date/);
    expect(bad({ settings: { length: 4, rate: 60, arithmetic: 0 } })).toMatch(/60 s each/);
    expect(bad({ settings: { length: 4, rate: 1, arithmetic: 2 }, sumsCorrect: 3 })).toMatch(
      /3 of 2 problems/,
    );
    const two = ['apple', 'boat'];
    expect(bad({ settings: { length: 2, rate: 1, arithmetic: 0 }, words: two })).toMatch(
      /2 words \(the game has 3 to 30\)/,
    );
    expect(bad({ typed: Array.from({ length: 201 }, (_, i) => `w${i}`) })).toMatch(/201 typed/);
    expect(bad({ typed: ['x'.repeat(101)] })).toMatch(/101 characters/);
  });
});

describe('merging imported rounds', () => {
  const a = round({ id: 1, startedAt: '2025-01-01T10:00:00.000Z', seed: 1 });
  const b = round({ id: 2, startedAt: '2025-01-03T10:00:00.000Z', seed: 3 });
  const c = round({ id: 1, startedAt: '2025-01-02T10:00:00.000Z', seed: 2 });

  it('adds the rounds not here yet, in the order played, numbered again', () => {
    const m = mergeRounds([a, b], [c, { ...a, id: 7 }]);
    expect(m.added).toBe(1);
    expect(m.already).toBe(1);
    expect(m.rounds.map((r) => [r.id, r.seed])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('adds a round of the file once even when the file holds it twice', () => {
    const m = mergeRounds([], [c, c]);
    expect([m.added, m.already, m.rounds.length]).toEqual([1, 1, 1]);
  });

  it('numbers replaced rounds 1, 2, ... by start time, ties in file order', () => {
    const tie = round({ id: 9, seed: 9 });
    expect(renumber([b, a, tie]).map((r) => [r.id, r.seed])).toEqual([
      [1, 1],
      [2, 9],
      [3, 3],
    ]);
  });
});
