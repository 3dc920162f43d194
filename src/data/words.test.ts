import { describe, expect, it } from 'vitest';
import { createWordSampler, sampleWordLists, WORD_POOL } from './words';

describe('WORD_POOL', () => {
  it('holds a few hundred unique lowercase words', () => {
    expect(WORD_POOL.length).toBeGreaterThanOrEqual(300);
    expect(new Set(WORD_POOL).size).toBe(WORD_POOL.length);
    for (const w of WORD_POOL) expect(w).toMatch(/^[a-z]{2,12}$/);
  });
});

describe('word lists', () => {
  it('are reproducible from the seed and differ between seeds', () => {
    expect(sampleWordLists(3, 20, 1)).toEqual(sampleWordLists(3, 20, 1));
    expect(sampleWordLists(1, 20, 2)).not.toEqual(sampleWordLists(1, 20, 1));
  });

  it('never repeat a word until the pool is used up, and never within a list', () => {
    const fit = Math.floor(WORD_POOL.length / 20);
    const lists = sampleWordLists(fit + 3, 20, 4);
    expect(new Set(lists.slice(0, fit).flat()).size).toBe(fit * 20);
    for (const list of lists) {
      expect(new Set(list).size).toBe(20);
      for (const w of list) expect(WORD_POOL).toContain(w);
    }
  });

  it('refuses a list longer than the pool', () => {
    expect(() => createWordSampler(1, ['a', 'b']).next(3)).toThrow(RangeError);
    expect(createWordSampler(1, ['a', 'b']).next(2).sort()).toEqual(['a', 'b']);
  });
});
