/**
 * The TensorFlow.js batch engine: the same steps as ./batchTyped as tensor
 * products on whichever tfjs backend is active (the caller chooses it).
 *
 * - Hebbian: hebbianBatchStep from ../hopfieldTensor, N H = (S X^T) X - N S,
 *   integer-valued, so float32 is exact while N * D < 2^24 and it agrees with
 *   the typed engine state for state.
 * - Explicit W: H = S W - theta in float32. Float32 sums may round a field
 *   that is almost zero to the other side of a tie, so rare units can differ
 *   from the typed engine's float64 sums.
 *
 * Each step uploads the active cues, runs one tidy product and reads the
 * result back with `await data()` (never dataSync). Tensors are owned: a
 * memory holds one (X or W, plus theta) until dispose().
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../classic/hopfield';
import {
  bipolarTensor,
  hebbianBatchStep,
  patternsTensor,
  weightsBatchStep,
  weightsTensor,
} from '../classic/hopfieldTensor';
import type { PatternMatrix } from '../../core/pattern';
import type { BatchEngine, BatchMemory } from './batch';
import { NetworkMemory } from './batchTyped';

abstract class TensorMemory implements BatchMemory {
  private disposed = false;
  constructor(
    readonly d: number,
    protected readonly held: tf.Tensor[],
  ) {}

  protected abstract product(s: tf.Tensor2D): tf.Tensor2D;

  async step(s: Int8Array, b: number, out: Int8Array): Promise<void> {
    if (this.disposed) throw new Error('this memory has been disposed');
    if (b === 0) return;
    const d = this.d;
    const cues = bipolarTensor(s.subarray(0, b * d), b, d);
    let next: tf.Tensor2D | null = null;
    try {
      next = this.product(cues);
      const values = await next.data();
      for (let k = 0; k < b * d; k++) out[k] = values[k];
    } finally {
      cues.dispose();
      next?.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.held);
  }
}

class TensorHebbian extends TensorMemory {
  constructor(private readonly x: tf.Tensor2D) {
    super(x.shape[1], [x]);
  }
  protected product(s: tf.Tensor2D): tf.Tensor2D {
    return hebbianBatchStep(this.x, s);
  }
}

class TensorDense extends TensorMemory {
  constructor(
    private readonly w: tf.Tensor2D,
    private readonly theta: tf.Tensor1D | null,
  ) {
    super(w.shape[0], theta ? [w, theta] : [w]);
  }
  protected product(s: tf.Tensor2D): tf.Tensor2D {
    const { w, theta } = this;
    if (!theta) return weightsBatchStep(w, s);
    return tf.tidy(() => {
      const sign = tf.sign(tf.sub<tf.Tensor2D>(tf.matMul(s, w, false, true), theta));
      return tf.where(tf.equal(sign, 0), s, sign);
    });
  }
}

/** A tfjs engine on the active backend; `name` is 'tfjs-<backend>'. */
export function tensorEngine(): BatchEngine {
  return {
    name: `tfjs-${tf.getBackend()}`,
    hebbian: (x: PatternMatrix) => new TensorHebbian(patternsTensor(x)),
    dense: (w: Float32Array, d: number, threshold?: Float64Array) =>
      new TensorDense(
        weightsTensor(w, d),
        threshold ? tf.tensor1d(Float32Array.from(threshold), 'float32') : null,
      ),
    network: (net: Network) =>
      net.rule === 'hebbian'
        ? new TensorHebbian(patternsTensor(net.patterns))
        : net.rule === 'dense-am'
          ? new NetworkMemory(net) // no W to multiply by: its own field, on typed arrays
          : new TensorDense(weightsTensor(net.weights(), net.d), null),
  };
}
