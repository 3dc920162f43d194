/**
 * The Hopfield autoencoder's encoder and decoder, trained with tfjs autodiff
 * (SCIENCE.md section 4). Shapes: D input units (./table), H hidden units,
 * K code bits.
 *
 *   encoder: h = relu(x W1 + b1), t = tanh(h W2 + b2), code = sgn(t)
 *   decoder: g = relu(code W3 + b3), y = g W4 + b4
 *
 * Binary bottleneck: the straight-through estimator (Bengio, Leonard &
 * Courville 2013, "Estimating or propagating gradients through stochastic
 * neurons"), deterministic variant: the forward pass uses sgn(t) in
 * {-1, +1} (t = 0 -> +1), the backward pass treats it as the identity, so
 * dL/dt = dL/dcode and the tanh before it keeps the gradient bounded.
 *
 * Loss per batch of B records (mean over the batch), summed over fields:
 *   category: cross-entropy  logsumexp(y_block) - y_block[true label]  (nats)
 *   numeric:  mean over the block's columns of (y - z)^2, z standardised
 * Every field weighs the same, whatever its width (so three coordinates
 * count as much as 100 genes).
 * Denoising (Vincent et al. 2008): each maskable unit of each training input
 * is left out (set to 0, as a "missing" query does) with probability
 * maskRate; the target is always the whole record.
 * Optimiser: Adam (Kingma & Ba 2015) with tfjs's defaults beta1 = 0.9,
 * beta2 = 0.999, eps = 1e-7. Initial weights: Glorot uniform from the seed,
 * biases 0. Minibatches: a seeded permutation of the records per epoch; the
 * last batch of an epoch may be smaller.
 *
 * Training runs one minibatch per step() so a page can interleave steps
 * with frames (each step is one forward and backward pass over B records;
 * see docs/compression-cli.md for measured times). Call dispose() when done.
 * Gradients must be registered first (./gradients).
 *
 * Reads from the backend are asynchronous (`await t.data()`): step() and
 * weights() return promises. On WebGPU in Chromium a synchronous read
 * (`dataSync`) can give zeros without an error, and it blocks the thread
 * while the GPU finishes. One step at a time: step() refuses to start while
 * the previous one is still reading its loss.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, shuffle, type Rng } from '../../core/random';
import { assertGradients } from './gradients';
import {
  fieldOffsets,
  fieldWidth,
  inputVectors,
  inputWidth,
  maskableUnits,
  type Normalisation,
  type Table,
} from './table';

export const MIN_BITS = 16;
export const MAX_BITS = 256;

export interface AutoencoderOptions {
  /** K, MIN_BITS..MAX_BITS. */
  readonly bits: number;
  /** H (default 256). */
  readonly hidden?: number;
  /** Passes over the records (default 30). */
  readonly epochs?: number;
  /** B (default 128). */
  readonly batchSize?: number;
  /** Adam's step size (default 0.002). */
  readonly learningRate?: number;
  /** Denoising: share of maskable units left out of each training input (default 0.2). */
  readonly maskRate?: number;
  readonly seed: number;
}

export const AUTOENCODER_DEFAULTS = {
  hidden: 256,
  epochs: 30,
  batchSize: 128,
  learningRate: 0.002,
  maskRate: 0.2,
} as const;

/** Weights as typed arrays (row-major: W1 is D x H, W2 H x K, W3 K x H, W4 H x D). */
export interface AutoencoderWeights {
  readonly inputs: number;
  readonly hidden: number;
  readonly bits: number;
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;
  readonly w3: Float32Array;
  readonly b3: Float32Array;
  readonly w4: Float32Array;
  readonly b4: Float32Array;
}

export interface TrainProgress {
  /** Epochs finished. */
  readonly epoch: number;
  readonly epochs: number;
  readonly batchesPerEpoch: number;
  readonly steps: number;
  readonly totalSteps: number;
  /** Loss of the last batch (NaN before the first). */
  readonly loss: number;
  /** Mean batch loss of each finished epoch. */
  readonly epochLoss: readonly number[];
  readonly done: boolean;
}

