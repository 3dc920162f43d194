/**
 * Autodiff against the hand-written gradients it replaced: one VAE training
 * step (forward, backward, Adam, the loss read back with await data()) on
 * the same batch, noise and starting weights, three ways:
 * - `hand`: bench/vaeHandGradients.ts (the app's VAE before autodiff);
 * - `autodiff`: tf.variableGrads over src/models/consolidation/vaeNet.ts's
 *   loss, whose dense layers state their gradient with explicit transposes
 *   (what the app runs);
 * - `stock`: the same loss with plain tf.matMul, whose stock gradient uses
 *   matMul's transpose flags (slow on tfjs-wasm).
 *
 *   npx tsx bench/vaeGradients.ts [--backend wasm|cpu] [--hidden 128] [--latent 2] [--batch 64]
 *
 * prints the median step time of each (ms) and the ratios to `hand`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerGradientsInNode } from '../cli/gradients';
import { initTf, TF_BACKENDS } from '../cli/tf';
import { enumParam, intParam } from '../src/core/params';
import { parseArgs } from '../src/core/paramArgs';
import { createRng } from '../src/core/random';
import { MNIST_PIXELS } from '../src/data/mnist';
import { priorLatents } from '../src/models/consolidation/vae';
import { vaeLoss } from '../src/models/consolidation/vaeNet';
import { initialParams, paramSpecs, vaeConfig } from '../src/models/consolidation/vaeParams';
import { measure, now } from './stats';
import { lossAndGradients, vaeLoss as plainLoss } from './vaeHandGradients';

const FLAGS = {
  backend: enumParam(TF_BACKENDS, 'wasm', 'tfjs backend'),
  hidden: intParam(128, 1, 4096, 'H, the one hidden layer (the hand-written gradients have one)'),
  latent: intParam(2, 1, 64, 'L'),
  batch: intParam(64, 1, 4096, 'minibatch size'),
};

const flags = parseArgs(FLAGS, process.argv.slice(2));
const backend = await initTf(flags.backend);
await registerGradientsInNode();
const d = MNIST_PIXELS;
const { batch: b, latent: l } = flags;
const config = vaeConfig({ inputSize: d, hiddenSize: flags.hidden, latentSize: l, seed: 1 });
const rng = createRng(7);
const x = tf.tensor2d(
  Float32Array.from({ length: b * d }, () => rng.next()),
  [b, d],
);
const eps = tf.tensor2d(priorLatents(b, l, 3), [b, l]);

/** A fresh copy of the starting weights and an Adam for one contender. */
function contender(): { vars: tf.Variable[]; adam: tf.Optimizer } {
  const vars = initialParams(config).map((v, i) =>
    tf.variable(tf.tensor(v, paramSpecs(config)[i].shape.slice())),
  );
  return { vars, adam: tf.train.adam(config.learningRate) };
}

const steps = {
  async hand({ vars, adam }: ReturnType<typeof contender>) {
    const { terms, grads } = lossAndGradients(vars, x, eps, config.klWeight);
    adam.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i] })));
    tf.dispose(grads);
    await terms.data();
    terms.dispose();
  },
  async autodiff({ vars, adam }: ReturnType<typeof contender>) {
    const { value, grads } = tf.variableGrads(() => vaeLoss(config, vars, x, eps).loss, vars);
    adam.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    tf.dispose(grads);
    await value.data();
    value.dispose();
  },
  async stock({ vars, adam }: ReturnType<typeof contender>) {
    const f = () => plainLoss(vars, x, eps, config.klWeight).loss;
    const { value, grads } = tf.variableGrads(f, vars);
    adam.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    tf.dispose(grads);
    await value.data();
    value.dispose();
  },
};

const medians: Record<string, number> = {};
// Interleaved twice, so a burst of load on a shared machine hits each of them.
for (let round = 0; round < 2; round++) {
  for (const [name, step] of Object.entries(steps)) {
    const c = contender();
    const t = await measure(
      async () => {
        const t0 = now();
        await step(c);
        return now() - t0;
      },
      { warmup: 3, minReps: 10, maxReps: 200, budgetMs: 1000 },
    );
    medians[name] = Math.min(medians[name] ?? Infinity, t.median);
    c.adam.dispose();
    tf.dispose(c.vars);
  }
}
const round3 = (v: number) => Math.round(v * 1000) / 1000;
process.stdout.write(
  JSON.stringify(
    {
      backend,
      architecture: `${d}-${flags.hidden}-${l}`,
      batch: b,
      medianStepMs: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, round3(v)])),
      ratioToHand: {
        autodiff: round3(medians.autodiff / medians.hand),
        stock: round3(medians.stock / medians.hand),
      },
    },
    null,
    2,
  ) + '\n',
);
process.exit(0);
