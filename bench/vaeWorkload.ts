/**
 * VAE training throughput, shared by Node (cli/bench-vae.ts) and the
 * browser's VAE bench page (bench/vaepage): the Consolidation lab's VAE
 * (d -> hidden -> L -> mirrored hidden -> d: d = 784, MNIST's pixels; layers, L, batch size and
 * Adam step from the session's `page` preset) trained on seeded images in
 * [0, 1]. The time of a
 * step does not depend on the pixels (every op is dense), so random images
 * stand in for the replays. The caller picks the tfjs backend first.
 *
 * One timed batch is what trainEpochs does per batch: copy the rows into a
 * tensor, vae.trainStep (forward, autodiff backward, Adam, and the read
 * back of the loss terms with await data()), dispose. Throughput is
 * batchSize / median batch time, in samples per second.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../src/core/random';
import { MNIST_PIXELS } from '../src/data/mnist';
import { CONSOLIDATION_PRESETS } from '../src/models/consolidation/sessionConfig';
import { createVae } from '../src/models/consolidation/vae';
import { architectureName } from '../src/models/consolidation/vaeParams';
import { measure, now } from './stats';

export interface VaeThroughput {
  /** tfjs backend that ran it, as tfjs names it */
  backend: string;
  inputSize: number;
  /** the encoder's layer sizes, e.g. 784-512-256-20 (the decoder mirrors them) */
  architecture: string;
  latentSize: number;
  batchSize: number;
  warmup: number;
  /** timed batches */
  reps: number;
  medianBatchMs: number;
  minBatchMs: number;
  p95BatchMs: number;
  /** batchSize * 1000 / medianBatchMs */
  samplesPerSecond: number;
}

export interface VaeTimingOptions {
  /** untimed batches first (shader compiles, kernel caches); default 3 */
  warmup?: number;
  minReps?: number;
  maxReps?: number;
  /** stop timing once the batches add up to this much, ms; default 1500 */
  budgetMs?: number;
  seed?: number;
}

/** Times training batches of the lab's VAE on the current tfjs backend. */
export async function timeVaeTraining(opts: VaeTimingOptions = {}): Promise<VaeThroughput> {
  const c = CONSOLIDATION_PRESETS.page;
  const d = MNIST_PIXELS;
  const b = c.batchSize;
  const rows = 8 * b; // batches cycle through 8 distinct slices
  const rng = createRng(opts.seed ?? 1);
  const images = new Float32Array(rows * d);
  for (let i = 0; i < images.length; i++) images[i] = rng.next();
  const vae = createVae({
    inputSize: d,
    hidden: c.hidden,
    latentSize: c.latentSize,
    seed: opts.seed ?? 1,
    learningRate: c.learningRate,
  });
  let k = 0;
  const batch = async () => {
    const start = (k++ % 8) * b * d;
    const t0 = now();
    const xs = tf.tensor2d(images.subarray(start, start + b * d), [b, d]);
    await vae.trainStep(xs);
    xs.dispose();
    return now() - t0;
  };
  const warmup = opts.warmup ?? 3;
  try {
    const t = await measure(batch, {
      warmup,
      minReps: opts.minReps ?? 5,
      maxReps: opts.maxReps ?? 60,
      budgetMs: opts.budgetMs ?? 1500,
    });
    return {
      backend: tf.getBackend(),
      inputSize: d,
      architecture: architectureName({ inputSize: d, hidden: c.hidden, latentSize: c.latentSize }),
      latentSize: c.latentSize,
      batchSize: b,
      warmup,
      reps: t.reps,
      medianBatchMs: t.median,
      minBatchMs: t.min,
      p95BatchMs: t.p95,
      samplesPerSecond: (b * 1000) / t.median,
    };
  } finally {
    vae.dispose();
  }
}
