/**
 * The WebAssembly SIMD batch engine (kernels in ../../kernels/simd): the same
 * steps as ./batchTyped, with the inner loops in 128-bit SIMD.
 *
 * - Hebbian, exact in integers: overlaps u = X s by XOR and popcount over
 *   bit-packed rows (16 bytes = 128 units at a time), then N h = X^T u - N s
 *   as i8 x i16 dot products over X held transposed. Same states as the
 *   typed-array engine, bit for bit (tests check).
 * - Storkey: the engine learns with its own W in kernel memory (the fused
 *   upper-triangle update of ./learners StorkeyLearner, sums in float32
 *   instead of float64) and recalls with it in place, four cues per pass.
 * - An explicit W (covariance rule): copied into kernel memory once per
 *   network; fields summed in float32.
 * Float32 sums can differ from the typed engine's float64 ones in the last
 * bits, so a field within rounding of 0 may break a tie the other way: the
 * statistics agree, single states almost always.
 */
import type { Diagonal, Network } from '../classic/hopfield';
import type { PatternMatrix } from '../../core/pattern';
import { roundUp, type Block, type Simd } from '../../kernels/simd';
import type { BatchEngine, BatchMemory, GrowingMemory } from './batch';
import { NetworkMemory } from './batchTyped';

export class SimdHebbianMemory implements BatchMemory {
  readonly d: number;
  readonly n: number;
  private readonly rowBytes: number;
  private readonly np: number;
  private readonly blocks: Block[];
  private readonly xb: Block;
  private readonly xt: Block;
  private readonly u: Block;
  private readonly sb: Block;
  private readonly s: Block;
  private readonly out: Block;

  constructor(
    private readonly simd: Simd,
    x: PatternMatrix,
  ) {
    const { n, d, data } = x;
    if (d >= 32768)
      throw new RangeError(
        `the SIMD Hebbian step holds overlaps in 16 bits: D = ${d} is too many units`,
      );
    this.d = d;
    this.n = n;
    this.rowBytes = roundUp(Math.ceil(d / 8), 16);
    this.np = roundUp(Math.max(1, n), 16);
    this.xb = simd.block(n * this.rowBytes);
    this.xt = simd.block(d * this.np);
    this.u = simd.block(4 * this.np * 2);
    this.sb = simd.block(4 * this.rowBytes);
    this.s = simd.block(4 * d);
    this.out = simd.block(4 * d);
    this.blocks = [this.xb, this.xt, this.u, this.sb, this.s, this.out];
    if (n > 0) {
      const raw = simd.block(n * d);
      raw.i8(n * d).set(data.subarray(0, n * d));
      simd.k.packSigns(raw.ptr, d, n, this.xb.ptr, this.rowBytes);
      raw.free();
    }
    const xt = this.xt.i8();
    const np = this.np;
    for (let mu = 0; mu < n; mu++) {
      const o = mu * d;
      for (let i = 0; i < d; i++) xt[i * np + mu] = data[o + i];
    }
  }

  /** Cues in fours (one pass over X for four cues), the rest one by one. */
  step(s: Int8Array, b: number, out: Int8Array): void {
    const { d, n, rowBytes, np, simd, xb, xt, u, sb } = this;
    if (n === 0) {
      out.set(s.subarray(0, b * d));
      return;
    }
    for (let c0 = 0; c0 < b;) {
      const m = b - c0 >= 4 ? 4 : 1;
      this.s.i8(m * d).set(s.subarray(c0 * d, (c0 + m) * d));
      simd.k.packSigns(this.s.ptr, d, m, sb.ptr, rowBytes);
      for (let k = 0; k < m; k++) {
        simd.k.overlapsBits(xb.ptr, sb.ptr + rowBytes * k, n, rowBytes, d, u.ptr + 2 * np * k);
      }
      if (m === 4) simd.k.hebbianSigns4(xt.ptr, u.ptr, np, d, n, this.s.ptr, this.out.ptr);
      else simd.k.hebbianSigns(xt.ptr, u.ptr, np, d, n, this.s.ptr, this.out.ptr);
      out.set(this.out.i8(m * d), c0 * d);
      c0 += m;
    }
  }

  dispose(): void {
    for (const b of this.blocks) b.free();
  }
}

/**
 * h = W s - theta for cues copied into kernel memory as float32 rows of
 * `stride` (a multiple of 4, padding 0). W is not owned unless `owned`.
 */
export class SimdDenseMemory implements BatchMemory {
  private cues: Block | null = null;
  private out: Block | null = null;
  private readonly theta: Block;

  constructor(
    private readonly simd: Simd,
    private readonly w: Block,
    readonly d: number,
    private readonly stride: number,
    threshold: Float64Array | undefined,
    private readonly owned: boolean,
  ) {
    this.theta = simd.block(4 * stride);
    if (threshold) this.theta.f32(d).set(threshold);
  }

