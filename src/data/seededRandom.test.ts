import { describe, expect, it } from 'vitest';
import { seededRandomPattern } from '../core/patternDeflate';
import { createRng } from '../core/random';
import { randomPattern } from './presets';

describe('seededRandomPattern', () => {
  it("is the lab's random preset for the same seed, so a link can carry the seed instead of the bits", () => {
    for (const [d, seed] of [
      [16, 0],
      [256, 1001],
      [4096, 999_999_020],
      [4096, 4_294_967_295],
    ]) {
      expect(Array.from(seededRandomPattern(d, seed))).toEqual(
        Array.from(randomPattern(d, createRng(seed))),
      );
    }
  });
});
