import { describe, expect, it } from 'vitest';
import { WORD_POOL } from '../../data/words';
import {
  makeProblems,
  modelGroups,
  readRounds,
  roundsCsv,
  roundTrial,
  scoreRound,
  wordsForRound,
} from './game';
import { round } from './roundFixture';

describe('the memory game', () => {
  it('scores a typed round: case and spaces do not matter, others are intrusions, repeats repetitions', () => {
    const r = round({ typed: ['  Drum', 'candle', 'bote', 'drum', 'zebra', 'APPLE'] });
    expect(roundTrial(r)).toEqual({ study: [0, 1, 2, 3], recall: [3, 2, -1, 3, -1, 0] });
    const s = scoreRound(r);
    expect(s.outcomes).toEqual([
      'correct',
      'correct',
      'intrusion',
      'repetition',
      'intrusion',
      'correct',
    ]);
    expect([s.correct, s.intrusions, s.repetitions]).toEqual([3, 2, 1]);
  });

  it('deals words that do not repeat within or across rounds, the same for the same seed', () => {
    const first = wordsForRound(7, [], 12);
    const second = wordsForRound(7, [{ words: first }], 12);
    expect(new Set([...first, ...second]).size).toBe(24);
    expect(wordsForRound(7, [], 12)).toEqual(first);
    for (const w of [...first, ...second]) expect(WORD_POOL).toContain(w);
  });

  it('makes arithmetic problems whose answers are right and positive', () => {
    const problems = makeProblems(3, 20);
    expect(problems).toHaveLength(20);
    for (const p of problems) {
      const [a, op, b] = p.text.split(' ');
      expect(op === '+' ? Number(a) + Number(b) : Number(a) - Number(b)).toBe(p.answer);
      expect(p.answer).toBeGreaterThanOrEqual(0);
    }
  });

  it('runs the model on the same mix of list settings as the rounds', () => {
    const rounds = [
      round({ id: 1 }),
      round({ id: 2 }),
      round({ id: 3, settings: { length: 4, rate: 1, arithmetic: 3 } }),
    ];
    const groups = modelGroups(rounds, 900, 5);
    expect(groups).toEqual([
      { listLength: 4, distractor: 'none', lists: 600, seed: 5 },
      { listLength: 4, distractor: 'delayed', lists: 300, seed: 6 },
    ]);
  });

  it('writes one CSV row per studied and typed word, quoting what needs it', () => {
    const csv = roundsCsv([round({ typed: ['drum', 'bo,at "x"'] })]);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 4 + 2);
    expect(lines[0]).toBe(
      'round,started_at,list_length,seconds_per_word,arithmetic_problems,event,index,word,serial_position,outcome',
    );
    expect(lines[1]).toBe('1,2025-01-01T10:00:00.000Z,4,1,0,study,1,apple,1,');
    expect(lines[5]).toBe('1,2025-01-01T10:00:00.000Z,4,1,0,recall,1,drum,4,correct');
    expect(lines[6]).toBe('1,2025-01-01T10:00:00.000Z,4,1,0,recall,2,"bo,at ""x""",,intrusion');
  });

  it('reads back stored rounds and refuses damaged ones', () => {
    const good = [round({ typed: ['boat'] })];
    expect(readRounds(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(readRounds({})).toBeNull();
    expect(readRounds([{ ...good[0], words: ['a', 'a', 'b', 'c'] }])).toBeNull();
    expect(
      readRounds([{ ...good[0], settings: { length: 5, rate: 1, arithmetic: 0 } }]),
    ).toBeNull();
    expect(readRounds([{ ...good[0], typed: [3] }])).toBeNull();
  });
});
