/**
 * A compact, URL-safe text form for a set of bipolar (+-1) patterns, so a
 * drawn cue or a stored set fits in a shareable link.
 *
 * Format: `<width>x<height>` followed by one `.<base64url>` segment per
 * pattern, e.g. `"4x4.AAA.__8"` (a 4x4 all -1, then a 4x4 all +1). Each pattern is packed 1 bit per unit,
 * row-major, most significant bit first; bit 1 is +1 and bit 0 is -1. The
 * last byte is padded with 0 bits, and base64url has no `=` padding. Every
 * character is unreserved in URLs (RFC 3986), so the string needs no escaping.
 *
 * Size: a 64x64 pattern is 4096 bits = 512 bytes = 683 characters; a 16x16
 * one is 43 characters.
 */
import { asBipolar, type Bipolar } from './pattern';

/** A list of equal-size bipolar patterns, as a lab holds them. */
export interface PatternSet {
  width: number;
  height: number;
  patterns: Bipolar[];
}

/** The decoded value of a `patternsParam` in the URL (same as PatternSet). */
export type EncodedPatterns = PatternSet;

export const MIN_SIDE = 4;
export const MAX_SIDE = 64;
/** More than this many patterns cannot come from a link (a URL would be huge). */
export const MAX_PATTERNS = 256;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Bytes to base64url, without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

/**
 * base64url (no padding) to bytes. Throws on a character outside the
 * alphabet, an impossible length, or non-zero padding bits (so every byte
 * string has exactly one text form).
 */
export function fromBase64Url(s: string): Uint8Array {
  if (s.length % 4 === 1) throw new Error(`"${clip(s)}" has an impossible base64url length`);
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) throw new Error(`"${clip(s)}" has a character that is not base64url: "${s[i]}"`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Canonical form only: the unused low bits of the last character must be 0.
  if ((acc & ((1 << bits) - 1)) !== 0) throw new Error(`"${clip(s)}" is not canonical base64url`);
  return out;
}

function checkSide(name: string, v: number): void {
  if (!Number.isInteger(v) || v < MIN_SIDE || v > MAX_SIDE) {
    throw new RangeError(`${name} ${v} is outside ${MIN_SIDE}..${MAX_SIDE}`);
  }
}

/**
 * Encodes equal-size bipolar patterns. Throws a RangeError if a side is
 * outside 4..64, a pattern is not width*height long, an entry is not +-1, or
 * there are more than MAX_PATTERNS patterns.
 */
export function encodePatterns(
  width: number,
  height: number,
  patterns: readonly Int8Array[],
): string {
  checkSide('width', width);
  checkSide('height', height);
  if (patterns.length > MAX_PATTERNS) {
    throw new RangeError(`${patterns.length} patterns is more than ${MAX_PATTERNS}`);
  }
  const d = width * height;
  const bytes = new Uint8Array(Math.ceil(d / 8));
  let out = `${width}x${height}`;
  patterns.forEach((p, mu) => {
    if (p.length !== d) {
      throw new RangeError(`pattern ${mu} has ${p.length} units, not ${width}x${height} = ${d}`);
    }
    try {
      asBipolar(p);
    } catch (e) {
      throw new RangeError(`pattern ${mu}: ${(e as Error).message}`, { cause: e });
    }
    bytes.fill(0);
    for (let i = 0; i < d; i++) if (p[i] === 1) bytes[i >> 3] |= 0x80 >> (i & 7);
    out += '.' + toBase64Url(bytes);
  });
  return out;
}

/**
 * Decodes what `encodePatterns` made. Throws an Error whose message says what
 * is wrong (bad dimensions, wrong segment length, a bad character) on any
 * string it did not make, including non-canonical ones (padding bits set),
 * so equal pattern sets always have equal text.
 */
export function decodePatterns(s: string): PatternSet {
  const parts = s.split('.');
  const dims = /^(\d{1,3})x(\d{1,3})$/.exec(parts[0]);
  if (!dims) throw new Error(`"${clip(parts[0])}" is not a size like 16x16`);
  const width = Number(dims[1]);
  const height = Number(dims[2]);
  checkSide('width', width);
  checkSide('height', height);
  const segments = parts.slice(1);
  if (segments.length > MAX_PATTERNS) {
    throw new RangeError(`${segments.length} patterns is more than ${MAX_PATTERNS}`);
  }
  const d = width * height;
  const nBytes = Math.ceil(d / 8);
  const nChars = Math.ceil((nBytes * 4) / 3);
  const patterns = segments.map((seg, mu) => {
    if (seg.length !== nChars) {
      throw new Error(
        `pattern ${mu + 1} has ${seg.length} characters; a ${width}x${height} pattern needs ${nChars}`,
      );
    }
    const bytes = fromBase64Url(seg);
    if (d % 8 !== 0 && (bytes[nBytes - 1] & (0xff >> (d % 8))) !== 0) {
      throw new Error(`pattern ${mu + 1} has stray bits after its last unit`);
    }
    const p = new Int8Array(d);
    for (let i = 0; i < d; i++) p[i] = bytes[i >> 3] & (0x80 >> (i & 7)) ? 1 : -1;
    return p as Bipolar;
  });
  return { width, height, patterns };
}

/** Two pattern sets are equal when sizes and every unit agree. */
export function samePatternSet(a: PatternSet | null, b: PatternSet | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.width !== b.width || a.height !== b.height || a.patterns.length !== b.patterns.length) {
    return false;
  }
  return a.patterns.every((p, mu) => {
    const q = b.patterns[mu];
    if (p.length !== q.length) return false;
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
    return true;
  });
}

function clip(s: string): string {
  return s.length > 24 ? s.slice(0, 24) + '…' : s;
}
