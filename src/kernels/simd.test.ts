import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { compileKernels, moduleSource } from '../../scripts/build-kernels.mjs';
import { loadSimd, roundUp } from './simd';

describe('SIMD kernels', () => {
  it('the committed binary is a fresh build of kernels/simd.ts (run node scripts/build-kernels.mjs)', async () => {
    const fresh = moduleSource(await compileKernels());
    expect(readFileSync(new URL('./simdBinary.ts', import.meta.url), 'utf8')).toBe(fresh);
  });

  it('load in Node, and blocks are zeroed, aligned and reused after free', async () => {
    const simd = await loadSimd();
    expect(simd).not.toBeNull();
    const a = simd!.block(1000);
    expect(a.ptr % 16).toBe(0);
    expect(a.bytes).toBe(roundUp(1000, 16));
    a.u8().fill(7);
    a.free();
    a.free(); // idempotent
    const live = simd!.liveBlocks;
    const b = simd!.block(1000);
    expect(simd!.liveBlocks).toBe(live + 1);
    expect(Array.from(b.u8()).every((v) => v === 0)).toBe(true);
    b.free();
    expect(simd!.liveBlocks).toBe(live);
  });
});
