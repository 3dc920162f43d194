import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { loadSimd, type Simd } from '../../kernels/simd';
import { nearestRow, referenceAttention, referenceEnergy, referenceStep } from './modernHopfield';
import { buildSimdModernMemory, SimdModernMemory } from './modernSimd';
import { maxAbsDiff } from '../../testing/denseReference';

let simd: Simd;
beforeAll(async () => {
  simd = (await loadSimd())!;
  expect(simd).not.toBeNull();
});

/** n rows of d pixels, mostly background (0) with some ink, like digits. */
function images(n: number, d: number, ink: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const u = new Uint8Array(n * d);
  for (let i = 0; i < u.length; i++) if (rng.next() < ink) u[i] = 1 + rng.int(255);
  return u;
}
const signed = (u: Uint8Array) => Float32Array.from(u, (v) => (2 * v) / 255 - 1);

/** n stored images of d pixels (ink share `ink`, seeded): the bytes, their [-1, 1] values, the memory. */
function stored(n: number, d: number, ink: number, seed: number) {
  const u = images(n, d, ink, seed);
  return { u, x: signed(u), m: new SimdModernMemory(simd, u, n, d) };
}

describe('SimdModernMemory', () => {
  for (const [n, d, ink] of [
    [50, 784, 0.2],
    [33, 61, 0.5], // d not a multiple of 8
    [20, 64, 1], // no background at all: every block kept
    [15, 40, 0], // all background: no block kept
  ]) {
    it(`one step, the attention and the energy equal the float64 reference (N=${n}, d=${d}, ink ${ink})`, () => {
      const { x, m } = stored(n, d, ink, n + d);
      const q = signed(images(1, d, 0.3, 99));
      for (let k = 0; k < d / 3; k++) q[k] = 0; // a masked region
      for (const beta of [0.05, 0.5, 5]) {
        const r = m.step(q, beta);
        const ref = referenceStep(x, n, d, q, beta);
        expect(maxAbsDiff(r.next, ref.next)).toBeLessThan(2e-5);
        expect(maxAbsDiff(r.attention, referenceAttention(x, n, d, q, beta))).toBeLessThan(2e-5);
        const e = referenceEnergy(x, n, d, q, beta);
        expect(Math.abs(r.energy - e)).toBeLessThan(1e-4 * Math.max(1, Math.abs(e)));
        const ins = m.inspect(q, beta);
        expect(Math.abs(ins.energy - e)).toBeLessThan(1e-4 * Math.max(1, Math.abs(e)));
        expect(maxAbsDiff(ins.attention, r.attention)).toBe(0);
      }
      m.dispose();
    });
  }

  it('finds the nearest stored image, and keeps only the blocks with ink', () => {
    const [n, d] = [40, 784];
    const { u, x, m } = stored(n, d, 0.1, 5);
    for (let t = 0; t < 5; t++) {
      const q = signed(images(1, d, 0.2, 50 + t));
      expect(m.inspect(q, 1).nearest).toBe(nearestRow(x, n, d, q));
    }
    let blocks = 0;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < d / 8; c++) {
        if (u.subarray(i * d + 8 * c, i * d + 8 * c + 8).some((v) => v > 0)) blocks++;
      }
    }
    expect(m.keptBlocks).toBe(blocks);
    expect(blocks).toBeLessThan((n * d) / 8);
    m.dispose();
  });

  it('retrieves a stored image from a half-masked cue at high beta', () => {
    const d = 196;
    const { x, m } = stored(30, d, 0.3, 8);
    const q = x.slice(7 * d, 8 * d);
    q.fill(0, d / 2);
    const r = m.step(q, 2);
    expect(maxAbsDiff(r.next, x.subarray(7 * d, 8 * d))).toBeLessThan(1e-3);
    expect(r.attention[7]).toBeGreaterThan(0.999);
    m.dispose();
  });

  it('built in slices, gives the same memory as built at once, value for value', () => {
    const [n, d] = [37, 61]; // d not a multiple of 8, N not a multiple of the slice
    const { u, m } = stored(n, d, 0.3, 21);
    const build = buildSimdModernMemory(simd, u, n, d, 5);
    let yields = 0;
    let r = build.next();
    for (; !r.done; r = build.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(2 * Math.floor(n / 5)); // two passes over the rows
    const sliced = r.value;
    expect(sliced.keptBlocks).toBe(m.keptBlocks);
    const q = signed(images(1, d, 0.4, 3));
    for (const beta of [0.1, 2]) {
      const [a, b] = [m.step(q, beta), sliced.step(q, beta)];
      expect(maxAbsDiff(a.next, b.next)).toBe(0);
      expect(maxAbsDiff(a.attention, b.attention)).toBe(0);
      expect(b.energy).toBe(a.energy);
      expect(sliced.inspect(q, beta).nearest).toBe(m.inspect(q, beta).nearest);
    }
    m.dispose();
    sliced.dispose();
  });

  it('a build stopped half way frees every block it made', () => {
    const [n, d] = [40, 784];
    const u = images(n, d, 0.2, 4);
    const before = simd.liveBlocks;
    for (const slicesDone of [3, 11, 2 * (n / 4)]) {
      // in the first pass, while warming the memory, in the second pass
      const build = buildSimdModernMemory(simd, u, n, d, 4);
      for (let k = 0; k < slicesDone; k++) expect(build.next().done).toBe(false);
      build.return(undefined as never);
      expect(simd.liveBlocks).toBe(before);
    }
  });
});
