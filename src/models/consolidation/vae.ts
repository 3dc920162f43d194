/**
 * The neocortex of the consolidation model: a variational autoencoder
 * (Kingma & Welling 2014) trained on hippocampal replays (SCIENCE.md
 * section 3, Spens & Burgess 2024). tfjs-core ops only.
 *
 * Conventions
 * - Images are rows of d pixels in [0, 1] (MNIST / 255). The Hopfield side
 *   stores [-1, 1]; convert replays with `unitFromBipolarRange` first.
 * - Architecture (./vaeParams): x -> relu(H_1) -> ... -> relu(H_k) ->
 *   (mu, logVar) in R^L; z = mu + exp(logVar / 2) * eps, eps ~ N(0, I);
 *   z -> relu(H_k) -> ... -> relu(H_1) -> d logits, decoded image =
 *   sigmoid(logits). The layer sizes `hidden` are a setting.
 * - Loss per sample, averaged over the batch:
 *     recon = sum_j BCE(x_j, sigmoid(l_j))
 *           = sum_j [max(l_j, 0) - l_j x_j + log(1 + exp(-|l_j|))]   (nats)
 *     kl    = -1/2 sum_k (1 + logVar_k - mu_k^2 - exp(logVar_k))    (nats)
 *     loss  = recon + beta kl   (beta = config.klWeight, default 1)
 * - Adam (tf.train.adam, default step 1e-3) over the explicit tf.Variables
 *   (4 k + 6 of them for k hidden layers), gradients by tfjs autodiff
 *   (tf.variableGrads over ./vaeNet's loss; register them first,
 *   ./vaeGradients); Glorot-uniform initial weights from config.seed.
 * - Noise: the eps of training step t comes from mulberry32 seeded with
 *   hash(seed, t), so the same seed and the same batches give the same run
 *   on any backend; `sample(n, seed)` draws its z the same way.
 *
 * Sharing the thread: the methods over many images take an optional Pace
 * (../../core/pace) and walk the rows in chunks of its choosing (at most
 * ROWS_PER_TENSOR) with its pauses between them. Each row is computed on
 * its own and every sum over rows is taken row by row in order, so the
 * chunks never change the numbers.
 *
 * Tensors: methods that take or return tf.Tensors leave their inputs alone
 * and return new tensors the caller owns. Methods on Float32Arrays own
 * everything they make. `dispose()` frees the variables and Adam's slots.
 */
import * as tf from '@tensorflow/tfjs-core';
import { UNPACED, inChunks, type Pace } from '../../core/pace';
import { createRng } from '../../core/random';
import {
  checkSerialised,
  initialParams,
  paramCount,
  paramSpecs,
  vaeConfig,
  type SerialisedVae,
  type VaeConfig,
  type VaeConfigInput,
  upgradeSerialised,
  VAE_FORMAT_VERSION,
} from './vaeParams';
import { assertVaeGradients } from './vaeGradients';
import { bceWithLogits, decoderLogits, encoderForward, klDivergence, vaeLoss } from './vaeNet';

/** Per-sample averages over a batch, in nats. */
export interface VaeLoss {
  /** recon + klWeight * kl. */
  readonly loss: number;
  /** Bernoulli negative log-likelihood, summed over pixels. */
  readonly recon: number;
  /** KL(q(z|x) || N(0, I)), summed over latent dimensions. */
  readonly kl: number;
}

/** Held-out metrics through the mean (z = mu, no sampling). */
export interface VaeEvaluation extends VaeLoss {
  /** mean_j |x_j - xhat_j|, in pixel units ([0, 1]). */
  readonly meanAbsError: number;
}