/** sgn(t) forward (t = 0 -> +1), identity backward: the straight-through estimator. */
export const straightThroughSign = tf.customGrad((...inputs) => {
  const t = inputs[0] as tf.Tensor;
  return {
    value: tf.sub(tf.mul(tf.cast(tf.greaterEqual(t, 0), 'float32'), 2), 1),
    gradFunc: (dy: tf.Tensor) => [dy],
  };
}) as (t: tf.Tensor) => tf.Tensor;

function glorot(rows: number, cols: number, rng: Rng): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  return Float32Array.from({ length: rows * cols }, () => (2 * rng.next() - 1) * limit);
}

export class AutoencoderTrainer {
  readonly bits: number;
  readonly hidden: number;
  readonly inputs: number;
  private readonly options: Required<Omit<AutoencoderOptions, 'seed'>>;
  private readonly vars: tf.Variable[];
  private readonly optimizer: tf.Optimizer;
  private readonly data: tf.Tensor2D;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private readonly unitColumns: Int32Array[];
  private cursor = 0;
  private stepping = false;
  private epochSum = 0;
  private epochBatches = 0;
  private state: TrainProgress;

  constructor(
    private readonly table: Table,
    norm: Normalisation,
    options: AutoencoderOptions,
  ) {
    const bits = options.bits;
    if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
      throw new RangeError(`bits must be a whole number in ${MIN_BITS}..${MAX_BITS}, got ${bits}`);
    }
    this.options = { ...AUTOENCODER_DEFAULTS, ...options };
    const { hidden, epochs, batchSize, learningRate, maskRate } = this.options;
    if (!(maskRate >= 0 && maskRate < 1)) throw new RangeError(`maskRate must be in [0, 1)`);
    if (!(batchSize >= 1 && epochs >= 0 && hidden >= 1)) throw new RangeError('bad training sizes');
    assertGradients();
    this.bits = bits;
    this.hidden = hidden;
    const d = (this.inputs = inputWidth(table.fields));
    const rng = createRng(options.seed);
    this.vars = [
      glorot(d, hidden, rng),
      new Float32Array(hidden),
      glorot(hidden, bits, rng),
      new Float32Array(bits),
      glorot(bits, hidden, rng),
      new Float32Array(hidden),
      glorot(hidden, d, rng),
      new Float32Array(d),
    ].map((v, i) => {
      const shape = [
        [d, hidden],
        [hidden],
        [hidden, bits],
        [bits],
        [bits, hidden],
        [hidden],
        [hidden, d],
        [d],
      ][i];
      const initial = tf.tensor(v, shape, 'float32');
      const variable = tf.variable(initial, true);
      initial.dispose(); // the variable keeps its own reference to the data
      return variable;
    });
    this.optimizer = tf.train.adam(learningRate);
    this.data = tf.tensor2d(inputVectors(table, norm), [table.n, d], 'float32');
    this.rng = createRng(options.seed ^ 0x0ae0ae0a);
    this.order = Int32Array.from({ length: table.n }, (_, i) => i);
    shuffle(this.order, this.rng);
    this.unitColumns = unitColumns(table);
    const batchesPerEpoch = Math.ceil(table.n / batchSize);
    this.state = {
      epoch: 0,
      epochs,
      batchesPerEpoch,
      steps: 0,
      totalSteps: batchesPerEpoch * epochs,
      loss: NaN,
      epochLoss: [],
      done: epochs === 0,
    };
  }

  get progress(): TrainProgress {
    return this.state;
  }

  /**
   * Trains on one minibatch (no-op once done) and resolves to the progress
   * after it. The update runs at once; the promise waits for the batch's
   * loss to be read back. Throws if called again before it resolves.
   */
  async step(): Promise<TrainProgress> {
    if (this.state.done) return this.state;
    if (this.stepping)
      throw new Error('AutoencoderTrainer.step: the previous step has not finished');
    this.stepping = true;
    let lossValue: number;
    let size: number;
    try {
      const { batchSize, maskRate } = this.options;
      size = Math.min(batchSize, this.table.n - this.cursor);
      const idx = this.order.slice(this.cursor, this.cursor + size);
      const keep = this.keepMask(size, maskRate);
      const loss = tf.tidy(() => {
        const x = tf.gather(this.data, tf.tensor1d(idx, 'int32')) as tf.Tensor2D;
        const xMasked = tf.mul(x, tf.tensor2d(keep, [size, this.inputs])) as tf.Tensor2D;
        return this.optimizer.minimize(() => this.loss(xMasked, x), true, this.vars)!;
      });
      try {
        lossValue = (await loss.data())[0];
      } finally {
        loss.dispose();
      }
    } finally {
      this.stepping = false;
    }
    const n = this.table.n;
    this.cursor += size;
    this.epochSum += lossValue;
    this.epochBatches++;
    let { epoch, epochLoss } = this.state;
    if (this.cursor >= n) {
      epochLoss = [...epochLoss, this.epochSum / this.epochBatches];
      epoch++;
      this.cursor = 0;
      this.epochSum = 0;
      this.epochBatches = 0;
      shuffle(this.order, this.rng);
    }
    const steps = this.state.steps + 1;
    this.state = {
      ...this.state,
      epoch,
      epochLoss,
      steps,
      loss: lossValue,
      done: epoch >= this.state.epochs,
    };
    return this.state;
  }

  /** The loss of the batch (see the module comment), as a scalar tensor. */
  private loss(input: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
    const [w1, b1, w2, b2, w3, b3, w4, b4] = this.vars;
    const h = tf.relu(tf.add(tf.matMul(input, w1), b1));
    const code = straightThroughSign(tf.tanh(tf.add(tf.matMul(h, w2), b2)));
    const g = tf.relu(tf.add(tf.matMul(code, w3), b3));
    const y = tf.add(tf.matMul(g, w4), b4) as tf.Tensor2D;
    const rows = input.shape[0];
    const offsets = fieldOffsets(this.table.fields);
    const terms = this.table.fields.map((f, k) => {
      const w = fieldWidth(f);
      const yb = tf.slice(y, [0, offsets[k]], [rows, w]);
      const tb = tf.slice(target, [0, offsets[k]], [rows, w]);
      if (f.kind === 'category') {
        // cross-entropy: logsumexp(y) - y[label], with the one-hot target picking y[label]
        return tf.sub(tf.sum(tf.logSumExp(yb, 1)), tf.sum(tf.mul(yb, tb)));
      }
      return tf.mul(tf.sum(tf.square(tf.sub(yb, tb))), 1 / w);
    });
    return tf.mul(tf.addN(terms), 1 / rows) as tf.Scalar;
  }

  /** 1 for kept input units, 0 for left-out ones (whole one-hot blocks for categories). */
  private keepMask(size: number, rate: number): Float32Array {
    const keep = new Float32Array(size * this.inputs).fill(1);
    if (rate === 0) return keep;
    for (let r = 0; r < size; r++) {
      for (const cols of this.unitColumns) {
        if (this.rng.next() >= rate) continue;
        for (const c of cols) keep[r * this.inputs + c] = 0;
      }
    }
    return keep;
  }

  /** The current weights as typed-array copies (read from the backend asynchronously). */
  async weights(): Promise<AutoencoderWeights> {
    const read = await Promise.all(this.vars.map((v) => v.data() as Promise<Float32Array>));
    const [w1, b1, w2, b2, w3, b3, w4, b4] = read;
    return {
      inputs: this.inputs,
      hidden: this.hidden,
      bits: this.bits,
      w1: w1.slice(),
      b1: b1.slice(),
      w2: w2.slice(),
      b2: b2.slice(),
      w3: w3.slice(),
      b3: b3.slice(),
      w4: w4.slice(),
      b4: b4.slice(),
    };
  }

  /** Frees the variables, the optimiser's moments and the data on the backend. */
  dispose(): void {
    this.optimizer.dispose();
    tf.dispose([...this.vars, this.data]);
  }
}

/** For each maskable unit (./table), the input columns it covers. */
export function unitColumns(table: Pick<Table, 'fields'>): Int32Array[] {
  const out: Int32Array[] = [];
  const offsets = fieldOffsets(table.fields);
  table.fields.forEach((f, k) => {
    if (f.kind === 'category') {
      out.push(Int32Array.from({ length: f.labels.length }, (_, j) => offsets[k] + j));
    } else {
      for (let j = 0; j < f.columns.length; j++) out.push(Int32Array.of(offsets[k] + j));
    }
  });
  if (out.length !== maskableUnits(table.fields)) throw new Error('unit count');
  return out;
}
