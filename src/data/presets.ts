/**
 * Pattern makers for the Classic Hopfield lab: letters and digits from a
 * bitmap font, checkerboards, random and sparse patterns. Pure and seeded.
 * Every maker returns a bipolar pattern (+1 = ink, -1 = paper) of
 * width * height units, row-major.
 */
import { sampleDistinct, type Rng } from '../core/random';
import type { Bipolar } from '../core/pattern';
import { GLYPHS, GLYPH_H, GLYPH_W } from './glyphs';

export const GLYPH_NAMES = Object.keys(GLYPHS);

/**
 * A glyph scaled to the grid by nearest neighbour, with a margin of about
 * one eighth of the grid on every side so letters do not touch the border.
 */
export function glyph(name: string, width: number, height: number): Bipolar {
  const rows = GLYPHS[name.toUpperCase()];
  if (!rows) throw new RangeError(`no glyph named ${JSON.stringify(name)}`);
  const out = new Int8Array(width * height).fill(-1);
  const mx = Math.floor(width / 8);
  const my = Math.floor(height / 8);
  const iw = Math.max(1, width - 2 * mx);
  const ih = Math.max(1, height - 2 * my);
  for (let y = 0; y < ih; y++) {
    const gy = Math.min(GLYPH_H - 1, Math.floor((y * GLYPH_H) / ih));
    for (let x = 0; x < iw; x++) {
      const gx = Math.min(GLYPH_W - 1, Math.floor((x * GLYPH_W) / iw));
      if (rows[gy][gx] === '#') out[(y + my) * width + x + mx] = 1;
    }
  }
  return out as Bipolar;
}

/** A checkerboard of square x square blocks; the top-left block is ink. */
export function checkerboard(width: number, height: number, square: number): Bipolar {
  const out = new Int8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const even = (Math.floor(x / square) + Math.floor(y / square)) % 2 === 0;
      out[y * width + x] = even ? 1 : -1;
    }
  }
  return out as Bipolar;
}

/** Unbiased random pattern: each unit +1 or -1 with probability 1/2. */
export function randomPattern(d: number, rng: Rng): Bipolar {
  const out = new Int8Array(d);
  for (let i = 0; i < d; i++) out[i] = rng.next() < 0.5 ? 1 : -1;
  return out as Bipolar;
}

/**
 * Sparse pattern with coding level a: exactly round(a * D) units are +1
 * (chosen without replacement), the rest -1.
 */
export function sparsePattern(d: number, a: number, rng: Rng): Bipolar {
  const out = new Int8Array(d).fill(-1);
  for (const i of sampleDistinct(d, Math.round(a * d), rng)) out[i] = 1;
  return out as Bipolar;
}

/**
 * Resamples a bipolar pattern to another grid size by nearest neighbour, so
 * changing the grid size keeps the visitor's patterns (coarser or finer).
 */
export function resample(cells: Int8Array, from: number, to: number): Bipolar {
  const out = new Int8Array(to * to);
  for (let y = 0; y < to; y++) {
    const sy = Math.min(from - 1, Math.floor(((y + 0.5) * from) / to));
    for (let x = 0; x < to; x++) {
      const sx = Math.min(from - 1, Math.floor(((x + 0.5) * from) / to));
      out[y * to + x] = cells[sy * from + sx];
    }
  }
  return out as Bipolar;
}