export interface Vae {
  readonly config: VaeConfig;
  /** Training steps taken so far. */
  readonly step: number;
  /** True after dispose(); every other method then throws. */
  readonly disposed: boolean;
  /**
   * One Adam step on a B x d batch (pixels in [0, 1]) with fresh noise.
   * Returns the batch's loss terms before the update.
   */
  trainStep(batch: tf.Tensor2D): Promise<VaeLoss>;
  /** q(z|x): B x L mean and log-variance. */
  encode(x: tf.Tensor2D): { mean: tf.Tensor2D; logVar: tf.Tensor2D };
  /** Latent means of n images laid end to end (n d values) -> n L values. */
  encodeMeans(x: Float32Array, n: number, pace?: Pace): Promise<Float32Array>;
  /** Decoded images sigmoid(logits(z)) in [0, 1]: B x L -> B x d. */
  decode(z: tf.Tensor2D): tf.Tensor2D;
  /** decode on n latents laid end to end (n L values) -> n d values. */
  decodeLatents(z: Float32Array, n: number, pace?: Pace): Promise<Float32Array>;
  /** decode(mean(x)): recall through the latent mean, no sampling. */
  reconstruct(x: tf.Tensor2D): tf.Tensor2D;
  /** reconstruct on n images laid end to end -> n d values. */
  reconstructImages(x: Float32Array, n: number, pace?: Pace): Promise<Float32Array>;
  /**
   * Loss terms (through the mean) and mean absolute pixel error on n images:
   * per-image sums, added up image by image in float64, then / n.
   */
  evaluate(x: Float32Array, n: number, pace?: Pace): Promise<VaeEvaluation>;
  /** Imagination: decode n draws z ~ N(0, I) (see priorLatents) -> n d values. */
  sample(n: number, seed: number): Promise<Float32Array>;
  /** A copy of the parameters and config (not Adam's moments). */
  getWeights(): Promise<SerialisedVae>;
  dispose(): void;
}

/** A fresh VAE with Glorot-uniform weights from config.seed. */
export function createVae(config: VaeConfigInput): Vae {
  const full = vaeConfig(config);
  return new TfVae(full, initialParams(full), 0);
}

/** Rebuilds a VAE from getWeights() (or vaeFromJson); Adam starts afresh. */
export function loadVae(serialised: SerialisedVae): Vae {
  const s = checkSerialised(upgradeSerialised(serialised));
  const config = vaeConfig(s.config);
  const values: Float32Array[] = [];
  let offset = 0;
  for (const spec of paramSpecs(config)) {
    const size = paramCount(spec);
    values.push(s.weights.slice(offset, offset + size));
    offset += size;
  }
  return new TfVae(config, values, s.step);
}

/** x in [-1, 1] (Hopfield convention) -> (x + 1) / 2 in [0, 1], clipped. */
export function unitFromBipolarRange(x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  unitFromBipolarRangeInto(x, out, 0, x.length);
  return out;
}

