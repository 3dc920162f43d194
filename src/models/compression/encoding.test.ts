import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import {
  bytesPerCode,
  distinctCodes,
  firstOfEachCode,
  flipBits,
  hammingToAll,
  nearestCodes,
  ownRecordCredit,
  packCodes,
  unpackCodes,
} from './codes';
import { decodeHalf, encodeHalf, fromHalfBits, roundToHalf, toHalfBits } from './float16';

describe('float16', () => {
  it('round-trips every finite binary16 value exactly', () => {
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const v = fromHalfBits(h);
      if (!Number.isNaN(v) && toHalfBits(v) !== h) wrong.push(h); // -0 keeps its sign bit
    }
    expect(wrong).toEqual([]);
  });

  it('rounds to nearest, ties to even, and overflows to infinity', () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(65519)).toBe(0x7bff);
    expect(toHalfBits(65520)).toBe(0x7c00);
    expect(toHalfBits(2 ** -24)).toBe(1);
    expect(toHalfBits(2 ** -25)).toBe(0); // a tie between 0 and 2^-24 goes to even (0)
    expect(roundToHalf(1 + 2 ** -11)).toBe(1); // tie, even mantissa
    expect(roundToHalf(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9); // tie, rounds up to even
    expect(roundToHalf(1 / 3)).toBeCloseTo(0.333251953125, 12);
    expect(Number.isNaN(fromHalfBits(toHalfBits(NaN)))).toBe(true);
    const values = Float32Array.from([0.1, -2.5, 1000.7]);
    expect(Array.from(decodeHalf(encodeHalf(values)))).toEqual(Array.from(values, roundToHalf));
  });
});

describe('packed codes', () => {
  it('pack and unpack bits least significant first, ceil(K/8) bytes a code', () => {
    const k = 20;
    const code = Int8Array.from({ length: k }, (_, j) => (j === 0 || j === 9 ? 1 : -1));
    const packed = packCodes(code, k);
    expect(bytesPerCode(k)).toBe(3);
    expect(Array.from(packed)).toEqual([0b1, 0b10, 0]);
    expect(unpackCodes(packed, k)).toEqual(code);
  });

  it('measure Hamming distances and credit ties fairly', () => {
    const k = 16;
    const rng = createRng(3);
    const codes = Int8Array.from({ length: 5 * k }, () => (rng.next() < 0.5 ? -1 : 1));
    codes.set(codes.subarray(0, k), 4 * k); // record 4 repeats record 0
    const packed = packCodes(codes, k);
    const q = packed.subarray(0, 2);
    const h = hammingToAll(packed, q);
    for (let i = 0; i < 5; i++) {
      let d = 0;
      for (let j = 0; j < k; j++) if (codes[i * k + j] !== codes[j]) d++;
      expect(h[i]).toBe(d);
    }
    expect(nearestCodes(packed, q)).toEqual({ indices: [0, 4], distance: 0 });
    expect(ownRecordCredit(packed, q, 0)).toBe(0.5);
    expect(ownRecordCredit(packed, q, 1)).toBe(0);
    expect(distinctCodes(packed, k)).toBe(4);
    expect(Array.from(firstOfEachCode(packed, k))).toEqual([0, 1, 2, 3]);
  });

  it('flip exactly k distinct bits', () => {
    const code = new Int8Array(64).fill(1);
    for (const k of [0, 1, 17, 64]) {
      const flipped = flipBits(code, k, createRng(k));
      expect(flipped.filter((v) => v === -1).length).toBe(k);
    }
  });
});
