/**
 * Batched synchronous recall in TensorFlow.js: many cues at once, one pair of
 * matrix products per step (SCIENCE.md section 1, "Doing it fast").
 *
 * States are B x D float32 tensors of +-1 (one cue per row); patterns are
 * N x D. Tie rule: h = 0 keeps the current state, as in ./dynamics.
 * Every function runs inside tf.tidy and returns one new tensor that the
 * caller owns (and must dispose); inputs are left alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PatternMatrix } from '../../core/pattern';

/**
 * Batched synchronous Hebbian step S' = sgn(H), H = (S X^T) X / N - S
 * (W = X^T X / N with zero diagonal), ties keep S. S is B x D, X is N x D,
 * both float32. Inside tf.tidy.
 *
 * Computed as N H = (S X^T) X - N S, which has the same sign and is
 * integer-valued, so float32 holds it exactly while N * D < 2^24 and ties are
 * found exactly.
 */
export function hebbianBatchStep(x: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const nh = tf.sub<tf.Tensor2D>(tf.matMul(tf.matMul(s, x, false, true), x), tf.mul(s, n));
    return signKeepTies(nh, s);
  });
}

/**
 * Batched synchronous step for an explicit W (D x D; row i is unit i's
 * incoming weights, so W need not be symmetric, the diagonal counts):
 * H = S W^T (row b is (W s_b)^T), S' = sgn(H), ties keep S.
 */
export function weightsBatchStep(w: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => signKeepTies(tf.matMul(s, w, false, true), s));
}

/** Rows of +-1 (e.g. PatternMatrix.data, or B cues laid end to end) as a float32 tensor. */
export function bipolarTensor(data: Int8Array, rows: number, cols: number): tf.Tensor2D {
  if (data.length !== rows * cols) {
    throw new RangeError(`${data.length} entries do not make a ${rows} x ${cols} matrix`);
  }
  return tf.tensor2d(Float32Array.from(data), [rows, cols], 'float32');
}

/** The pattern matrix X (N x D) as a float32 tensor. */
export function patternsTensor(x: PatternMatrix): tf.Tensor2D {
  return bipolarTensor(x.data, x.n, x.d);
}

/** Weights (D x D row-major, e.g. Network.weights()) as a float32 tensor. */
export function weightsTensor(w: Float32Array, d: number): tf.Tensor2D {
  return tf.tensor2d(w, [d, d], 'float32');
}

/** sgn(h) where h != 0, s where h == 0. */
function signKeepTies(h: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D {
  const sign = tf.sign(h);
  return tf.where(tf.equal(sign, 0), s, sign);
}
