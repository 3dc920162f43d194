/**
 * Training the VAE (./vae): seeded minibatch epochs, as a cursor that trains
 * a few batches at a time (`MinibatchTrainer`), so a page can yield between
 * chunks, pause, and go on exactly where it stopped; and `trainEpochs`, the
 * same cursor run to the end.
 *
 * Conventions
 * - Epoch e (1-based) visits every image once, in the e-th permutation
 *   drawn from rng(seed): the index list is reset to 0..n-1 and shuffled
 *   (Fisher-Yates) at the start of each epoch, so the order of an epoch
 *   depends only on the seed and e, never on where training paused.
 * - Batches of batchSize rows in that order; the last batch of an epoch may
 *   be smaller.
 * - Epoch stats are sample-weighted means of the per-step terms (taken
 *   before each update, so they lag the weights by part of an epoch, as in
 *   Keras' history).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, shuffle, type Rng } from '../../core/random';
import { checkLength, type Vae, type VaeLoss } from './vae';

export interface EpochStats extends VaeLoss {
  /** 1-based epoch number. */
  readonly epoch: number;
  /** Adam steps taken in this epoch. */
  readonly steps: number;
  /** Samples seen in this epoch (loss terms are averaged over them). */
  readonly samples: number;
}

export interface MinibatchOptions {
  readonly batchSize: number;
  /** Seeds the shuffle (one permutation per epoch, drawn in order). */
  readonly seed: number;
  /**
   * Completed epochs to start after (default 0): the cursor draws and skips
   * their permutations, e.g. to go on from a copy of the weights taken at
   * the end of that epoch.
   */
  readonly fromEpoch?: number;
}

/**
 * Minibatch training on n images (pixels in [0, 1], laid end to end) as a
 * resumable cursor: `train(k)` takes up to k Adam steps and stops early at
 * the end of an epoch, so every call sees at most one epoch end. Pausing is
 * not calling it; calling it again goes on from the next batch, and k does
 * not change the result.
 */
export class MinibatchTrainer {
  private readonly d: number;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private readonly batch: Float32Array;
  private done: number;
  /** Samples of the current epoch already trained on. */
  private at = 0;
  private sums = { loss: 0, recon: 0, kl: 0, steps: 0 };

  constructor(
    readonly vae: Vae,
    private readonly data: Float32Array,
    readonly n: number,
    private readonly options: MinibatchOptions,
  ) {
    this.d = vae.config.inputSize;
    checkLength(data, n, this.d);
    const { batchSize } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batchSize ${batchSize}`);
    }
    if (n === 0) throw new RangeError('cannot train on 0 images');
    this.rng = createRng(options.seed);
    this.order = new Int32Array(n);
    this.batch = new Float32Array(batchSize * this.d);
    this.done = options.fromEpoch ?? 0;
    for (let e = 0; e < this.done; e++) this.shuffle();
    this.shuffle();
  }

  /** Completed epochs (counting `fromEpoch`). */
  get epochsDone(): number {
    return this.done;
  }

  /** Samples of the epoch in progress already seen (0 at an epoch boundary). */
  get position(): number {
    return this.at;
  }

  private shuffle(): void {
    for (let i = 0; i < this.n; i++) this.order[i] = i;
    shuffle(this.order, this.rng);
  }

  /**
   * Up to `maxBatches` Adam steps (Infinity: to the end of the epoch);
   * `onBatch` after each step with its batch terms. Returns the epoch's
   * stats when one ended in this call, else null. A disposed VAE takes no
   * steps.
   */
  async train(
    maxBatches: number,
    onBatch?: (loss: VaeLoss, step: number) => void,
  ): Promise<EpochStats | null> {
    const { d, n, vae } = this;
    const size = this.options.batchSize;
    for (let k = 0; k < maxBatches && !vae.disposed; k++) {
      const rows = Math.min(size, n - this.at);
      for (let r = 0; r < rows; r++) {
        const src = this.order[this.at + r] * d;
        this.batch.set(this.data.subarray(src, src + d), r * d);
      }
      const xs = tf.tensor2d(this.batch.subarray(0, rows * d), [rows, d]);
      const terms = await vae.trainStep(xs);
      xs.dispose();
      this.sums.loss += terms.loss * rows;
      this.sums.recon += terms.recon * rows;
      this.sums.kl += terms.kl * rows;
      this.sums.steps++;
      this.at += rows;
      onBatch?.(terms, vae.step);
      if (this.at === n) return this.endEpoch();
    }
    return null;
  }

  private endEpoch(): EpochStats {
    const { loss, recon, kl, steps } = this.sums;
    const n = this.n;
    this.done++;
    const stats = {
      epoch: this.done,
      steps,
      samples: n,
      loss: loss / n,
      recon: recon / n,
      kl: kl / n,
    };
    this.sums = { loss: 0, recon: 0, kl: 0, steps: 0 };
    this.at = 0;
    this.shuffle();
    return stats;
  }
}

export interface TrainOptions extends MinibatchOptions {
  readonly epochs: number;
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

/** `epochs` epochs of a MinibatchTrainer in one go, yielding every few batches. */
export async function trainEpochs(
  vae: Vae,
  data: Float32Array,
  n: number,
  options: TrainOptions,
): Promise<TrainResult> {
  const trainer = new MinibatchTrainer(vae, data, n, options);
  const last = trainer.epochsDone + options.epochs;
  const yieldEvery = options.yieldEvery ?? 4;
  const done: EpochStats[] = [];
  let batches = 0;
  while (trainer.epochsDone < last) {
    if (vae.disposed || options.shouldStop?.()) return { epochs: done, stopped: true };
    const stats = await trainer.train(1, options.onBatch);
    if (++batches % yieldEvery === 0) await new Promise((r) => setTimeout(r, 0));
    if (stats) {
      done.push(stats);
      await options.onEpoch?.(stats);
    }
  }
  return { epochs: done, stopped: false };
}
