import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import {
  binarise,
  bipolarImage,
  classCounts,
  decodeMnist,
  loadMnist,
  MNIST_HEADER_BYTES,
  MNIST_PIXELS,
  MnistFormatError,
  packMnist,
  parseMnist,
  sampleDigits,
  signedImage,
  signedMatrix,
} from './mnist';
import { loadMnistNode, MNIST_FILE } from './mnistNode';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A tiny valid asset of `count` digits (uncompressed): labels i mod 10, ink (7k) mod 256 at body byte k. */
function tinyAsset(count: number): Uint8Array {
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const ink = Uint8Array.from({ length: count * MNIST_PIXELS }, (_, j) => ((count + j) * 7) % 256);
  return packMnist(labels, ink);
}

describe('the packed MNIST asset', () => {
  it('holds 10,000 labelled 28x28 digits, about 1,000 per class', async () => {
    const set = await loadMnistNode();
    expect(set.count).toBe(10_000);
    expect(set.width).toBe(28);
    expect(set.height).toBe(28);
    expect(set.pixels.length).toBe(10_000 * 784);
    const counts = classCounts(set);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    for (const c of counts) {
      expect(c).toBeGreaterThan(800);
      expect(c).toBeLessThan(1200);
    }
    // Real digits: mostly background, some full ink.
    let ink = 0;
    let full = 0;
    for (let k = 0; k < 784; k++) {
      if (set.pixels[k] > 0) ink++;
      if (set.pixels[k] === 255) full++;
    }
    expect(ink).toBeGreaterThan(50);
    expect(ink).toBeLessThan(400);
    expect(full + ink).toBeGreaterThan(0);
  });

  it('is gzipped on disk and small', () => {
    const bytes = readFileSync(MNIST_FILE);
    expect(bytes[0]).toBe(0x1f);
    expect(bytes[1]).toBe(0x8b);
    expect(bytes.length).toBeLessThan(2_000_000);
    expect(gunzipSync(bytes).length).toBe(MNIST_HEADER_BYTES + 10_000 * 785);
  });
});

describe('parseMnist / decodeMnist', () => {
  it('reads a valid asset, compressed or not', async () => {
    const raw = tinyAsset(12);
    const a = parseMnist(raw);
    expect(a.count).toBe(12);
    expect([...a.labels]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const b = await decodeMnist(new Uint8Array(gzipSync(raw)));
    expect(b.pixels).toEqual(a.pixels);
  });

  it('rejects a wrong file, a truncated one and a corrupted one with clear messages', async () => {
    const raw = tinyAsset(3);
    expect(() =>
      parseMnist(new TextEncoder().encode('<!doctype html><html><body>Not found</body></html>')),
    ).toThrow(/does not start with "ENGMNIST"/);
    expect(() => parseMnist(raw.subarray(0, 10))).toThrow(/shorter than its 32-byte header/);
    expect(() => parseMnist(raw.subarray(0, raw.length - 5))).toThrow(/truncated/);
    const flipped = raw.slice();
    flipped[MNIST_HEADER_BYTES + 100] ^= 0xff;
    expect(() => parseMnist(flipped)).toThrow(/checksum/);
    const version = raw.slice();
    version[8] = 9;
    expect(() => parseMnist(version)).toThrow(/version 9/);
    const gz = new Uint8Array(gzipSync(raw));
    await expect(decodeMnist(gz.subarray(0, gz.length - 20))).rejects.toBeInstanceOf(
      MnistFormatError,
    );
  });

  it('loadMnist says what went wrong: offline, 404, bad file', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(loadMnist(offline)).rejects.toThrow(/Could not download the digits.*offline/);
    const missing = (() => Promise.resolve(new Response('nope', { status: 404 }))) as typeof fetch;
    await expect(loadMnist(missing)).rejects.toThrow(/HTTP 404/);
    const html = (() => Promise.resolve(new Response('<html></html>'))) as typeof fetch;
    await expect(loadMnist(html)).rejects.toThrow(/could not be read/);
    const ok = (() =>
      Promise.resolve(new Response(tinyAsset(4) as Uint8Array<ArrayBuffer>))) as typeof fetch;
    const load = await loadMnist(ok);
    expect(load.set.count).toBe(4);
    expect(load.url).toMatch(/data\/mnist-10k\.bin$/);
  });
});

describe('helpers', () => {
  it('scale to [-1, 1], binarise at half ink, sample seeded by class', async () => {
    const set = await loadMnistNode();
    const img = signedImage(set, 0);
    expect(Math.min(...img)).toBe(-1);
    expect(Math.max(...img)).toBeLessThanOrEqual(1);
    const bip = bipolarImage(set, 0);
    for (let k = 0; k < 784; k++) expect(bip[k]).toBe(set.pixels[k] >= 128 ? 1 : -1);
    expect(binarise(img)).toEqual(bip);

    const a = sampleDigits(set, 50, [3, 7], createRng(9));
    const b = sampleDigits(set, 50, [3, 7], createRng(9));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(50);
    for (const i of a) expect([3, 7]).toContain(set.labels[i]);
    expect(sampleDigits(set, 99_999, [0], createRng(1)).length).toBe(classCounts(set)[0]);
    const m = signedMatrix(set, a.subarray(0, 2));
    expect(m.subarray(784, 1568)).toEqual(signedImage(set, a[1]));
    expect(() => signedImage(set, 10_000)).toThrow(RangeError);
  });
});
