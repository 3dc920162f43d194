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
 */
import * as tf from '@tensorflow/tfjs-core';
import { MNIST_PIXELS, signedMatrix, type MnistSet } from '../../data/mnist';
import { loadSimd } from '../../kernels/simd';
import {
  disposePatterns,
  inspect,
  nearest,
  retrieveStep,
  storePatterns,
  type StoredPatterns,
} from '../../models/modern/modernHopfield';
import { SimdModernMemory } from '../../models/modern/modernSimd';

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
  dispose(): void {
    disposePatterns(this.m);
  }
}

/**
 * Stores the digits `stored` of `set` where they compute fastest: the SIMD
 * kernels on a CPU backend (unless `engine` is 'tfjs'), else tensors.
 */
export async function makeLabMemory(
  set: MnistSet,
  stored: ArrayLike<number>,
  engine: 'auto' | 'tfjs' = 'auto',
): Promise<LabMemory> {
  const backend = tf.getBackend();
  if (engine === 'auto' && (backend === 'wasm' || backend === 'cpu')) {
    const simd = await loadSimd();
    if (simd) {
      const pixels = new Uint8Array(stored.length * d);
      for (let r = 0; r < stored.length; r++) {
        pixels.set(set.pixels.subarray(stored[r] * d, stored[r] * d + d), r * d);
      }
      return new SimdLabMemory(new SimdModernMemory(simd, pixels, stored.length, d));
    }
  }
  const m = storePatterns(signedMatrix(set, stored), stored.length, d);
  await m.norms.data(); // wait for the upload, so the first step is not charged for it
  return new TensorLabMemory(m);
}