  step(s: Int8Array, b: number, out: Int8Array): void {
    const { d, stride, simd } = this;
    if (!this.cues || this.cues.bytes < 4 * b * stride) {
      this.cues?.free();
      this.out?.free();
      this.cues = simd.block(4 * b * stride);
      this.out = simd.block(b * d);
    }
    const f = this.cues.f32(b * stride);
    for (let c = 0; c < b; c++) {
      const o = c * stride;
      const so = c * d;
      for (let i = 0; i < d; i++) f[o + i] = s[so + i];
    }
    simd.k.denseSigns(this.w.ptr, d, stride, this.cues.ptr, b, this.theta.ptr, this.out!.ptr);
    out.set(this.out!.i8(b * d), 0);
  }

  dispose(): void {
    this.cues?.free();
    this.out?.free();
    this.cues = this.out = null;
    this.theta.free();
    if (this.owned) this.w.free();
  }
}

/**
 * Storkey learning and recall with W in kernel memory (see the module
 * comment). With diagonal 'keep' it learns one pattern per kernel call and
 * reads the field g of the next pattern that the kernel leaves in `h` (the
 * field from the other units: the kernel reads only j > i) to update
 * w_ii += (1/D)(1 - 2 xi_i g_i) in W's diagonal entries, which no kernel
 * pass reads or writes but the recall step, where h_i then holds w_ii s_i.
 */
export class SimdStorkey implements GrowingMemory {
  readonly d: number;
  private readonly stride: number;
  private readonly avail: number;
  private readonly w: Block;
  private readonly x: Block;
  private readonly h: Block;
  private readonly hn: Block;
  private readonly e: Block;
  private readonly zeros: Block;
  private n = 0;
  private mirrored = true;

  private readonly patterns: Int8Array;

  constructor(
    private readonly simd: Simd,
    x: PatternMatrix,
    readonly diagonal: Diagonal = 'zero',
  ) {
    const { n, d, data } = x;
    this.d = d;
    this.patterns = data;
    this.stride = roundUp(d, 4);
    this.avail = n;
    const st = this.stride;
    this.w = simd.block(4 * d * st);
    this.x = simd.block(4 * n * st);
    this.h = simd.block(4 * st);
    this.hn = simd.block(4 * st);
    this.e = simd.block(4 * st);
    this.zeros = simd.block(4 * st);
    const f = this.x.f32(n * st);
    for (let mu = 0; mu < n; mu++) {
      for (let i = 0; i < d; i++) f[mu * st + i] = data[mu * d + i];
    }
  }

  /** Learns the patterns up to `to` (of the matrix given at construction). */
  growTo(to: number): void {
    if (to > this.avail)
      throw new RangeError(`only ${this.avail} patterns to learn, asked for ${to}`);
    if (to <= this.n) return;
    const { simd, w, x, h, hn, e, zeros, d, stride } = this;
    const keep = this.diagonal === 'keep';
    const grow = (from: number, upTo: number) =>
      simd.k.storkeyGrow(
        w.ptr,
        x.ptr,
        d,
        stride,
        from,
        upTo,
        h.ptr,
        hn.ptr,
        e.ptr,
        zeros.ptr,
        this.avail,
      );
    if (!keep) grow(this.n, to);
    else {
      for (let p = this.n; p < to; p++) {
        const g = h.f32(d);
        const wf = w.f32(d * stride);
        const o = p * d;
        for (let i = 0; i < d; i++) {
          wf[i * stride + i] += (1 - 2 * this.patterns[o + i] * g[i]) / d;
        }
        grow(p, p + 1);
      }
    }
    this.n = to;
    this.mirrored = false;
  }

  /** Full W (D x D, zero diagonal) as a fresh array, for tests. */
  weights(): Float32Array {
    this.mirror();
    const out = new Float32Array(this.d * this.d);
    const w = this.w.f32();
    for (let i = 0; i < this.d; i++)
      out.set(w.subarray(i * this.stride, i * this.stride + this.d), i * this.d);
    return out;
  }

  memory(n: number): BatchMemory {
    this.growTo(n);
    this.mirror();
    return new SimdDenseMemory(this.simd, this.w, this.d, this.stride, undefined, false);
  }

  dispose(): void {
    for (const b of [this.w, this.x, this.h, this.hn, this.e, this.zeros]) b.free();
  }

  private mirror(): void {
    if (this.mirrored) return;
    this.simd.k.mirror(this.w.ptr, this.d, this.stride);
    this.mirrored = true;
  }
}

/** The SIMD engine over loaded kernels (see ../../kernels/simd loadSimd). */
export function simdEngine(simd: Simd): BatchEngine {
  return {
    name: 'wasm-simd',
    hebbian: (x) => new SimdHebbianMemory(simd, x),
    dense: (w, d, threshold) => {
      const stride = roundUp(d, 4);
      const block = simd.block(4 * d * stride);
      const f = block.f32(d * stride);
      for (let i = 0; i < d; i++) f.set(w.subarray(i * d, i * d + d), i * stride);
      return new SimdDenseMemory(simd, block, d, stride, threshold, true);
    },
    network: (net: Network) =>
      net.rule === 'hebbian' ? new SimdHebbianMemory(simd, net.patterns) : new NetworkMemory(net),
    storkey: (x, diagonal) => new SimdStorkey(simd, x, diagonal),
  };
}
