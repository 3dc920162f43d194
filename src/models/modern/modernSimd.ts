/**
 * The modern Hopfield step (./modernHopfield, SCIENCE.md section 2) on the
 * WebAssembly SIMD kernels, for one state at a time: the interactive step of
 * the Modern Hopfield lab on a CPU.
 *
 * The stored digits are kept as their pixel values u in 0..255, in blocks
 * of 8 pixels, and the blocks that are all background (u = 0) are left out:
 * an MNIST digit keeps about 40 % of its blocks. A kept block holds its u as
 * float32 (exact). x = 2u/255 - 1 is applied inside the sums, so a left-out
 * block, adding nothing to any sum over u, changes no result:
 *
 *   logits   l_i = beta' x_i.q = beta' ((2/255) u_i.q - sum(q))
 *   update   q'  = sum_i p_i x_i = (2/255) sum_i p_i u_i - sum_i p_i,  p = softmax(l)
 *   energy   E   = -(1/beta') logsumexp(l) + 1/2 q.q
 *
 * Products in float32 SIMD (as tfjs's float32), the softmax in float64 in
 * JavaScript. Weights that underflow to exactly 0 (most of them at high beta)
 * are skipped in the update: they add nothing, so the result is unchanged.
 */
import { roundUp, type Block, type Simd } from '../../kernels/simd';

export interface SimdStepResult {
  /** the new state q' (d values) */
  next: Float32Array;
  /** attention p = softmax(beta' X q) of the state stepped from (N) */
  attention: Float32Array;
  /** E(q) of the state stepped from */
  energy: number;
}

export interface SimdInspection {
  attention: Float32Array;
  energy: number;
  /** index of the stored digit nearest (Euclidean) to q; ties take the lowest */
  nearest: number;
}

/**
 * The stored digits laid out for the kernels: the kept blocks' pixels, their
 * block numbers, where each row's blocks start, and |x_i|^2.
 */
export interface BlockLayout {
  readonly keptBlocks: number;
  readonly data: Block;
  readonly idx: Block;
  readonly start: Block;
  readonly norms: Float64Array;
}

/** Rows laid out between two yields of buildSimdModernMemory (about 0.5 ms of work each). */
export const ROWS_PER_SLICE = 128;

/** x_u^2 for x_u = 2u/255 - 1, u = 0..255: the same float64 products as computing them row by row. */
const SQUARES = Float64Array.from({ length: 256 }, (_, u) => {
  const x = (2 * u) / 255 - 1;
  return x * x;
});

/**
 * Lays out N rows of d bytes in slices of `rowsPerSlice` rows, yielding
 * after each slice (two passes: which blocks to keep and |x_i|^2, then the
 * kept pixels; with `warm`, the memory for the blocks is touched in slices
 * between them, see warmMemory), and returns the layout. A caller that stops early
 * (`return()` on the generator) gets every block it made freed.
 *
 * Views on the kernels' memory are taken again after each yield: memory that
 * grows meanwhile (another block made elsewhere) detaches the old ones.
 */
