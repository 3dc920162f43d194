/**
 * Packing bipolar patterns into bits, shared by both link formats of
 * patternCodec.ts: row-major, 1 bit per unit, most significant bit first,
 * bit 1 = +1, bit 0 = -1, the last byte padded with 0 bits.
 */
import { asBipolar, type Bipolar } from './pattern';

export const MIN_SIDE = 4;
export const MAX_SIDE = 64;
/** More than this many patterns cannot come from a link (a URL would be huge). */
export const MAX_PATTERNS = 256;

export function checkSide(name: string, v: number): void {
  if (!Number.isInteger(v) || v < MIN_SIDE || v > MAX_SIDE) {
    throw new RangeError(`${name} ${v} is outside ${MIN_SIDE}..${MAX_SIDE}`);
  }
}

/**
 * The checks both link formats make before writing a set: each side in
 * MIN_SIDE..MAX_SIDE and at most MAX_PATTERNS patterns (packPattern checks
 * each pattern's length and entries). Throws a RangeError.
 */
export function checkSetShape(width: number, height: number, count: number): void {
  checkSide('width', width);
  checkSide('height', height);
  if (count > MAX_PATTERNS) {
    throw new RangeError(`${count} patterns is more than ${MAX_PATTERNS}`);
  }
}

/** Pattern `mu` (for messages) of width*height units as ceil(d/8) bytes; RangeError if it is not d units of +-1. */
export function packPattern(p: Int8Array, width: number, height: number, mu: number): Uint8Array {
  const d = width * height;
  if (p.length !== d) {
    throw new RangeError(`pattern ${mu} has ${p.length} units, not ${width}x${height} = ${d}`);
  }
  try {
    asBipolar(p);
  } catch (e) {
    throw new RangeError(`pattern ${mu}: ${(e as Error).message}`, { cause: e });
  }
  const bytes = new Uint8Array(Math.ceil(d / 8));
  for (let i = 0; i < d; i++) if (p[i] === 1) bytes[i >> 3] |= 0x80 >> (i & 7);
  return bytes;
}

/** The `d`-unit pattern packed at `bytes[at..]`; throws if its padding bits are not 0. */
export function unpackPattern(bytes: Uint8Array, at: number, d: number, mu: number): Bipolar {
  const nBytes = Math.ceil(d / 8);
  if (d % 8 !== 0 && (bytes[at + nBytes - 1] & (0xff >> (d % 8))) !== 0) {
    throw new Error(`pattern ${mu + 1} has stray bits after its last unit`);
  }
  const p = new Int8Array(d);
  for (let i = 0; i < d; i++) p[i] = bytes[at + (i >> 3)] & (0x80 >> (i & 7)) ? 1 : -1;
  return p as Bipolar;
}