/** unitFromBipolarRange of x[from..to) written to out[from..to) (`to` is clipped to x.length). */
export function unitFromBipolarRangeInto(
  x: Float32Array,
  out: Float32Array,
  from: number,
  to: number,
): void {
  const end = Math.min(to, x.length);
  for (let i = from; i < end; i++) {
    const v = (x[i] + 1) / 2;
    out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
}

/**
 * n draws z ~ N(0, I_L) laid end to end (mulberry32 + Box-Muller from seed):
 * the latents `sample(n, seed)` decodes, e.g. to mark them on the map.
 */
export function priorLatents(n: number, latentSize: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const z = new Float32Array(n * latentSize);
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
  return z;
}

/** Rows per tensor, at most, when a method walks a long Float32Array. */
export const ROWS_PER_TENSOR = 512;

class TfVae implements Vae {
  readonly config: VaeConfig;
  private readonly vars: tf.Variable[];
  private readonly optimizer: tf.AdamOptimizer;
  private steps: number;
  private isDisposed = false;
  private gradientsChecked = false;

  constructor(config: VaeConfig, values: Float32Array[], step: number) {
    this.config = config;
    this.steps = step;
    const specs = paramSpecs(config);
    this.vars = specs.map((spec, i) => {
      const init = tf.tensor(values[i], spec.shape.slice(), 'float32');
      const v = tf.variable(init, true, undefined, 'float32');
      init.dispose(); // the variable holds its own reference to the data
      return v;
    });
    this.optimizer = tf.train.adam(config.learningRate);
  }

  get step(): number {
    return this.steps;
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  async trainStep(batch: tf.Tensor2D): Promise<VaeLoss> {
    this.check(batch.shape[1]);
    const b = batch.shape[0];
    const l = this.config.latentSize;
    if (!this.gradientsChecked) {
      assertVaeGradients();
      this.gradientsChecked = true;
    }
    const eps = tf.tensor2d(priorLatents(b, l, mixSeed(this.config.seed, this.steps)), [b, l]);
    let terms: tf.Tensor1D | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const t = vaeLoss(this.config, this.vars, batch, eps);
      // Kept past variableGrads' scope: the three terms, read back below.
      terms = tf.keep(tf.stack([t.loss, t.recon, t.kl]) as tf.Tensor1D);
      return t.loss;
    }, this.vars);
    eps.dispose();
    value.dispose();
    this.optimizer.applyGradients(
      Object.entries(grads).map(([name, tensor]) => ({ name, tensor })),
    );
    tf.dispose(grads);
    this.steps++;
    if (!terms) throw new Error('the loss ran no forward pass');
    const held = terms as tf.Tensor1D;
    const [loss, recon, kl] = await held.data();
    held.dispose();
    return { loss, recon, kl };
  }

  encode(x: tf.Tensor2D): { mean: tf.Tensor2D; logVar: tf.Tensor2D } {
    this.check(x.shape[1]);
    const [mean, logVar] = tf.tidy(() => {
      const { mean, logVar } = this.encoder(x);
      return [mean, logVar];
    });
    return { mean, logVar };
  }

  encodeMeans(x: Float32Array, n: number, pace?: Pace): Promise<Float32Array> {
    const { inputSize, latentSize } = this.config;
    return this.mapRows(x, n, inputSize, latentSize, (t) => this.encoder(t).mean, pace);
  }

  decode(z: tf.Tensor2D): tf.Tensor2D {
    this.check(undefined, z.shape[1]);
    return tf.tidy(() => tf.sigmoid(this.decoderLogits(z)));
  }

  decodeLatents(z: Float32Array, n: number, pace?: Pace): Promise<Float32Array> {
    const { inputSize, latentSize } = this.config;
    return this.mapRows(
      z,
      n,
      latentSize,
      inputSize,
      (t) => tf.sigmoid(this.decoderLogits(t)),
      pace,
    );
  }

  reconstruct(x: tf.Tensor2D): tf.Tensor2D {
    this.check(x.shape[1]);
    return tf.tidy(() => tf.sigmoid(this.decoderLogits(this.encoder(x).mean)));
  }

  reconstructImages(x: Float32Array, n: number, pace?: Pace): Promise<Float32Array> {
    const d = this.config.inputSize;
    return this.mapRows(
      x,
      n,
      d,
      d,
      (t) => tf.sigmoid(this.decoderLogits(this.encoder(t).mean)),
      pace,
    );
  }

  async evaluate(x: Float32Array, n: number, pace: Pace = UNPACED): Promise<VaeEvaluation> {
    this.check();
    const d = this.config.inputSize;
    checkLength(x, n, d);
    if (n === 0) throw new RangeError('cannot evaluate on 0 images');
    // Per-image sums (rows x 3), added image by image: the chunks do not change the total.
    let recon = 0;
    let kl = 0;
    let abs = 0;
    await inChunks(pace, 'vae.evaluate', n, ROWS_PER_TENSOR, async (start, rows) => {
      this.check();
      const sums = tf.tidy(() => {
        const xs = tf.tensor2d(x.subarray(start * d, (start + rows) * d), [rows, d]);
        const { mean, logVar } = this.encoder(xs);
        const logits = this.decoderLogits(mean);
        return tf.stack(
          [
            bceWithLogits(xs, logits),
            klDivergence(mean, logVar),
            tf.sum(tf.abs(tf.sub(xs, tf.sigmoid(logits))), 1),
          ],
          1,
        );
      });
      const v = await sums.data();
      sums.dispose();
      for (let r = 0; r < rows; r++) {
        recon += v[3 * r];
        kl += v[3 * r + 1];
        abs += v[3 * r + 2];
      }
    });
    recon /= n;
    kl /= n;
    return { loss: recon + this.config.klWeight * kl, recon, kl, meanAbsError: abs / (n * d) };
  }

  sample(n: number, seed: number): Promise<Float32Array> {
    return this.decodeLatents(priorLatents(n, this.config.latentSize, seed), n);
  }

  async getWeights(): Promise<SerialisedVae> {
    this.check();
    const specs = paramSpecs(this.config);
    const weights = new Float32Array(specs.reduce((a, s) => a + paramCount(s), 0));
    let offset = 0;
    for (const v of this.vars) {
      const data = (await v.data()) as Float32Array;
      weights.set(data, offset);
      offset += data.length;
    }
    return {
      format: 'engram-vae',
      version: VAE_FORMAT_VERSION,
      config: this.config,
      step: this.steps,
      params: specs,
      weights,
    };
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.optimizer.dispose();
    tf.dispose(this.vars);
  }

  /** B x d -> mean, logVar (B x L); call inside a tidy. */
  private encoder(x: tf.Tensor2D): { mean: tf.Tensor2D; logVar: tf.Tensor2D } {
    return encoderForward(this.config, this.vars, x);
  }

  /** B x L -> B x d logits; call inside a tidy. */
  private decoderLogits(z: tf.Tensor2D): tf.Tensor2D {
    return decoderLogits(this.config, this.vars, z);
  }

  /** Applies f to slices of rows of an n x inDim array (paced); n x outDim result. */
  private async mapRows(
    x: Float32Array,
    n: number,
    inDim: number,
    outDim: number,
    f: (rows: tf.Tensor2D) => tf.Tensor2D,
    pace: Pace = UNPACED,
  ): Promise<Float32Array> {
    this.check();
    checkLength(x, n, inDim);
    const out = new Float32Array(n * outDim);
    // One job per shape of work, so the pace learns each one's cost per row.
    const job = `vae.rows ${inDim}->${outDim}`;
    await inChunks(pace, job, n, ROWS_PER_TENSOR, async (start, rows) => {
      this.check(); // disposed while paused: stop here
      const y = tf.tidy(() =>
        f(tf.tensor2d(x.subarray(start * inDim, (start + rows) * inDim), [rows, inDim])),
      );
      out.set(await y.data(), start * outDim);
      y.dispose();
    });
    return out;
  }

  private check(inputCols?: number, latentCols?: number): void {
    if (this.isDisposed) throw new Error('this VAE has been disposed');
    if (inputCols !== undefined && inputCols !== this.config.inputSize) {
      throw new RangeError(`expected ${this.config.inputSize} pixels per row, got ${inputCols}`);
    }
    if (latentCols !== undefined && latentCols !== this.config.latentSize) {
      throw new RangeError(`expected ${this.config.latentSize} latents per row, got ${latentCols}`);
    }
  }
}

export function checkLength(x: Float32Array, n: number, dim: number): void {
  if (!Number.isInteger(n) || n < 0 || x.length !== n * dim) {
    throw new RangeError(`${x.length} values do not make ${n} rows of ${dim}`);
  }
}

/** A 32-bit seed for stream t of a seed (murmur3's finaliser over seed + t). */
export function mixSeed(seed: number, t: number): number {
  let h = (seed ^ Math.imul(t + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
