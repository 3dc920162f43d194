/**
 * Lossless baselines: the dataset's file through gzip and brotli
 * (SCIENCE.md section 4). Same settings everywhere, stated here:
 *
 * - gzip: level GZIP_LEVEL (9, best), zlib's defaults otherwise (window
 *   15 bits, memLevel 8, default strategy), the 10-byte gzip header with
 *   mtime 0 and OS 3 (Unix) as Node writes it.
 * - brotli: quality BROTLI_QUALITY (9), window 22 bits, generic mode.
 *   Quality 11 (Node's default) compresses a little better but takes
 *   minutes on a large CSV in JavaScript; the quality is part of every
 *   reported result.
 *
 * Two implementations give the same bytes (tested against node:zlib):
 * - portableCodecs, for the browser: pako 3 (a port of zlib that produces
 *   Node's zlib output byte for byte) and the `brotli` package (the C
 *   reference encoder compiled to JavaScript; byte-identical to Node's
 *   brotli at qualities up to 9 in our tests; at quality 11 on inputs of a
 *   few MB its output differed). It runs on the calling thread: about 2 s
 *   per MB at quality 9, so a page runs it in a worker or on a small slice.
 * - Node's own zlib, which the CLI passes in (cli/compress.ts) because it is
 *   native and fast.
 */
import { gzip } from 'pako';

export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 9;
export const BROTLI_WINDOW = 22;

export interface LosslessCodecs {
  /** What computed the bytes, for the result's record. */
  readonly name: string;
  gzip(bytes: Uint8Array, level: number): Uint8Array;
  brotli(bytes: Uint8Array, quality: number): Promise<Uint8Array>;
}

export const portableCodecs: LosslessCodecs = {
  name: 'pako 3 (gzip) and brotli.js (the C reference encoder compiled to JavaScript)',
  gzip: (bytes, level) => gzip(bytes, { level: level as 9 }),
  brotli: async (bytes, quality) => {
    // Loaded on first use: the encoder is 1.3 MB of JavaScript.
    const { compress } = await import('brotli/compress');
    const out = await compress(bytes, { quality, lgwin: BROTLI_WINDOW, mode: 0 });
    if (!out) throw new Error('brotli failed to compress');
    return out;
  },
};

export interface LosslessSizes {
  readonly gzip: number;
  readonly brotli: number;
  readonly gzipLevel: number;
  readonly brotliQuality: number;
  readonly codecs: string;
}

/** gzip and brotli sizes of one file, in bytes. */
export async function losslessSizes(
  bytes: Uint8Array,
  codecs: LosslessCodecs = portableCodecs,
  level = GZIP_LEVEL,
  quality = BROTLI_QUALITY,
): Promise<LosslessSizes> {
  return {
    gzip: codecs.gzip(bytes, level).length,
    brotli: (await codecs.brotli(bytes, quality)).length,
    gzipLevel: level,
    brotliQuality: quality,
    codecs: codecs.name,
  };
}
