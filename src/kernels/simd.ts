/**
 * Engram's WebAssembly SIMD kernels (source: kernels/simd.ts, AssemblyScript;
 * binary: ./simdBinary.ts, built by scripts/build-kernels.mjs). They do the
 * inner loops that plain JavaScript and tfjs do slowly here: bit-packed
 * Hebbian overlaps, Storkey learning, a step with an explicit W, and the two
 * products of a modern Hopfield step over 8-bit images stored block-sparse.
 *
 * The module has its own memory. Arrays live there as Blocks (a byte offset
 * and a length); typed-array views onto them are made fresh on every access,
 * because growing the memory detaches old views. Free every Block you make.
 *
 * loadSimd() instantiates the module once (asynchronously: browsers refuse
 * to compile large modules synchronously on the main thread) and resolves to
 * null where WebAssembly SIMD is not supported, so callers fall back to the
 * typed-array or tfjs paths.
 */
import { SIMD_WASM_BASE64 } from './simdBinary';

/**
 * A Hebbian step from the overlaps (kernels/simd.ts hebbianSigns for one cue,
 * hebbianSigns4 for four): X^T as i8 at `xt` (D rows of np), u as i16, the
 * states `s` and `out` as i8.
 */
type HebbianSignsKernel = (
  xt: number,
  u: number,
  np: number,
  d: number,
  n: number,
  s: number,
  out: number,
) => void;

interface Exports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  release(ptr: number): void;
  packSigns(s: number, d: number, b: number, out: number, rowBytes: number): void;
  overlapsBits(xb: number, sb: number, n: number, rowBytes: number, d: number, u: number): number;
  hebbianSigns: HebbianSignsKernel;
  hebbianSigns4: HebbianSignsKernel;
  storkeyGrow(
    w: number,
    x: number,
    d: number,
    stride: number,
    from: number,
    to: number,
    h: number,
    hn: number,
    e: number,
    zeros: number,
    avail: number,
  ): void;
  upperField(w: number, x: number, d: number, stride: number, h: number): void;
  mirror(w: number, d: number, stride: number): void;
  denseSigns(
    w: number,
    d: number,
    stride: number,
    s: number,
    b: number,
    theta: number,
    out: number,
  ): void;
  dotsBlocks(
    data: number,
    idx: number,
    start: number,
    n: number,
    q: number,
    scale: number,
    bias: number,
    out: number,
  ): void;
  combineBlocks(
    data: number,
    idx: number,
    start: number,
    n: number,
    p: number,
    d8: number,
    out: number,
  ): void;
}

/** A region of the kernels' memory: `bytes` bytes from byte offset `ptr`, 16-byte aligned, zeroed when made. */
export class Block {
  private live = true;
  constructor(
    private readonly simd: Simd,
    readonly ptr: number,
    readonly bytes: number,
  ) {}
  f32(count = this.bytes >> 2, from = 0): Float32Array {
    return new Float32Array(this.simd.buffer(), this.ptr + 4 * from, count);
  }
  i8(count = this.bytes, from = 0): Int8Array {
    return new Int8Array(this.simd.buffer(), this.ptr + from, count);
  }
  u8(count = this.bytes, from = 0): Uint8Array {
    return new Uint8Array(this.simd.buffer(), this.ptr + from, count);
  }
  i16(count = this.bytes >> 1, from = 0): Int16Array {
    return new Int16Array(this.simd.buffer(), this.ptr + 2 * from, count);
  }
  u16(count = this.bytes >> 1, from = 0): Uint16Array {
    return new Uint16Array(this.simd.buffer(), this.ptr + 2 * from, count);
  }
  u32(count = this.bytes >> 2, from = 0): Uint32Array {
    return new Uint32Array(this.simd.buffer(), this.ptr + 4 * from, count);
  }
  /** Gives the region back; idempotent. */
  free(): void {
    if (!this.live) return;
    this.live = false;
    this.simd.liveBlocks--;
    this.simd.k.release(this.ptr);
  }
}

export class Simd {
  /** blocks made and not yet freed (tests check that work gives back what it takes) */
  liveBlocks = 0;
  constructor(readonly k: Exports) {}
  buffer(): ArrayBuffer {
    return this.k.memory.buffer;
  }
  /** A zeroed block of at least `bytes` bytes (rounded up to 16). */
  block(bytes: number): Block {
    const size = Math.max(16, Math.ceil(bytes / 16) * 16);
    const b = new Block(this, this.k.alloc(size), size);
    this.liveBlocks++;
    return b;
  }
}

/** x rounded up to a multiple of m. */
export const roundUp = (x: number, m: number) => Math.ceil(x / m) * m;

let pending: Promise<Simd | null> | null = null;
let ready: Simd | null = null;

function bytes(): Uint8Array<ArrayBuffer> {
  const s = atob(SIMD_WASM_BASE64);
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The kernels, or null where this engine has no WebAssembly SIMD. Instantiated once. */
export function loadSimd(): Promise<Simd | null> {
  pending ??= (async () => {
    try {
      if (typeof WebAssembly !== 'object') return null;
      const b = bytes();
      if (!WebAssembly.validate(b)) return null; // no SIMD (validation fails on v128)
      const { instance } = await WebAssembly.instantiate(b, {
        env: {
          abort: () => {
            throw new Error('WebAssembly kernel aborted');
          },
        },
      });
      ready = new Simd(instance.exports as unknown as Exports);
      return ready;
    } catch {
      return null;
    }
  })();
  return pending;
}

/** Blocks alive in kernel memory (0 before the kernels load). */
export function simdLiveBlocks(): number {
  return ready?.liveBlocks ?? 0;
}

/** The kernels if loadSimd() has finished with them, else null. */
export function simdNow(): Simd | null {
  return ready;
}
