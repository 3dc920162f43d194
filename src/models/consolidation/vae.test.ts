import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { prototypicalDistortion } from './distortion';
import { accuracy, fitLogistic } from './linearReadout';
import { syntheticClasses, type LabelledImages } from '../../testing/syntheticClasses';
import { createVae, loadVae, mixSeed, priorLatents, unitFromBipolarRange, type Vae } from './vae';
import { trainEpochs, type EpochStats } from './vaeTrain';
import { bceWithLogits, klDivergence, vaeLoss } from './vaeNet';
import type { VaeConfig } from './vaeParams';
import { initialParams, paramSpecs, vaeConfig, vaeFromJson, vaeToJson } from './vaeParams';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SIDE = 10;
const D = SIDE * SIDE;

function uniformImages(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => rng.next());
}

describe('vaeNet', () => {
  it("autodiff through the dense layers' own gradient equals tfjs's stock gradient", async () => {
    for (const hidden of [[7], [9, 5]]) {
      const config = vaeConfig({ inputSize: 12, hidden, latentSize: 3, seed: 5, klWeight: 0.7 });
      const rng = createRng(9);
      // Non-zero biases, so every relu sees both signs and bias gradients matter.
      const values = initialParams(config).map((v, i) =>
        paramSpecs(config)[i].shape.length === 1 ? v.map(() => rng.normal() * 0.5) : v,
      );
      const params = values.map((v, i) => tf.tensor(v, paramSpecs(config)[i].shape.slice()));
      const x = tf.tensor2d(uniformImages(6, 12, 1), [6, 12]);
      const eps = tf.tensor2d(priorLatents(6, 3, 2), [6, 3]);
      const ours = tf.grads((...p: tf.Tensor[]) => vaeLoss(config, p, x, eps).loss)(params);
      const stock = tf.grads((...p: tf.Tensor[]) => plainLoss(config, p, x, eps))(params);
      expect(ours).toHaveLength(4 * hidden.length + 6);
      for (let i = 0; i < params.length; i++) {
        const a = await ours[i].data();
        const b = await stock[i].data();
        expect(ours[i].shape).toEqual(params[i].shape);
        const scale = Math.max(...Array.from(b, Math.abs));
        expect(scale).toBeGreaterThan(0);
        for (let k = 0; k < a.length; k++)
          expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-5 * scale + 1e-7);
      }
      tf.dispose([params, x, eps, ours, stock]);
    }
  });

  it('BCE and KL match their textbook forms', async () => {
    const x = tf.tensor2d([[0, 0.3, 1, 0.8]]);
    const logits = tf.tensor2d([[-2, 0.5, 3, -1]]);
    const p = [-2, 0.5, 3, -1].map((l) => 1 / (1 + Math.exp(-l)));
    const xs = [0, 0.3, 1, 0.8];
    const bce = xs.reduce((s, v, j) => s - v * Math.log(p[j]) - (1 - v) * Math.log(1 - p[j]), 0);
    const got = bceWithLogits(x, logits);
    expect((await got.data())[0]).toBeCloseTo(bce, 5);
    // KL(N(1, e^-1) || N(0, 1)) in 1-D = (var + mu^2 - 1 - log var) / 2.
    const mean = tf.tensor2d([[1, 0]]);
    const logVar = tf.tensor2d([[-1, 0]]);
    const kl = klDivergence(mean, logVar);
    expect((await kl.data())[0]).toBeCloseTo((Math.exp(-1) + 1 - 1 + 1) / 2, 6);
    tf.dispose([x, logits, got, mean, logVar, kl]);
  });
});

