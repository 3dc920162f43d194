/**
 * A compact, URL-safe text form for a set of bipolar (+-1) patterns, so a
 * drawn cue or a stored set fits in a shareable link. Two formats, told
 * apart by their first character; `decodePatterns` reads both, so every
 * link made before the short form still opens.
 *
 * Plain (format 0, every link before #13): `<width>x<height>` followed by one
 * `.<base64url>` segment per pattern, e.g. `"4x4.AAA.__8"` (a 4x4 all -1,
 * then a 4x4 all +1). Each pattern is packed 1 bit per unit, row-major, most
 * significant bit first; bit 1 is +1 and bit 0 is -1; the last byte is padded
 * with 0 bits. A 64x64 pattern is 512 bytes = 683 characters.
 *
 * Short (format 1, `z` prefix): `z<width>x<height>.<base64url(raw deflate(body))>`
 * (see patternDeflate.ts for the body). A pattern that equals a seeded
 * random pattern whose seed the caller names (`randomSeeds`) is written as
 * its 4-byte seed instead of its 512 bytes of bits.
 *
 * `encodeShortPatterns` writes whichever of the two is shorter (ties: plain);
 * `encodePatterns` always writes the plain form (this browser's saved
 * memory, and tests that build links by hand, use it).
 *
 * Measured (#13; docs/classroom.md has the method and more states): the
 * plain form, raw deflate (pako, level 9) + base64url, and lz-string 1.5
 * compressToEncodedURIComponent (the better of the plain text and the
 * packed bytes as input), in characters:
 *
 *   state                               plain   deflate   lz-string
 *   64x64, 20 letters A..T              13,685     352      1,553
 *   64x64, 20 drawn (3-6 brush strokes) 13,685   3,527      4,274
 *   64x64, 10 letters + 10 drawn        13,685   1,924      3,087
 *   64x64, 20 random                    13,685  13,660     17,569
 *   64x64 letter cue, 15% flipped          689     583        754
 *   16x16, 3 letters                       137      55         47
 *   20x20, 5 letters                       345     111        122
 *
 * Deflate is shorter on every large state (4x on letters), lz-string only on
 * the tiniest (by 8 characters), so Engram uses deflate (pako, already a
 * dependency). Random bits do not compress: 20 random 64x64 patterns are
 * 81,920 bits, at least 13,654 base64url characters in any format, so they
 * fit in a short link only as seeds (a few characters each).
 */
import { checkSetShape, packPattern, unpackPattern } from './patternBits';
import { clip, fromBase64Url, toBase64Url } from './base64url';
import { decodeDeflated, encodeDeflated, SHORT_PREFIX } from './patternDeflate';
import { type Bipolar } from './pattern';

/** A list of equal-size bipolar patterns, as a lab holds them. */
export interface PatternSet {
  width: number;
  height: number;
  patterns: Bipolar[];
  /**
   * Encoding hint only (never decoded, ignored by samePatternSet): seeds a
   * pattern of the set may have been drawn from with `seededRandomPattern`;
   * a pattern equal to one of them is written as its seed.
   */
  randomSeeds?: readonly number[];
}

/** The decoded value of a `patternsParam` in the URL (same as PatternSet). */
export type EncodedPatterns = PatternSet;

/**
 * Encodes equal-size bipolar patterns in the plain form. Throws a RangeError
 * if a side is outside 4..64, a pattern is not width*height long, an entry is
 * not +-1, or there are more than MAX_PATTERNS patterns.
 */
export function encodePatterns(
  width: number,
  height: number,
  patterns: readonly Int8Array[],
): string {
  checkSetShape(width, height, patterns.length);
  let out = `${width}x${height}`;
  patterns.forEach((p, mu) => {
    out += '.' + toBase64Url(packPattern(p, width, height, mu));
  });
  return out;
}

/**
 * The shorter of the plain and the short (deflate) form of a set, with the
 * same checks as encodePatterns. Equal inputs give equal text.
 */
export function encodeShortPatterns(
  width: number,
  height: number,
  patterns: readonly Int8Array[],
  randomSeeds: readonly number[] = [],
): string {
  const plain = encodePatterns(width, height, patterns);
  const short = encodeDeflated(width, height, patterns, randomSeeds);
  return short.length < plain.length ? short : plain;
}

/**
 * Decodes what `encodePatterns` or `encodeShortPatterns` made. Throws an
 * Error whose message says what is wrong (bad dimensions, wrong segment
 * length, a bad character, a damaged compressed body) on any string they did
 * not make, including non-canonical base64url (padding bits set).
 */
export function decodePatterns(s: string): PatternSet {
  if (s.startsWith(SHORT_PREFIX)) return decodeDeflated(s);
  const parts = s.split('.');
  const dims = /^(\d{1,3})x(\d{1,3})$/.exec(parts[0]);
  if (!dims) throw new Error(`"${clip(parts[0])}" is not a size like 16x16`);
  const width = Number(dims[1]);
  const height = Number(dims[2]);
  const segments = parts.slice(1);
  checkSetShape(width, height, segments.length);
  const d = width * height;
  const nBytes = Math.ceil(d / 8);
  const nChars = Math.ceil((nBytes * 4) / 3);
  const patterns = segments.map((seg, mu) => {
    if (seg.length !== nChars) {
      throw new Error(
        `pattern ${mu + 1} has ${seg.length} characters; a ${width}x${height} pattern needs ${nChars}`,
      );
    }
    return unpackPattern(fromBase64Url(seg), 0, d, mu);
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
