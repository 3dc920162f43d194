/**
 * Training the VAE (./vae): seeded minibatch epochs that yield to the event
 * loop every few batches, so a page stays responsive while it learns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, shuffle } from '../../core/random';
import { checkLength, type Vae, type VaeLoss } from './vae';

export interface EpochStats extends VaeLoss {
  /** 1-based epoch number. */
  readonly epoch: number;
  /** Adam steps taken in this epoch. */
  readonly steps: number;
  /** Samples seen in this epoch (loss terms are averaged over them). */
  readonly samples: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  /** Seeds the shuffle (one permutation per epoch, drawn in order). */
  readonly seed: number;
  /** Awaited after each full epoch (e.g. to measure decoding accuracy). */
  onEpoch?(stats: EpochStats): void | Promise<void>;
  /** After each step, with that step's batch terms. */
  onBatch?(loss: VaeLoss, step: number): void;
  /**
   * Polled before each batch; true ends training there. Disposing the VAE
   * (a reset) also ends it, at the next batch.
   */
  shouldStop?(): boolean;
  /** Yield to the event loop (setTimeout 0) every this many batches. Default 4. */
  readonly yieldEvery?: number;
}

export interface TrainResult {
  /** Stats of each completed epoch. */
  readonly epochs: EpochStats[];
  /** True when shouldStop (or dispose) ended training early. */
  readonly stopped: boolean;
}

/**
 * Minibatch training on n images (pixels in [0, 1], laid end to end).
 * Each epoch visits every image once in a fresh seeded permutation, in
 * batches of batchSize (the last batch may be smaller). Epoch stats are
 * sample-weighted means of the per-step terms (taken before each update, so
 * they lag the weights by part of an epoch, as in Keras' history).
 */
export async function trainEpochs(
  vae: Vae,
  data: Float32Array,
  n: number,
  options: TrainOptions,
): Promise<TrainResult> {
  const d = vae.config.inputSize;
  checkLength(data, n, d);
  const { epochs, batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize ${batchSize}`);
  if (n === 0) throw new RangeError('cannot train on 0 images');
  const yieldEvery = options.yieldEvery ?? 4;
  const rng = createRng(options.seed);
  const order = new Int32Array(n);
  const batch = new Float32Array(batchSize * d);
  const done: EpochStats[] = [];
  let batches = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = 0; i < n; i++) order[i] = i;
    shuffle(order, rng);
    let loss = 0;
    let recon = 0;
    let kl = 0;
    let steps = 0;
    for (let start = 0; start < n; start += batchSize) {
      if (vae.disposed || options.shouldStop?.()) return { epochs: done, stopped: true };
      const rows = Math.min(batchSize, n - start);
      for (let r = 0; r < rows; r++) {
        const src = order[start + r] * d;
        batch.set(data.subarray(src, src + d), r * d);
      }
      const xs = tf.tensor2d(batch.subarray(0, rows * d), [rows, d]);
      const terms = await vae.trainStep(xs);
      xs.dispose();
      loss += terms.loss * rows;
      recon += terms.recon * rows;
      kl += terms.kl * rows;
      steps++;
      options.onBatch?.(terms, vae.step);
      if (++batches % yieldEvery === 0) await new Promise((r) => setTimeout(r, 0));
    }
    const stats = { epoch, steps, samples: n, loss: loss / n, recon: recon / n, kl: kl / n };
    done.push(stats);
    await options.onEpoch?.(stats);
  }
  return { epochs: done, stopped: false };
}
