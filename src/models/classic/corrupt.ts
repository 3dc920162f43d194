/**
 * Corrupting a cue (SCIENCE.md section 1). Every function returns a new
 * array and leaves its input alone; a bipolar input gives a bipolar output.
 *
 * Flips are sampled *without* replacement: "flip k units" flips exactly k
 * distinct units (sampling with replacement silently flips fewer). Above
 * 50 % flipped the cue is closer to -xi than to xi and tends to fall into the
 * inverted pattern.
 */
import { sampleDistinct, type Rng } from '../../core/random';

/** A copy of s with exactly k distinct units flipped (s_i -> -s_i). RangeError unless 0 <= k <= D. */
export function flipDistinct<S extends Int8Array>(s: S, k: number, rng: Rng): S {
  if (!Number.isInteger(k) || k < 0 || k > s.length) {
    throw new RangeError(`cannot flip ${k} distinct units of ${s.length}`);
  }
  const out = s.slice() as S;
  for (const i of sampleDistinct(s.length, k, rng)) out[i] = -out[i];
  return out;
}

/** flipDistinct with k = round(fraction * D); fraction in [0, 1]. */
export function flipFraction<S extends Int8Array>(s: S, fraction: number, rng: Rng): S {
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new RangeError(`flip fraction must be in [0, 1], got ${fraction}`);
  }
  return flipDistinct(s, Math.round(fraction * s.length), rng);
}

/** A rectangle of grid cells: columns x..x+w-1, rows y..y+h-1. */
export interface CellRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Masks a rectangle of a state laid out as a grid `width` cells wide
 * (row-major, D / width rows). Cells inside the rectangle (clipped to the
 * grid) become -1 ('off', the background) or an independent random +-1
 * ('random', one rng draw per masked cell, row by row).
 */
export function maskRect<S extends Int8Array>(
  s: S,
  width: number,
  rect: CellRect,
  fill: 'off' | 'random',
  rng: Rng,
): S {
  if (!Number.isInteger(width) || width < 1 || s.length % width !== 0) {
    throw new RangeError(`a state of ${s.length} units is not a grid ${width} cells wide`);
  }
  const height = s.length / width;
  const out = s.slice() as S;
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.floor(rect.x + rect.w));
  const y1 = Math.min(height, Math.floor(rect.y + rect.h));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      out[y * width + x] = fill === 'off' ? -1 : rng.next() < 0.5 ? -1 : 1;
    }
  }
  return out;
}

/** -s: the inverted state (also an attractor of every rule here, since E(-s) = E(s)). */
export function invert<S extends Int8Array>(s: S): S {
  const out = s.slice() as S;
  for (let i = 0; i < out.length; i++) out[i] = -out[i];
  return out;
}
