/**
 * The VAE's network and loss as tensor functions (SCIENCE.md section 3;
 * parameters and layer order as in ./vaeParams). Gradients come from tfjs
 * autodiff (tf.variableGrads in ./vae), so any `hidden` list trains without
 * new derivations; the gradients must be registered first (./vaeGradients).
 *
 * Shapes: x is B x d with pixels in [0, 1], eps and z are B x L.
 * Loss terms are per-sample averages over the batch (nats):
 *   recon = (1/B) sum_i sum_j [max(l_ij, 0) - l_ij x_ij + log(1 + exp(-|l_ij|))]
 *         = (1/B) sum_i sum_j BCE(x_ij, sigmoid(l_ij))
 *   kl    = (1/B) sum_i -1/2 sum_k (1 + logVar_ik - mu_ik^2 - exp(logVar_ik))
 *   loss  = recon + beta kl
 * Call everything inside a tf.tidy (or variableGrads).
 *
 * Why a dense layer with its own gradient: tfjs's gradient of matMul(x, W)
 * is matMul with transpose flags, and tfjs-wasm 4.22 runs those on a slow
 * path (5-15x slower than XNNPACK's plain product at 784 x 256; with the
 * stock gradient a training step of the 784-128-2 VAE took 3.3x as long).
 * `dense` states the same gradient with explicit transposes, and skips the
 * gradient of its input where nothing upstream needs it (the images):
 *   d/dx = dy W^T,  d/dW = x^T dy,  d/db = colsum(dy).
 * With it, autodiff is as fast as the hand-written gradients it replaced
 * (bench/vaeGradients.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { VaeConfig } from './vaeParams';

/** The parameters in ./vaeParams order (tf.Variables, or plain tensors in tests). */
export type VaeTensors = readonly tf.Tensor[];

/**
 * x W + b for a B x fanIn x, differentiable in W and b, and in x unless
 * `inputGrad` is false (x is then a constant of the graph).
 */
export function dense(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor, inputGrad = true): tf.Tensor2D {
  if (inputGrad) return denseOp(x, w, b) as tf.Tensor2D;
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [wt, bt] = args as tf.Tensor[];
    return {
      value: tf.add(tf.matMul(x, wt as tf.Tensor2D), bt),
      gradFunc: (dy: tf.Tensor) => [tf.matMul(tf.transpose(x), dy as tf.Tensor2D), tf.sum(dy, 0)],
    };
  });
  return f(w, b) as tf.Tensor2D;
}

const denseOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b] = args as tf.Tensor2D[];
  (args[3] as tf.GradSaveFunc)([x, w]);
  return {
    value: tf.add(tf.matMul(x, w), b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sw] = saved as tf.Tensor2D[];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, tf.transpose(sw)), tf.matMul(tf.transpose(sx), g), tf.sum(g, 0)];
    },
  };
});

/** h_k = the last hidden layer; mu = h_k W_em + b_em; logVar = h_k W_ev + b_ev. */
export function encoderForward(
  config: VaeConfig,
  p: VaeTensors,
  x: tf.Tensor2D,
): { mean: tf.Tensor2D; logVar: tf.Tensor2D } {
  const k = config.hidden.length;
  let h = x;
  for (let i = 0; i < k; i++) h = tf.relu(dense(h, p[2 * i], p[2 * i + 1], i > 0));
  const head = 2 * k;
  return { mean: dense(h, p[head], p[head + 1]), logVar: dense(h, p[head + 2], p[head + 3]) };
}

/** The decoder's logits for B x L latents (decoded image = sigmoid(logits)). */
export function decoderLogits(config: VaeConfig, p: VaeTensors, z: tf.Tensor2D): tf.Tensor2D {
  const k = config.hidden.length;
  let g = z;
  let at = 2 * k + 4;
  for (let i = 0; i < k; i++, at += 2) g = tf.relu(dense(g, p[at], p[at + 1]));
  return dense(g, p[at], p[at + 1]);
}

/** Per-row sum_j BCE(x_j, sigmoid(l_j)) in the stable form above (B). */
export function bceWithLogits(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  const perPixel = tf.add(
    tf.sub(tf.relu(logits), tf.mul(logits, x)),
    tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
  );
  return tf.sum(perPixel, 1);
}

/** Per-row KL(N(mu, exp(logVar)) || N(0, I)) = -1/2 sum_k (1 + logVar - mu^2 - exp(logVar)) (B). */
export function klDivergence(mean: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  const inner = tf.sub(tf.sub(tf.add(logVar, 1), tf.square(mean)), tf.exp(logVar));
  return tf.mul(tf.sum(inner, 1), -0.5);
}

export interface LossTensors {
  readonly loss: tf.Scalar;
  readonly recon: tf.Scalar;
  readonly kl: tf.Scalar;
}

/** The batch loss with z = mu + exp(logVar / 2) eps (the reparameterisation trick). */
export function vaeLoss(
  config: VaeConfig,
  p: VaeTensors,
  x: tf.Tensor2D,
  eps: tf.Tensor2D,
): LossTensors {
  const { mean, logVar } = encoderForward(config, p, x);
  const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps)) as tf.Tensor2D;
  const logits = decoderLogits(config, p, z);
  const recon = tf.mean(bceWithLogits(x, logits)) as tf.Scalar;
  const kl = tf.mean(klDivergence(mean, logVar)) as tf.Scalar;
  return { loss: tf.add(recon, tf.mul(kl, config.klWeight)), recon, kl };
}
