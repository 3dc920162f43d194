/**
 * The one-hidden-layer VAE's forward pass, loss and hand-written gradients,
 * as the app trained it before it moved to tfjs autodiff
 * (src/models/consolidation/vaeNet.ts). Kept here only as the reference
 * that ./vaeGradients.ts times autodiff against (the same workload, the
 * same parameters in src/models/consolidation/vaeParams order for one
 * hidden layer); the app does not import it.
 *
 * Shapes: x is B x d with pixels in [0, 1], eps and z are B x L.
 * Loss terms are per-sample averages over the batch (nats):
 *   recon = (1/B) sum_i sum_j [max(l_ij, 0) - l_ij x_ij + log(1 + exp(-|l_ij|))]
 *         = (1/B) sum_i sum_j BCE(x_ij, sigmoid(l_ij))
 *   kl    = (1/B) sum_i -1/2 sum_k (1 + logVar_ik - mu_ik^2 - exp(logVar_ik))
 *   loss  = recon + beta kl
 * Call everything except `lossAndGradients` (which tidies itself) inside a
 * tf.tidy. The loss terms themselves (bceWithLogits, klDivergence) are the
 * app's own, from vaeNet.ts, so both sides of the timing compute one loss.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bceWithLogits, klDivergence } from '../src/models/consolidation/vaeNet';

/** The ten parameters in ./vaeParams order. */
export type VaeTensors = readonly tf.Tensor[];

export interface LossTensors {
  readonly loss: tf.Scalar;
  readonly recon: tf.Scalar;
  readonly kl: tf.Scalar;
}

/** h = relu(x W_eh + b_eh); mu = h W_em + b_em; logVar = h W_ev + b_ev. */
export function encoderForward(
  p: VaeTensors,
  x: tf.Tensor2D,
): { a1: tf.Tensor2D; h: tf.Tensor2D; mean: tf.Tensor2D; logVar: tf.Tensor2D } {
  const a1 = affine(x, p[0], p[1]);
  const h = tf.relu(a1);
  return { a1, h, mean: affine(h, p[2], p[3]), logVar: affine(h, p[4], p[5]) };
}

/** g = relu(z W_dh + b_dh); logits = g W_do + b_do (decoded image = sigmoid(logits)). */
export function decoderForward(
  p: VaeTensors,
  z: tf.Tensor2D,
): { a2: tf.Tensor2D; g: tf.Tensor2D; logits: tf.Tensor2D } {
  const a2 = affine(z, p[6], p[7]);
  const g = tf.relu(a2);
  return { a2, g, logits: affine(g, p[8], p[9]) };
}

/** The batch loss with z = mu + exp(logVar / 2) eps (forward only). */
export function vaeLoss(
  p: VaeTensors,
  x: tf.Tensor2D,
  eps: tf.Tensor2D,
  beta: number,
): LossTensors {
  const { mean, logVar } = encoderForward(p, x);
  const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps)) as tf.Tensor2D;
  const { logits } = decoderForward(p, z);
  const recon = tf.mean(bceWithLogits(x, logits)) as tf.Scalar;
  const kl = tf.mean(klDivergence(mean, logVar)) as tf.Scalar;
  return { loss: tf.add(recon, tf.mul(kl, beta)), recon, kl };
}

/**
 * The loss terms and d loss / d p for every parameter (same order and
 * shapes as p), by backpropagation:
 *
 *   dl    = (sigmoid(l) - x) / B            (d BCE / d logit)
 *   dW_do = g^T dl,   db_do = colsum(dl),   da2 = (dl W_do^T) [a2 > 0]
 *   dW_dh = z^T da2,  db_dh = colsum(da2),  dz  = da2 W_dh^T
 *   dmu   = dz + beta mu / B
 *   dlogVar = dz eps exp(logVar / 2) / 2 + beta (exp(logVar) - 1) / (2B)
 *   dW_em = h^T dmu, dW_ev = h^T dlogVar (biases: column sums)
 *   da1   = (dmu W_em^T + dlogVar W_ev^T) [a1 > 0]
 *   dW_eh = x^T da1,  db_eh = colsum(da1)
 *
 * relu'(0) = 0, as in tfjs. Runs in its own tf.tidy; the caller owns the
 * returned tensors.
 */
export function lossAndGradients(
  p: VaeTensors,
  x: tf.Tensor2D,
  eps: tf.Tensor2D,
  beta: number,
): { terms: tf.Tensor1D; grads: tf.Tensor[] } {
  return tf.tidy(() => {
    const b = x.shape[0];
    const { a1, h, mean, logVar } = encoderForward(p, x);
    const sd = tf.exp(tf.mul(logVar, 0.5));
    const z = tf.add(mean, tf.mul(sd, eps)) as tf.Tensor2D;
    const { a2, g, logits } = decoderForward(p, z);
    const recon = tf.mean(bceWithLogits(x, logits));
    const kl = tf.mean(klDivergence(mean, logVar));
    const terms = tf.stack([tf.add(recon, tf.mul(kl, beta)), recon, kl]) as tf.Tensor1D;

    const dl = tf.div(tf.sub(tf.sigmoid(logits), x), b) as tf.Tensor2D;
    const dWdo = matMulTA(g, dl);
    const dbdo = tf.sum(dl, 0);
    const da2 = reluBackward(matMulTB(dl, p[8] as tf.Tensor2D), a2);
    const dWdh = matMulTA(z, da2);
    const dbdh = tf.sum(da2, 0);
    const dz = matMulTB(da2, p[6] as tf.Tensor2D);
    const dmu = tf.add(dz, tf.mul(mean, beta / b)) as tf.Tensor2D;
    const dlv = tf.add(
      tf.mul(tf.mul(dz, eps), tf.mul(sd, 0.5)),
      tf.mul(tf.sub(tf.exp(logVar), 1), beta / (2 * b)),
    ) as tf.Tensor2D;
    const dWem = matMulTA(h, dmu);
    const dbem = tf.sum(dmu, 0);
    const dWev = matMulTA(h, dlv);
    const dbev = tf.sum(dlv, 0);
    const dh = tf.add(
      matMulTB(dmu, p[2] as tf.Tensor2D),
      matMulTB(dlv, p[4] as tf.Tensor2D),
    ) as tf.Tensor2D;
    const da1 = reluBackward(dh, a1);
    const dWeh = matMulTA(x, da1);
    const dbeh = tf.sum(da1, 0);
    return { terms, grads: [dWeh, dbeh, dWem, dbem, dWev, dbev, dWdh, dbdh, dWdo, dbdo] };
  });
}

/** x W + b for a B x fanIn x. */
function affine(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(x, w as tf.Tensor2D), b);
}

/**
 * a^T b and a b^T through an explicit transpose: tfjs-wasm 4.22 runs
 * matMul's transpose flags on a slow path (5-15x slower than XNNPACK's plain
 * product at 784 x 256), while a transpose costs one copy.
 */
function matMulTA(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(tf.transpose(a), b);
}

function matMulTB(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(a, tf.transpose(b));
}

/** upstream [pre > 0]. */
function reluBackward(upstream: tf.Tensor2D, pre: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(upstream, tf.step(pre)); // step(0) = 0
}
