import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { checkerboard, glyph, GLYPH_NAMES, randomPattern, sparsePattern } from './presets';
import { hamming } from '../core/pattern';

describe('presets', () => {
  it('scales every glyph to every grid size with only +-1 entries and some ink', () => {
    for (const size of [8, 16, 25, 64]) {
      for (const name of GLYPH_NAMES) {
        const g = glyph(name, size, size);
        expect(g.length).toBe(size * size);
        expect(g.every((v) => v === 1 || v === -1)).toBe(true);
        expect(g.some((v) => v === 1)).toBe(true);
      }
    }
  });

  it('keeps distinct letters distinct at 16 x 16', () => {
    expect(hamming(glyph('A', 16, 16), glyph('B', 16, 16))).toBeGreaterThan(10);
  });

  it('rejects an unknown glyph', () => {
    expect(() => glyph('?', 8, 8)).toThrow(RangeError);
  });

  it('draws a 5 x 5 checkerboard with half the units on', () => {
    const c = checkerboard(50, 50, 5);
    expect(c[0]).toBe(1);
    expect(c[5]).toBe(-1);
    expect(c[50 * 5]).toBe(-1);
    expect(c.reduce((s, v) => s + v, 0)).toBe(0);
  });

  it('makes seeded random and sparse patterns', () => {
    const a = randomPattern(1000, createRng(1));
    const b = randomPattern(1000, createRng(1));
    expect(hamming(a, b)).toBe(0);
    expect(Math.abs(a.reduce((s, v) => s + v, 0))).toBeLessThan(150);
    const s = sparsePattern(1000, 0.1, createRng(2));
    expect(s.filter((v) => v === 1).length).toBe(100);
  });
});

describe('resample', () => {
  it('is the identity at the same size and keeps a glyph recognisable when scaled', async () => {
    const { resample } = await import('./presets');
    const a = glyph('A', 16, 16);
    expect(hamming(resample(a, 16, 16), a)).toBe(0);
    const up = resample(a, 16, 32);
    expect(up.length).toBe(32 * 32);
    expect(hamming(resample(up, 32, 16), a)).toBe(0);
  });
});
