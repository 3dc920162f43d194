import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from './random';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodePatterns, encodePatterns, samePatternSet } from './patternCodec';
import { MAX_PATTERNS } from './patternBits';

function randomPattern(d: number, rng: Rng): Int8Array {
  const p = new Int8Array(d);
  for (let i = 0; i < d; i++) p[i] = rng.next() < 0.5 ? -1 : 1;
  return p;
}

describe('base64url', () => {
  it('round-trips every length of random bytes', () => {
    const rng = createRng(7);
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(n).map(() => rng.int(256));
      const s = toBase64Url(bytes);
      expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(Array.from(fromBase64Url(s))).toEqual(Array.from(bytes));
    }
  });

  it('agrees with Node Buffer base64url', () => {
    const bytes = new Uint8Array([0, 255, 250, 1, 2, 3, 254]);
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });
});

describe('patternCodec', () => {
  it('round-trips random patterns of many sizes and counts', () => {
    const rng = createRng(42);
    const sizes = [
      [4, 4],
      [5, 5],
      [4, 64],
      [7, 9],
      [16, 16],
      [25, 25],
      [33, 17],
      [64, 64],
    ];
    for (const [w, h] of sizes) {
      for (const count of [0, 1, 3]) {
        const pats = Array.from({ length: count }, () => randomPattern(w * h, rng));
        const s = encodePatterns(w, h, pats);
        expect(s.startsWith(`${w}x${h}`)).toBe(true);
        const back = decodePatterns(s);
        expect(back.width).toBe(w);
        expect(back.height).toBe(h);
        expect(back.patterns.map((p) => Array.from(p))).toEqual(pats.map((p) => Array.from(p)));
      }
    }
  });

  it('encodes a 64x64 pattern in at most 700 characters, and is URL-safe', () => {
    const s = encodePatterns(64, 64, [randomPattern(4096, createRng(1))]);
    expect(s.length).toBeLessThanOrEqual(700);
    expect(encodeURIComponent(s)).toBe(s);
  });

  it('encodes all-off and all-on patterns as A and _ runs', () => {
    const off = new Int8Array(16).fill(-1);
    const on = new Int8Array(16).fill(1);
    expect(encodePatterns(4, 4, [off, on])).toBe('4x4.AAA.__8');
  });

  it('rejects bad input to encode', () => {
    expect(() => encodePatterns(3, 4, [])).toThrow(/width 3/);
    expect(() => encodePatterns(4, 65, [])).toThrow(/height 65/);
    expect(() => encodePatterns(4, 4, [new Int8Array(15).fill(1)])).toThrow(/15 units/);
    expect(() => encodePatterns(4, 4, [new Int8Array(16)])).toThrow(/pattern 0: entry 0 is 0/);
  });

  it('throws a clear Error on garbage', () => {
    const good = encodePatterns(8, 8, [randomPattern(64, createRng(3))]);
    const cases: [string, RegExp][] = [
      ['', /size like 16x16/],
      ['hello', /size like 16x16/],
      ['16x', /size like 16x16/],
      ['-4x4.AAA', /size like 16x16/],
      ['3x4.AAA', /width 3/],
      ['4x99.AAA', /height 99/],
      ['1000x1000', /size like/],
      ['NaNxNaN', /size like/],
      [good.slice(0, -1), /has 10 characters; a 8x8 pattern needs 11/],
      [good + 'A', /12 characters/],
      ['4x4.A$A', /not base64url: "\$"/],
      ['4x4.A=A', /not base64url/],
      ['4x4.AÄA', /not base64url/],
      ['4x4.AAA.', /pattern 2 has 0 characters/],
      ['4x4.AAB', /not canonical/],
      ['5x5.AAAAAB', /not canonical/],
      ['5x5.AAAAAg', /pattern 1 has stray bits/],
      ['4x4' + '.AAA'.repeat(MAX_PATTERNS + 1), /more than 256/],
    ];
    for (const [s, re] of cases) expect(() => decodePatterns(s), s).toThrow(re);
  });

  it('never throws anything but an Error on random strings', () => {
    const rng = createRng(99);
    const chars = 'x0123456789.-_AZaz%$ ';
    for (let k = 0; k < 500; k++) {
      let s = rng.next() < 0.5 ? '8x8.' : '';
      const n = rng.int(30);
      for (let i = 0; i < n; i++) s += chars[rng.int(chars.length)];
      try {
        const r = decodePatterns(s);
        expect(r.patterns.every((p) => p.length === r.width * r.height)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
      }
    }
  });

  it('compares pattern sets by value', () => {
    const a = decodePatterns('4x4.AAA.__8');
    expect(samePatternSet(a, decodePatterns('4x4.AAA.__8'))).toBe(true);
    expect(samePatternSet(a, decodePatterns('4x4.AAA.__4'))).toBe(false);
    expect(samePatternSet(a, decodePatterns('4x4.AAA'))).toBe(false);
    expect(samePatternSet(a, null)).toBe(false);
    expect(samePatternSet(null, null)).toBe(true);
  });
});
