/**
 * Where the Modern Hopfield lab computes: one state at a time, either on the
 * WebAssembly SIMD kernels (../../models/modern/modernSimd: the stored digits in
 * 8-pixel blocks, all-background blocks skipped) or as tfjs tensors
 * (../../models/modern/modernHopfield) on the backend the shell chose.
 *
 * The kernels are used when the backend is a CPU one (wasm, cpu) and the
 * browser has WebAssembly SIMD: there they are 2-3x faster than tfjs's
 * matrix products for one state (`npm run bench`, sections 3 and 5). On a GPU
 * backend the tensors stay on the GPU. Both give the same numbers to float32
 * rounding (tests compare them with the float64 reference).
 *
 * Storing never holds the page: the digits are gathered and laid out in
 * slices of rows (buildSimdModernMemory), run for at most STORE_BUDGET_MS
 * per task with the page free to paint and take input in between, so the
 * 10,000 digits (about 100 ms of work) never make a long task (over 50 ms).
 * The memory made in slices is the one made at once, value for value.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MNIST_PIXELS, signedImage, type MnistSet } from '../../data/mnist';
import { loadSimd, type Simd } from '../../kernels/simd';
import {
  disposePatterns,
  inspect,
  nearest,
  retrieveStep,
  scores,
  storePatterns,
  type StoredPatterns,
} from '../../models/modern/modernHopfield';
import { buildSimdModernMemory, type SimdModernMemory } from '../../models/modern/modernSimd';

export interface LabView {
  /** attention p over the stored digits */
  attention: Float32Array;
  energy: number;
  /** position (in the stored set) of the stored digit nearest to the state */
  nearest: number;
}

export interface LabMemory {
  /** 'wasm-simd' or 'tfjs-<backend>', for the page */
  readonly engine: string;
  /** One update q' = X^T softmax(beta' X q). */
  step(q: Float32Array, betaEff: number): Promise<Float32Array>;
  /** Attention, energy and nearest stored digit of the state q. */
  view(q: Float32Array, betaEff: number): Promise<LabView>;
  /** The scores s_i = x_i.q of every stored pattern (the logits at beta' = 1). */
  scores(q: Float32Array): Promise<Float32Array>;
  dispose(): void;
}

const d = MNIST_PIXELS;

class SimdLabMemory implements LabMemory {
  readonly engine = 'wasm-simd';
  constructor(private readonly m: SimdModernMemory) {}
  async step(q: Float32Array, betaEff: number): Promise<Float32Array> {
    return this.m.step(q, betaEff).next;
  }
  async view(q: Float32Array, betaEff: number): Promise<LabView> {
    const r = this.m.inspect(q, betaEff);
    return { attention: r.attention, energy: r.energy, nearest: r.nearest };
  }
  async scores(q: Float32Array): Promise<Float32Array> {
    return this.m.scores(q);
  }
  dispose(): void {
    this.m.dispose();
  }
}

class TensorLabMemory implements LabMemory {
  readonly engine: string;
  constructor(private readonly m: StoredPatterns) {
    this.engine = `tfjs-${tf.getBackend()}`;
  }
  async step(q: Float32Array, betaEff: number): Promise<Float32Array> {
    const cur = tf.tensor2d(q, [1, d]);
    const r = retrieveStep(this.m, cur, betaEff);
    cur.dispose();
    tf.dispose([r.attention, r.energy]);
    const next = (await r.next.data()) as Float32Array;
    r.next.dispose();
    return Float32Array.from(next);
  }
  async view(q: Float32Array, betaEff: number): Promise<LabView> {
    const cur = tf.tensor2d(q, [1, d]);
    const ins = inspect(this.m, cur, betaEff);
    const near = nearest(this.m, cur);
    cur.dispose();
    try {
      const [p, e, nn] = await Promise.all([ins.attention.data(), ins.energy.data(), near.data()]);
      return { attention: Float32Array.from(p), energy: e[0], nearest: nn[0] };
    } finally {
      tf.dispose([ins.attention, ins.energy, near]);
    }
  }
  async scores(q: Float32Array): Promise<Float32Array> {
    const cur = tf.tensor2d(q, [1, d]);
    const s = scores(this.m, cur);
    cur.dispose();
    try {
      return Float32Array.from(await s.data());
    } finally {
      s.dispose();
    }
  }
  dispose(): void {
    disposePatterns(this.m);
  }
}

