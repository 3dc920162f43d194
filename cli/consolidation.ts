/**
 * The `consolidation` experiment (SCIENCE.md section 3, Spens & Burgess
 * 2024): store N MNIST digits in a modern Hopfield network (beta = 20,
 * logits scaled by 1/sqrt(784)), replay R of them from uniform noise, train
 * a VAE on the replays only, and measure it on held-out digits after every
 * epoch. The pipeline is src/models/consolidation/consolidation.ts, the same code the lab
 * and scripts/train-consolidation.ts run. After training, as the lab's steps
 * 5 and 6 do: boundary extension on EXTRAS held-out digits, and the extended
 * model's threshold sweep with those digits as traces (every 5th recalled
 * from its top half).
 */
import { loadMnistNode } from '../src/data/mnistNode';
import { boundaryExtension } from '../src/models/consolidation/boundaryExtension';
import {
  CONSOLIDATION_DEFAULTS as D,
  gatherDigits,
  pipelineSeeds,
  runConsolidation,
  splitDigits,
} from '../src/models/consolidation/consolidation';
import {
  predictEpisodes,
  sweepThresholds,
  vaeRecallError,
} from '../src/models/consolidation/extendedModel';
import type { Experiment } from './experiment';
import { UsageError, type FlagSpec } from './flags';
import { initTf, TF_BACKENDS, type TfBackend } from './tf';

const FLAGS: readonly FlagSpec[] = [
  {
    name: 'episodes',
    type: 'int',
    default: D.episodes,
    min: 10,
    max: 9000,
    describe: 'N, digits stored in the hippocampus',
  },
  {
    name: 'replays',
    type: 'int',
    default: D.replays,
    min: 10,
    max: 100_000,
    describe: 'R, noise-cued replays the VAE trains on',
  },
  {
    name: 'latent',
    type: 'int',
    default: D.latentSize,
    min: 2,
    max: 20,
    describe: 'L, latent dimensions of the VAE',
  },
  {
    name: 'hidden',
    type: 'int',
    default: D.hiddenSize,
    min: 8,
    max: 1024,
    describe: 'H, hidden units of encoder and decoder',
  },
  {
    name: 'epochs',
    type: 'int',
    default: D.epochs,
    min: 1,
    max: 500,
    describe: 'E, passes over the replays',
  },
  {
    name: 'batch',
    type: 'int',
    default: D.batchSize,
    min: 1,
    max: 4096,
    describe: 'minibatch size',
  },
  { name: 'lr', type: 'number', default: D.learningRate, min: 1e-6, describe: 'Adam step size' },
  {
    name: 'held-out',
    type: 'int',
    default: D.heldOut,
    min: 20,
    max: 9990,
    describe: 'digits kept aside for evaluation (never stored)',
  },
  {
    name: 'labelled',
    type: 'int',
    default: D.labelled,
    min: 10,
    max: 9000,
    describe: 'held-out digits labelled for the decoding read-out',
  },
  {
    name: 'replay-steps',
    type: 'int',
    default: D.replaySteps,
    min: 1,
    max: 20,
    describe: 'hippocampal updates per replay',
  },
  { name: 'seed', type: 'int', default: D.seed, min: 0, describe: 'random seed' },
  {
    name: 'backend',
    type: 'choice',
    choices: TF_BACKENDS,
    default: 'wasm',
    describe: 'tfjs backend',
  },
];

/** Held-out digits for boundary extension and the extended model's traces. */
const EXTRAS = 500;

export const consolidationExperiment: Experiment = {
  name: 'consolidation',
  describe: 'hippocampal replays train a VAE: per-epoch recon, KL, decoding; distortion; few-shot',
  flags: FLAGS,
  async run(flags, io) {
    const config = {
      episodes: flags.episodes as number,
      replays: flags.replays as number,
      latentSize: flags.latent as number,
      hiddenSize: flags.hidden as number,
      epochs: flags.epochs as number,
      batchSize: flags.batch as number,
      learningRate: flags.lr as number,
      heldOut: flags['held-out'] as number,
      labelled: flags.labelled as number,
      replaySteps: flags['replay-steps'] as number,
      seed: flags.seed as number,
    };
    if (config.episodes + config.heldOut > 10_000) {
      throw new UsageError(`--episodes + --held-out must be at most 10000 (the digits we have)`);
    }
    if (config.labelled >= config.heldOut) {
      throw new UsageError(`--labelled must be below --held-out`);
    }
    const backend = await initTf(flags.backend as TfBackend);
    const set = await loadMnistNode();
    const { result, vae } = await runConsolidation(set, config, { log: (t) => io.err(t + '\n') });
    let extras;
    try {
      const split = splitDigits(
        set.count,
        config.episodes,
        config.heldOut,
        pipelineSeeds(config.seed).split,
      );
      const held = gatherDigits(
        set,
        split.heldOut.subarray(0, Math.min(EXTRAS, config.heldOut)),
        'unit',
      );
      const ep = await predictEpisodes(vae, held.images, held.n);
      const probes = Array.from({ length: Math.ceil(held.n / 5) }, (_, i) => 5 * i);
      extras = {
        boundaryExtension: (await boundaryExtension(vae, held.images, held.n)).map((p) => ({
          zoom: p.zoom,
          inputExtent: p.input,
          recallExtent: p.recall,
        })),
        extended: await sweepThresholds(vae, ep, probes),
        extendedVaeOnlyError: await vaeRecallError(vae, ep, probes),
      };
    } finally {
      vae.dispose();
    }
    return {
      experiment: 'consolidation',
      ...config,
      backend,
      beta: 20,
      betaEffective: 20 / Math.sqrt(784),
      replay: result.replay,
      epochs: result.epochs.map((e) => ({
        epoch: e.epoch,
        reconError: e.reconError,
        kl: e.kl,
        decodingAccuracy: e.decodingAccuracy,
        meanAbsError: e.meanAbsError,
        trainLoss: e.trainLoss,
      })),
      prototypicalVarianceRatio: result.prototypicalVarianceRatio,
      perClassVarianceRatio: result.perClassVarianceRatio,
      fewShot: result.fewShot,
      ...extras,
      timings: result.timings,
    };
  },
};