function* layOutBlocks(
  simd: Simd,
  pixels: Uint8Array,
  n: number,
  d: number,
  rowsPerSlice: number,
  warm: boolean,
): Generator<void, BlockLayout, void> {
  if (pixels.length !== n * d) throw new RangeError(`${pixels.length} bytes are not ${n} x ${d}`);
  const slice = Math.max(1, Math.floor(rowsPerSlice));
  const per = roundUp(d, 8) / 8;
  // Pass 1: which blocks to keep (any pixel not 0), and |x_i|^2.
  let keep = new Uint16Array(Math.max(16, n * 4));
  let kept = 0;
  const start = new Uint32Array(n + 1);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % slice === 0) yield;
    const row = i * d;
    start[i] = kept;
    if (kept + per > keep.length) {
      const grown = new Uint16Array(Math.max(2 * keep.length, kept + per));
      grown.set(keep.subarray(0, kept));
      keep = grown;
    }
    let s = 0;
    for (let c = 0; c < per; c++) {
      const end = Math.min(d, 8 * c + 8);
      let any = 0;
      for (let k = 8 * c; k < end; k++) {
        const u = pixels[row + k];
        any |= u;
        s += SQUARES[u]; // pixel by pixel in order: the same sum as one loop over the row
      }
      if (any) keep[kept++] = c;
    }
    norms[i] = s;
  }
  start[n] = kept;
  yield;
  if (warm) yield* warmMemory(simd, 34 * kept + 4 * (n + 1));
  // Pass 2: the kept blocks' pixels, as float32 (exact for 0..255).
  const made: Block[] = [];
  let done = false;
  try {
    const data = simd.block(32 * kept);
    made.push(data);
    const idx = simd.block(2 * kept);
    made.push(idx);
    const startBlock = simd.block(4 * (n + 1));
    made.push(startBlock);
    startBlock.u32(n + 1).set(start);
    idx.u16(kept).set(keep.subarray(0, kept));
    for (let i0 = 0; i0 < n; i0 += slice) {
      if (i0 > 0) yield;
      const out = data.f32(8 * kept);
      for (let i = i0; i < Math.min(n, i0 + slice); i++) {
        for (let j = start[i]; j < start[i + 1]; j++) {
          const c = keep[j];
          const from = i * d + 8 * c;
          for (let k = 0; k < 8 && 8 * c + k < d; k++) out[8 * j + k] = pixels[from + k];
        }
      }
    }
    done = true;
    return { keptBlocks: kept, data, idx, start: startBlock, norms };
  } finally {
    if (!done) for (const b of made) b.free();
  }
}

/** Bytes of kernel memory touched per slice by warmMemory. */
const WARM_PIECE = 1 << 20;

/**
 * Makes and frees blocks of 1 MB, one per slice, until `bytes` (plus one
 * piece) have been touched, so that the layout's big blocks, made next, land
 * on memory the kernels already hold: the allocator joins the freed pieces
 * into one free region. Made at once, a fresh 13 MB block (10,000 digits)
 * is one task of growing the memory and zero-filling new pages: measured
 * 67-69 ms in headless Chromium on a loaded machine, 8-36 ms in Node, against
 * 0.5 ms once warmed. Nothing stays allocated.
 */
function* warmMemory(simd: Simd, bytes: number): Generator<void, void, void> {
  const pieces: Block[] = [];
  try {
    for (let b = 0; b < bytes + WARM_PIECE; b += WARM_PIECE) {
      pieces.push(simd.block(WARM_PIECE));
      yield;
    }
  } finally {
    for (const p of pieces) p.free();
  }
}

