/**
 * The short link form of a pattern set (format 1 of patternCodec.ts):
 *
 *   z<width>x<height>.<base64url(raw deflate(body))>
 *
 * body, before deflate (all integers big-endian):
 *   n        uint16   number of patterns (0..MAX_PATTERNS)
 *   kind[n]  uint8    0 = bits follow, 1 = a seeded random pattern
 *   then per pattern in order: kind 0 -> ceil(D/8) packed bytes (patternBits.ts),
 *                              kind 1 -> uint32 seed
 * The body must end exactly there. Raw deflate (RFC 1951, no zlib header,
 * level 9, pako) because a link has no use for the header's 6 bytes.
 *
 * A seeded random pattern is `seededRandomPattern(D, seed)`: unit i is +1
 * when the i-th draw of mulberry32(seed) (core/random.ts) is below 1/2, the
 * same as data/presets' randomPattern(D, createRng(seed)) (a test checks).
 */
import { deflateRaw, Inflate } from 'pako';
import { clip, fromBase64Url, toBase64Url } from './base64url';
import type { Bipolar } from './pattern';
import { checkSetShape, checkSide, MAX_PATTERNS, packPattern, unpackPattern } from './patternBits';
import { createRng } from './random';

/** The first character of every short-form text. */
export const SHORT_PREFIX = 'z';

/** The random pattern of `d` units that `seed` makes (see the file comment). */
export function seededRandomPattern(d: number, seed: number): Bipolar {
  const rng = createRng(seed);
  const out = new Int8Array(d);
  for (let i = 0; i < d; i++) out[i] = rng.next() < 0.5 ? 1 : -1;
  return out as Bipolar;
}

function same(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Short form of the set; a pattern equal to a `randomSeeds` pattern is written as that seed. */
export function encodeDeflated(
  width: number,
  height: number,
  patterns: readonly Int8Array[],
  randomSeeds: readonly number[] = [],
): string {
  checkSetShape(width, height, patterns.length);
  const d = width * height;
  const seeds = [...new Set(randomSeeds.map((s) => s >>> 0))];
  const made = new Map<number, Bipolar>();
  const seedOf = (p: Int8Array): number | null => {
    for (const s of seeds) {
      let r = made.get(s);
      if (!r) made.set(s, (r = seededRandomPattern(d, s)));
      if (same(p, r)) return s;
    }
    return null;
  };
  const parts: Uint8Array[] = [];
  const kinds = new Uint8Array(2 + patterns.length);
  kinds[0] = patterns.length >> 8;
  kinds[1] = patterns.length & 0xff;
  parts.push(kinds);
  patterns.forEach((p, mu) => {
    const bits = packPattern(p, width, height, mu); // checks the pattern
    const seed = seeds.length ? seedOf(p) : null;
    if (seed === null) {
      parts.push(bits);
    } else {
      kinds[2 + mu] = 1;
      parts.push(
        new Uint8Array([seed >>> 24, (seed >>> 16) & 0xff, (seed >>> 8) & 0xff, seed & 0xff]),
      );
    }
  });
  const body = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) {
    body.set(b, at);
    at += b.length;
  }
  return `${SHORT_PREFIX}${width}x${height}.${toBase64Url(deflateRaw(body, { level: 9 }))}`;
}

/** The inflated body, refusing more than `limit` bytes (a link must not unpack to megabytes). */
function inflateAtMost(bytes: Uint8Array, limit: number): Uint8Array {
  const inflate = new Inflate({ raw: true, chunkSize: 16384 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflate.onData = (chunk) => {
    total += chunk.length;
    if (total > limit) throw new Error(`unpacks to more than ${limit} bytes`);
    chunks.push(chunk);
  };
  inflate.push(bytes, true);
  if (inflate.err || !inflate.ended) {
    throw new Error(`its compressed part is damaged (${inflate.msg || 'it ends too soon'})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads what encodeDeflated made; throws an Error saying what is wrong otherwise. */
export function decodeDeflated(s: string) {
  const m = /^z(\d{1,3})x(\d{1,3})\.([A-Za-z0-9_-]*)$/.exec(s);
  if (!m) throw new Error(`"${clip(s)}" is not a short pattern text like z16x16.<data>`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  checkSide('width', width);
  checkSide('height', height);
  const d = width * height;
  const nBytes = Math.ceil(d / 8);
  const body = inflateAtMost(fromBase64Url(m[3]), 2 + MAX_PATTERNS * (1 + nBytes));
  if (body.length < 2) throw new Error('its compressed part is too short');
  const n = (body[0] << 8) | body[1];
  if (n > MAX_PATTERNS) throw new RangeError(`${n} patterns is more than ${MAX_PATTERNS}`);
  let at = 2 + n;
  if (body.length < at) throw new Error(`it names ${n} patterns but lists fewer`);
  const patterns: Bipolar[] = [];
  for (let mu = 0; mu < n; mu++) {
    const kind = body[2 + mu];
    if (kind === 0) {
      if (body.length < at + nBytes) throw new Error(`pattern ${mu + 1} is cut short`);
      patterns.push(unpackPattern(body, at, d, mu));
      at += nBytes;
    } else if (kind === 1) {
      if (body.length < at + 4) throw new Error(`pattern ${mu + 1}'s seed is cut short`);
      const seed =
        ((body[at] << 24) | (body[at + 1] << 16) | (body[at + 2] << 8) | body[at + 3]) >>> 0;
      patterns.push(seededRandomPattern(d, seed));
      at += 4;
    } else {
      throw new Error(`pattern ${mu + 1} is of an unknown kind (${kind})`);
    }
  }
  if (at !== body.length)
    throw new Error(`it has ${body.length - at} bytes after its last pattern`);
  return { width, height, patterns };
}
