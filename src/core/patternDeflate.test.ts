import { describe, expect, it } from 'vitest';
import { decodePatterns, encodePatterns, encodeShortPatterns } from './patternCodec';
import { seededRandomPattern, SHORT_PREFIX } from './patternDeflate';
import { decodeDeflated, encodeDeflated } from './patternDeflate';
import { createRng } from './random';
import { toBase64Url } from './base64url';
import { deflateRaw } from 'pako';

/** A 16x16 A, B and C written by the plain encoder before #13 (commit b31f3c9); must still open. */
const OLD_ABC =
  '16x16.AAAAAAfwB_A4DDgMOAw4DD_8OAw4DDgMOAw4DAAAAAA.AAAAAD_wP_A4DDgMOAw4DD_wOAw4DDgMOAw_8AAAAAA.AAAAAAfwB_A4DDgMOAA4ADgAOAA4ADgMOAwH8AAAAAA';

/** A 64x64 drawing: `strokes` thick random walks, like a visitor's drag with the brush. */
function drawn(n: number, seed: number): Int8Array {
  const rng = createRng(seed);
  const p = new Int8Array(n * n).fill(-1);
  for (let s = 0; s < 4; s++) {
    let x = rng.next() * n;
    let y = rng.next() * n;
    let a = rng.next() * 6.28;
    for (let t = 0; t < n; t++) {
      a += (rng.next() - 0.5) * 0.6;
      x += Math.cos(a);
      y += Math.sin(a);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const X = Math.round(x + dx);
          const Y = Math.round(y + dy);
          if (X >= 0 && Y >= 0 && X < n && Y < n) p[Y * n + X] = 1;
        }
    }
  }
  return p;
}

const units = (ps: Int8Array[]) => ps.map((p) => Array.from(p));

describe('short pattern links (format z)', () => {
  it('old plain links still open, unchanged', () => {
    const set = decodePatterns(OLD_ABC);
    expect(set.width).toBe(16);
    expect(set.patterns).toHaveLength(3);
    expect(encodePatterns(16, 16, set.patterns)).toBe(OLD_ABC);
    // The short form of the same set is shorter and decodes to the same units.
    const short = encodeShortPatterns(16, 16, set.patterns);
    expect(short.startsWith(SHORT_PREFIX)).toBe(true);
    expect(short.length).toBeLessThan(OLD_ABC.length);
    expect(units(decodePatterns(short).patterns)).toEqual(units(set.patterns));
  });

  it('round-trips drawings, random patterns and seeded ones of many sizes', () => {
    const rng = createRng(3);
    for (const [w, h] of [
      [4, 4],
      [5, 7],
      [16, 16],
      [33, 17],
      [64, 64],
    ]) {
      for (const count of [0, 1, 5]) {
        const pats = Array.from({ length: count }, (_, i) =>
          i % 2
            ? seededRandomPattern(w * h, 100 + i)
            : new Int8Array(w * h).map(() => (rng.next() < 0.3 ? 1 : -1)),
        );
        const text = encodeDeflated(w, h, pats, [101, 103, 7]);
        const back = decodeDeflated(text);
        expect([back.width, back.height]).toEqual([w, h]);
        expect(units(back.patterns)).toEqual(units(pats));
      }
    }
  });

  it('writes a pattern that equals a named seed as the seed, and only then', () => {
    const d = 64 * 64;
    const pats = Array.from({ length: 20 }, (_, i) => seededRandomPattern(d, 1001 + i));
    const withSeeds = encodeShortPatterns(64, 64, pats, [1000, ...pats.map((_, i) => 1001 + i)]);
    const without = encodeShortPatterns(64, 64, pats);
    // 81,920 random bits cannot be shorter than 13,654 base64url characters...
    expect(without.length).toBeGreaterThanOrEqual(13_654);
    // ...but 20 seeds are a few dozen bytes.
    expect(withSeeds.length).toBeLessThan(200);
    expect(units(decodePatterns(withSeeds).patterns)).toEqual(units(pats));
    // A pattern one unit away from a seeded one is written as bits.
    const edited = pats[0].slice();
    edited[5] = -edited[5];
    const text = encodeShortPatterns(64, 64, [edited], [1001]);
    expect(units(decodePatterns(text).patterns)).toEqual(units([edited]));
    expect(text.length).toBeGreaterThan(600);
  });

  it('fits a 64x64 state of 20 drawn patterns in 4,000 characters', () => {
    const pats = Array.from({ length: 20 }, (_, i) => drawn(64, i + 1));
    const text = encodeShortPatterns(64, 64, pats);
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(units(decodePatterns(text).patterns)).toEqual(units(pats));
  });

  it('writes the plain form when it is shorter (tiny random sets)', () => {
    const rng = createRng(9);
    const pats = [new Int8Array(16).map(() => (rng.next() < 0.5 ? 1 : -1))];
    const text = encodeShortPatterns(4, 4, pats);
    expect(text).toBe(encodePatterns(4, 4, pats));
  });

  it('refuses damaged or hostile short texts with a message, never a crash', () => {
    const good = encodeDeflated(8, 8, [seededRandomPattern(64, 5)]);
    const body = (bytes: number[]) => `z8x8.${toBase64Url(deflateRaw(new Uint8Array(bytes)))}`;
    const cases: [string, RegExp][] = [
      ['z8x8', /not a short pattern text/],
      ['z3x8.AA', /width 3/],
      [good.slice(0, -4), /base64url|damaged|cut short|too short/],
      ['z8x8.@@', /not a short pattern text/],
      [body([0]), /too short/],
      [body([0, 2, 0]), /lists fewer/],
      [body([0, 1, 2, 1, 2, 3, 4]), /unknown kind/],
      [body([0, 1, 1, 1, 2]), /seed is cut short/],
      [body([0, 1, 0, 1, 2, 3]), /cut short/],
      [body([0, 0, 9]), /after its last pattern/],
      [body([1, 1]), /more than 256/],
      // A deflate bomb: 1 MB of zeros in a few hundred characters.
      [`z8x8.${toBase64Url(deflateRaw(new Uint8Array(1 << 20)))}`, /more than/],
    ];
    for (const [s, re] of cases) expect(() => decodePatterns(s), s).toThrow(re);
  });
});
