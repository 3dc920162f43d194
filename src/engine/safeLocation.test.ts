import { describe, expect, it } from 'vitest';
import { repairSearch } from './safeLocation';

describe('repairSearch', () => {
  it('leaves good search strings alone', () => {
    for (const s of ['', '?backend=wasm', '?a=%20b&c=%E2%9C%93', '?x=1+2']) {
      expect(repairSearch(s)).toEqual({ search: s, repaired: false });
    }
  });

  it('escapes the % of each piece that does not decode, and only those', () => {
    expect(repairSearch('?x=%')).toEqual({ search: '?x=%25', repaired: true });
    expect(repairSearch('?backend=wasm&x=%E0%A4%A')).toEqual({
      search: '?backend=wasm&x=%25E0%25A4%25A',
      repaired: true,
    });
  });

  it('always gives a string that decodes', () => {
    const chars = ['%', 'a', '=', '&', '2', 'F', 'E0', '+', '?'];
    for (let k = 0; k < 2000; k++) {
      let s = '?';
      for (let i = 0; i < 12; i++) s += chars[(k * 7 + i * 13 + ((k >> i) & 5)) % chars.length];
      const { search } = repairSearch(s);
      expect(() => decodeURIComponent(search), s).not.toThrow();
    }
  });
});