/** Runs a generator to its end at once and returns what it returns. */
function drain<T>(g: Generator<void, T, void>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/**
 * Builds a SimdModernMemory of N rows of d bytes in slices, yielding after
 * every `rowsPerSlice` rows, so a page can store 10,000 digits (about 100 ms
 * of work) without holding its thread: it drives the generator with a time
 * budget and lets the page run between. The memory is the one the
 * constructor makes, value for value (the constructor runs this to its end).
 * Stopping early (`return()`) frees every block made so far.
 */
export function* buildSimdModernMemory(
  simd: Simd,
  pixels: Uint8Array,
  n: number,
  d: number,
  rowsPerSlice = ROWS_PER_SLICE,
): Generator<void, SimdModernMemory, void> {
  const layout = yield* layOutBlocks(simd, pixels, n, d, rowsPerSlice, true);
  return new SimdModernMemory(simd, pixels, n, d, layout);
}

export class SimdModernMemory {
  readonly n: number;
  readonly d: number;
  /** d rounded up to 8 */
  private readonly d8: number;
  /** blocks of 8 pixels kept (not all 0), of N d8 / 8 */
  readonly keptBlocks: number;
  private readonly data: Block;
  private readonly idx: Block;
  private readonly start: Block;
  private readonly q: Block;
  private readonly l: Block;
  private readonly p: Block;
  private readonly acc: Block;
  /** |x_i|^2, for nearest() */
  private readonly norms: Float64Array;

  /**
   * `pixels`: N rows of d bytes (0..255), row-major. Lays them out at once;
   * `layout` is buildSimdModernMemory's, made in slices from the same pixels.
   */
  constructor(
    private readonly simd: Simd,
    pixels: Uint8Array,
    n: number,
    d: number,
    layout: BlockLayout = drain(layOutBlocks(simd, pixels, n, d, Math.max(1, n), false)),
  ) {
    this.n = n;
    this.d = d;
    this.d8 = roundUp(d, 8);
    this.keptBlocks = layout.keptBlocks;
    this.data = layout.data;
    this.idx = layout.idx;
    this.start = layout.start;
    this.norms = layout.norms;
    this.q = simd.block(4 * this.d8);
    this.l = simd.block(4 * Math.max(1, n));
    this.p = simd.block(4 * Math.max(1, n));
    this.acc = simd.block(4 * this.d8);
  }

  /** Logits beta' X q into l (N f32); returns q.q. */
  private logits(q: ArrayLike<number>, betaEff: number): number {
    const { d, n, simd } = this;
    const qs = this.q.f32(d);
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < d; k++) {
      qs[k] = q[k];
      sum += qs[k];
      sq += qs[k] * qs[k];
    }
    simd.k.dotsBlocks(
      this.data.ptr,
      this.idx.ptr,
      this.start.ptr,
      n,
      this.q.ptr,
      (betaEff * 2) / 255,
      -betaEff * sum,
      this.l.ptr,
    );
    return sq;
  }

  /** p = softmax(l) into the p block; returns the log-sum-exp of l. */
  private softmax(): number {
    const n = this.n;
    const l = this.l.f32(n);
    const p = this.p.f32(n);
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (l[i] > max) max = l[i];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = Math.exp(l[i] - max);
      p[i] = e;
      total += e;
    }
    const inv = 1 / total;
    for (let i = 0; i < n; i++) p[i] *= inv;
    return max + Math.log(total);
  }

  /** One update q' = X^T softmax(beta' X q), with the attention and energy of q. */
  step(q: ArrayLike<number>, betaEff: number): SimdStepResult {
    const { n, d, simd } = this;
    if (n === 0) throw new RangeError('no stored patterns');
    const sq = this.logits(q, betaEff);
    const lse = this.softmax();
    simd.k.combineBlocks(
      this.data.ptr,
      this.idx.ptr,
      this.start.ptr,
      n,
      this.p.ptr,
      this.d8,
      this.acc.ptr,
    );
    const p = this.p.f32(n);
    let mass = 0;
    for (let i = 0; i < n; i++) mass += p[i];
    const acc = this.acc.f32(d);
    const next = new Float32Array(d);
    for (let k = 0; k < d; k++) next[k] = (2 / 255) * acc[k] - mass;
    return { next, attention: Float32Array.from(p), energy: -lse / betaEff + 0.5 * sq };
  }

  /** The scores s_i = x_i.q (N values; the logits at beta' = 1), one product. */
  scores(q: ArrayLike<number>): Float32Array {
    if (this.n === 0) throw new RangeError('no stored patterns');
    this.logits(q, 1);
    return Float32Array.from(this.l.f32(this.n));
  }

  /** Attention, energy and nearest stored digit of q (one product). */
  inspect(q: ArrayLike<number>, betaEff: number): SimdInspection {
    const n = this.n;
    if (n === 0) throw new RangeError('no stored patterns');
    const sq = this.logits(q, betaEff);
    // x_i.q = l_i / beta'; nearest = argmin |x_i|^2 - 2 x_i.q
    const l = this.l.f32(n);
    let best = 0;
    let bestV = Infinity;
    for (let i = 0; i < n; i++) {
      const v = this.norms[i] - (2 * l[i]) / betaEff;
      if (v < bestV) {
        bestV = v;
        best = i;
      }
    }
    const lse = this.softmax();
    return {
      attention: Float32Array.from(this.p.f32(n)),
      energy: -lse / betaEff + 0.5 * sq,
      nearest: best,
    };
  }

  dispose(): void {
    for (const b of [this.data, this.idx, this.start, this.q, this.l, this.p, this.acc]) b.free();
  }
}