/** Longest stretch of storing work in one task, ms: well under a 50 ms long task. */
export const STORE_BUDGET_MS = 8;
/** Digits copied between two yields (a few hundred microseconds). */
const GATHER_ROWS = 1024;

/** Thrown by makeLabMemory when its `stop` says a newer store (or leaving the lab) made it moot. */
export class StoreAbandoned extends Error {
  constructor() {
    super('storing abandoned');
  }
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `work` (a generator that yields between slices) to its end: slices
 * back to back for at most `budgetMs`, then the page's turn, and so on.
 * `stop()` is asked at each turn; when it says yes the work is closed
 * (`return()`, which frees what it made) and StoreAbandoned is thrown.
 */
export async function runInSlices<T>(
  work: Generator<void, T, void>,
  stop: () => boolean = () => false,
  budgetMs = STORE_BUDGET_MS,
): Promise<T> {
  try {
    for (;;) {
      const t0 = performance.now();
      do {
        const r = work.next();
        if (r.done) return r.value;
      } while (performance.now() - t0 < budgetMs);
      await yieldToPage();
      if (stop()) throw new StoreAbandoned();
    }
  } finally {
    work.return(undefined as T); // a no-op once it has finished
  }
}

/** Calls `fill(r, stored[r])` for each row r, yielding after every GATHER_ROWS rows. */
function* eachRowInSlices(
  stored: ArrayLike<number>,
  fill: (r: number, digit: number) => void,
): Generator<void, void, void> {
  for (let r = 0; r < stored.length; r++) {
    if (r > 0 && r % GATHER_ROWS === 0) yield;
    fill(r, stored[r]);
  }
}

/** The bytes (0..255) of the digits `stored`, K rows of 784, in slices. */
function* gatherPixels(
  set: MnistSet,
  stored: ArrayLike<number>,
): Generator<void, Uint8Array, void> {
  const pixels = new Uint8Array(stored.length * d);
  yield* eachRowInSlices(stored, (r, digit) =>
    pixels.set(set.pixels.subarray(digit * d, digit * d + d), r * d),
  );
  return pixels;
}

/** The digits `stored` scaled to [-1, 1] (data/mnist's signedMatrix), in slices. */
function* signedRows(
  set: MnistSet,
  stored: ArrayLike<number>,
): Generator<void, Float32Array, void> {
  const out = new Float32Array(stored.length * d);
  yield* eachRowInSlices(stored, (r, digit) =>
    signedImage(set, digit, out.subarray(r * d, (r + 1) * d)),
  );
  return out;
}

function* simdMemory(simd: Simd, set: MnistSet, stored: ArrayLike<number>) {
  const pixels = yield* gatherPixels(set, stored);
  return new SimdLabMemory(yield* buildSimdModernMemory(simd, pixels, stored.length, d));
}

export interface StoreOptions {
  /** 'tfjs' stores as tensors even on a CPU backend (default 'auto': the kernels there) */
  engine?: 'auto' | 'tfjs';
  /** asked between slices: true ends the store with StoreAbandoned */
  stop?: () => boolean;
  /** longest stretch of work per task, ms (default STORE_BUDGET_MS) */
  budgetMs?: number;
}

/**
 * Stores the digits `stored` of `set` where they compute fastest: the SIMD
 * kernels on a CPU backend (unless `engine` is 'tfjs'), else tensors. The
 * work runs in slices (runInSlices); `stop()` is asked between them and
 * ends it with StoreAbandoned, leaving nothing allocated.
 *
 * On the tensor path the scaling to [-1, 1] is sliced; the upload and the
 * transpose are one backend operation each (on a GPU backend they run on
 * the GPU; on the WASM and CPU backends, which take this path only where
 * the browser has no WebAssembly SIMD, they are one task of the page).
 */
export async function makeLabMemory(
  set: MnistSet,
  stored: ArrayLike<number>,
  { engine = 'auto', stop, budgetMs }: StoreOptions = {},
): Promise<LabMemory> {
  const backend = tf.getBackend();
  if (engine === 'auto' && (backend === 'wasm' || backend === 'cpu')) {
    const simd = await loadSimd();
    if (simd) return runInSlices(simdMemory(simd, set, stored), stop, budgetMs);
  }
  const data = await runInSlices(signedRows(set, stored), stop, budgetMs);
  const m = storePatterns(data, stored.length, d);
  await m.norms.data(); // wait for the upload, so the first step is not charged for it
  return new TensorLabMemory(m);
}
