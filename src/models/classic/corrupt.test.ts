import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { flipDistinct, flipFraction, invert, maskRect } from './corrupt';
import { randomPatterns } from './hopfield';
import { hamming, row } from '../../core/pattern';

const xi = row(randomPatterns(1, 100, createRng(41)), 0);

describe('flipDistinct', () => {
  it('flips exactly k distinct units, for every k from 0 to D', () => {
    const rng = createRng(42);
    for (let k = 0; k <= 100; k++) expect(hamming(flipDistinct(xi, k, rng), xi)).toBe(k);
  });

  it('leaves the input alone and is seeded', () => {
    const before = xi.slice();
    const a = flipDistinct(xi, 30, createRng(1));
    expect(xi).toEqual(before);
    expect(flipDistinct(xi, 30, createRng(1))).toEqual(a);
  });

  it('throws RangeError for k < 0 or k > D', () => {
    expect(() => flipDistinct(xi, -1, createRng(1))).toThrow(RangeError);
    expect(() => flipDistinct(xi, 101, createRng(1))).toThrow(RangeError);
    expect(() => flipDistinct(xi, 2.5, createRng(1))).toThrow(RangeError);
  });
});

describe('flipFraction', () => {
  it('flips round(fraction * D) units', () => {
    expect(hamming(flipFraction(xi, 0.254, createRng(1)), xi)).toBe(25);
    expect(hamming(flipFraction(xi, 1, createRng(1)), xi)).toBe(100);
    expect(() => flipFraction(xi, 1.5, createRng(1))).toThrow(RangeError);
  });
});

describe('maskRect', () => {
  it("sets the rectangle to -1 with 'off', clipped to the grid", () => {
    const s = new Int8Array(20).fill(1); // 5 wide, 4 high
    const out = maskRect(s, 5, { x: 3, y: 2, w: 4, h: 9 }, 'off', createRng(1));
    const off = [...out.keys()].filter((i) => out[i] === -1);
    expect(off).toEqual([13, 14, 18, 19]);
    expect(s.every((v) => v === 1)).toBe(true);
  });

  it("'random' fills with +-1 only inside the rectangle", () => {
    const s = new Int8Array(100).fill(1);
    const out = maskRect(s, 10, { x: 0, y: 0, w: 10, h: 5 }, 'random', createRng(2));
    const top = Array.from(out.subarray(0, 50));
    expect(top.every((v) => v === 1 || v === -1)).toBe(true);
    expect(top.filter((v) => v === -1).length).toBeGreaterThan(10);
    expect(Array.from(out.subarray(50)).every((v) => v === 1)).toBe(true);
  });

  it('rejects a width that does not divide D', () => {
    expect(() => maskRect(xi, 7, { x: 0, y: 0, w: 1, h: 1 }, 'off', createRng(1))).toThrow(
      RangeError,
    );
  });
});

describe('invert', () => {
  it('negates every unit', () => {
    const inv = invert(xi);
    expect(hamming(inv, xi)).toBe(100);
    expect(invert(inv)).toEqual(xi);
  });
});