/** The same loss with plain x W + b (tfjs's stock matMul gradient). */
function plainLoss(config: VaeConfig, p: tf.Tensor[], x: tf.Tensor2D, eps: tf.Tensor2D): tf.Scalar {
  const k = config.hidden.length;
  const affine = (a: tf.Tensor, i: number) =>
    tf.add(tf.matMul(a as tf.Tensor2D, p[i] as tf.Tensor2D), p[i + 1]);
  let h: tf.Tensor = x;
  for (let i = 0; i < k; i++) h = tf.relu(affine(h, 2 * i));
  const mean = affine(h, 2 * k) as tf.Tensor2D;
  const logVar = affine(h, 2 * k + 2) as tf.Tensor2D;
  let g: tf.Tensor = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps));
  for (let i = 0; i < k; i++) g = tf.relu(affine(g, 2 * k + 4 + 2 * i));
  const logits = affine(g, 4 * k + 4) as tf.Tensor2D;
  const recon = tf.mean(bceWithLogits(x, logits));
  return tf.add(recon, tf.mul(tf.mean(klDivergence(mean, logVar)), config.klWeight)) as tf.Scalar;
}

describe('createVae', () => {
  it('is deterministic in its seed', async () => {
    const a = createVae({ inputSize: D, hiddenSize: 16, latentSize: 2, seed: 3 });
    const b = createVae({ inputSize: D, hiddenSize: 16, latentSize: 2, seed: 3 });
    const c = createVae({ inputSize: D, hiddenSize: 16, latentSize: 2, seed: 4 });
    const [wa, wb, wc] = await Promise.all([a.getWeights(), b.getWeights(), c.getWeights()]);
    expect(wa.weights).toEqual(wb.weights);
    expect(wa.weights).not.toEqual(wc.weights);
    // Glorot bound for the first layer: sqrt(6 / (D + 16)).
    const first = wa.weights.subarray(0, D * 16);
    expect(Math.max(...Array.from(first, Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / (D + 16)));
    [a, b, c].forEach((v) => v.dispose());
  });

  it('rejects bad configs, wrong widths and use after dispose', async () => {
    expect(() => createVae({ inputSize: 0, hiddenSize: 4, latentSize: 2, seed: 1 })).toThrow(
      RangeError,
    );
    expect(() =>
      createVae({ inputSize: 4, hiddenSize: 4, latentSize: 2, seed: 1, learningRate: 0 }),
    ).toThrow(RangeError);
    const vae = createVae({ inputSize: 4, hiddenSize: 4, latentSize: 2, seed: 1 });
    const x = tf.zeros([2, 5]) as tf.Tensor2D;
    expect(() => vae.encode(x)).toThrow(RangeError);
    await expect(vae.encodeMeans(new Float32Array(7), 2)).rejects.toThrow(RangeError);
    vae.dispose();
    expect(vae.disposed).toBe(true);
    await expect(vae.decodeLatents(new Float32Array(2), 1)).rejects.toThrow(/disposed/);
    x.dispose();
  });
});

describe('training', () => {
  it('two runs with the same seeds and data are identical', async () => {
    const data = syntheticClasses({ perClass: 4, side: SIDE, classSeed: 1, itemSeed: 2 });
    const run = async (): Promise<{ stats: EpochStats[]; weights: Float32Array }> => {
      const vae = createVae({ inputSize: D, hiddenSize: 8, latentSize: 2, seed: 11 });
      const { epochs } = await trainEpochs(vae, data.images, data.n, {
        epochs: 2,
        batchSize: 16,
        seed: 5,
      });
      const { weights } = await vae.getWeights();
      vae.dispose();
      return { stats: epochs, weights };
    };
    const [a, b] = [await run(), await run()];
    expect(a.stats).toEqual(b.stats);
    expect(a.weights).toEqual(b.weights);
    expect(a.stats.map((s) => s.steps)).toEqual([3, 3]); // 40 items in batches of 16, 16, 8
  });

  it('stops on shouldStop and on dispose, and yields to the event loop', async () => {
    const data = uniformImages(64, 16, 3);
    const vae = createVae({ inputSize: 16, hiddenSize: 4, latentSize: 2, seed: 1 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let batches = 0;
    const stopped = await trainEpochs(vae, data, 64, {
      epochs: 10,
      batchSize: 8,
      seed: 1,
      yieldEvery: 1,
      onBatch: () => batches++,
      shouldStop: () => batches >= 12,
    });
    clearInterval(timer);
    expect(stopped.stopped).toBe(true);
    expect(stopped.epochs).toHaveLength(1);
    expect(batches).toBe(12);
    expect(ticks).toBeGreaterThan(0);
    const reset = trainEpochs(vae, data, 64, {
      epochs: 10,
      batchSize: 8,
      seed: 1,
      onEpoch: () => vae.dispose(),
    });
    expect(await reset).toEqual(expect.objectContaining({ stopped: true }));
  });
});

describe('a VAE trained on synthetic classes', () => {
  const L = 4;
  let train: LabelledImages;
  let test: LabelledImages;
  let vae: Vae;
  let history: EpochStats[];

  beforeAll(async () => {
    train = syntheticClasses({ perClass: 40, side: SIDE, classSeed: 10, itemSeed: 2 });
    test = syntheticClasses({ perClass: 20, side: SIDE, classSeed: 10, itemSeed: 3 });
    vae = createVae({ inputSize: D, hiddenSize: 32, latentSize: L, seed: 1, learningRate: 3e-3 });
    ({ epochs: history } = await trainEpochs(vae, train.images, train.n, {
      epochs: 20,
      batchSize: 16,
      seed: 1,
    }));
  });

  it('lowers its loss (first epoch vs last)', () => {
    const first = history[0];
    const last = history[history.length - 1];
    expect(last.loss).toBeLessThan(0.75 * first.loss);
    expect(last.recon).toBeLessThan(first.recon);
    expect(last.kl).toBeGreaterThan(0); // the latent carries information
  });

  it('reconstructs training items closer than the mean image does', async () => {
    const rec = await vae.reconstructImages(train.images, train.n);
    const mean = new Float64Array(D);
    for (let i = 0; i < train.n; i++)
      for (let j = 0; j < D; j++) mean[j] += train.images[i * D + j];
    mean.forEach((v, j) => (mean[j] = v / train.n));
    let errRec = 0;
    let errMean = 0;
    for (let i = 0; i < train.n; i++) {
      for (let j = 0; j < D; j++) {
        const x = train.images[i * D + j];
        errRec += (rec[i * D + j] - x) ** 2;
        errMean += (mean[j] - x) ** 2;
      }
    }
    expect(errRec).toBeLessThan(0.9 * errMean);
    expect(rec.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('evaluate reports held-out terms through the mean', async () => {
    const ev = await vae.evaluate(test.images, test.n);
    expect(ev.loss).toBeCloseTo(ev.recon + ev.kl, 3);
    expect(ev.recon).toBeLessThan(history[0].recon);
    expect(ev.meanAbsError).toBeGreaterThan(0);
    expect(ev.meanAbsError).toBeLessThan(0.25);
  });

  it('has latent means a linear read-out decodes well above chance', async () => {
    const zTrain = await vae.encodeMeans(train.images, train.n);
    const zTest = await vae.encodeMeans(test.images, test.n);
    const model = fitLogistic(zTrain, train.n, L, train.labels, 10);
    expect(accuracy(model, zTest, test.labels)).toBeGreaterThan(3 * 0.1);
  });

  it('distorts towards prototypes: reconstructions vary less within a class', async () => {
    const rec = await vae.reconstructImages(test.images, test.n);
    const result = prototypicalDistortion(test.images, rec, test.n, D, test.labels, 10);
    expect(result.ratio).toBeLessThan(0.5);
    for (const r of result.perClassRatio) expect(r).toBeLessThan(1);
  });

  it('imagines: prior samples are deterministic in the seed and in [0, 1]', async () => {
    const a = await vae.sample(5, 42);
    const b = await vae.sample(5, 42);
    const c = await vae.sample(5, 43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.length).toBe(5 * D);
    expect(a.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(a).toEqual(await vae.decodeLatents(priorLatents(5, L, 42), 5));
  });

  it('tensor and typed-array paths agree', async () => {
    const x = tf.tensor2d(test.images.subarray(0, 3 * D), [3, D]);
    const { mean, logVar } = vae.encode(x);
    const rec = vae.reconstruct(x);
    const dec = vae.decode(mean);
    expect(await mean.data()).toEqual(await vae.encodeMeans(test.images.subarray(0, 3 * D), 3));
    expect(await rec.data()).toEqual(await dec.data());
    expect(logVar.shape).toEqual([3, L]);
    tf.dispose([x, mean, logVar, rec, dec]);
  });

  it('survives serialise -> JSON -> load with identical outputs', async () => {
    const saved = await vae.getWeights();
    const json = JSON.parse(JSON.stringify(vaeToJson(saved))) as ReturnType<typeof vaeToJson>;
    const copy = loadVae(vaeFromJson(json));
    expect(copy.step).toBe(vae.step);
    expect(copy.config).toEqual(vae.config);
    const z = await vae.encodeMeans(test.images, test.n);
    expect(await copy.encodeMeans(test.images, test.n)).toEqual(z);
    expect(await copy.decodeLatents(z, test.n)).toEqual(await vae.decodeLatents(z, test.n));
    expect(await copy.sample(3, 1)).toEqual(await vae.sample(3, 1));
    copy.dispose();
    const broken = { ...json, weights: json.weights.slice(0, -8) };
    expect(() => vaeFromJson(broken)).toThrow();
  });
});

describe('tensor ownership', () => {
  it('leaks nothing across training, inference, reset and re-create', async () => {
    const data = syntheticClasses({ perClass: 3, side: SIDE, classSeed: 1, itemSeed: 1 });
    const before = tf.memory().numTensors;
    let vae = createVae({ inputSize: D, hiddenSize: 8, latentSize: 3, seed: 1 });
    // 10 parameters + Adam's two running powers of beta.
    expect(tf.memory().numTensors).toBe(before + 12);
    await trainEpochs(vae, data.images, data.n, { epochs: 2, batchSize: 8, seed: 1 });
    // + Adam's first and second moments for each parameter.
    expect(tf.memory().numTensors).toBe(before + 32);
    await vae.encodeMeans(data.images, data.n);
    await vae.reconstructImages(data.images, data.n);
    await vae.evaluate(data.images, data.n);
    await vae.sample(4, 1);
    await vae.getWeights();
    expect(tf.memory().numTensors).toBe(before + 32);
    vae.dispose();
    expect(tf.memory().numTensors).toBe(before);
    vae = createVae({ inputSize: D, hiddenSize: 8, latentSize: 3, seed: 2 });
    await trainEpochs(vae, data.images, data.n, { epochs: 1, batchSize: 8, seed: 2 });
    vae.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Two hidden layers: 14 parameters; one step leaves only Adam's moments behind.
    vae = createVae({ inputSize: D, hidden: [12, 6], latentSize: 3, seed: 3 });
    expect(tf.memory().numTensors).toBe(before + 16);
    const batch = tf.tensor2d(data.images.subarray(0, 4 * D), [4, D]);
    await vae.trainStep(batch);
    expect(tf.memory().numTensors).toBe(before + 1 + 16 + 28);
    await vae.trainStep(batch);
    expect(tf.memory().numTensors).toBe(before + 1 + 16 + 28);
    batch.dispose();
    vae.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('helpers', () => {
  it('unitFromBipolarRange maps [-1, 1] onto [0, 1] and clips', () => {
    expect(Array.from(unitFromBipolarRange(Float32Array.from([-1, 0, 1, 1.5, -2])))).toEqual([
      0, 0.5, 1, 1, 0,
    ]);
  });

  it('mixSeed gives distinct streams for nearby steps', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, t) => mixSeed(7, t)));
    expect(seeds.size).toBe(1000);
    expect(mixSeed(7, 0)).not.toBe(mixSeed(8, 0));
  });
});
