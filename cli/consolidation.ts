/**
 * The `consolidation` experiment (SCIENCE.md section 3, Spens & Burgess
 * 2024): store N MNIST digits in a modern Hopfield network (beta = 20,
 * logits scaled by 1/sqrt(784)), replay R of them from uniform noise, train
 * a VAE on the replays only, and measure it on held-out digits after every
 * epoch. The pipeline is the session of src/models/consolidation/session.ts,
 * the same one the lab, scripts/train-consolidation.ts and the benchmark
 * drive; the defaults are its `experiment` preset. After training, as the lab's steps
 * 5 and 6 do: boundary extension on SWEEP_TRACES held-out digits, and the
 * extended model's threshold sweep with those digits as traces (every
 * PROBE_STEP-th recalled from its top half).
 */
import { loadMnistNode } from '../src/data/mnistNode';
import { boundaryExtension } from '../src/models/consolidation/boundaryExtension';
import { HIPPOCAMPUS_BETA, hippocampusBeta } from '../src/models/consolidation/consolidation';
import { REPLAY_INHIBITION } from '../src/models/consolidation/replay';
import {
  predictEpisodes,
  sweepProbes,
  sweepThresholds,
  SWEEP_TRACES,
  vaeRecallError,
} from '../src/models/consolidation/extendedModel';
import { CONSOLIDATION_PRESETS } from '../src/models/consolidation/sessionConfig';
import { runConsolidation } from '../src/models/consolidation/pipeline';
import { enumParam, floatParam, intParam, UsageError } from '../src/core/params';
import { layersParam } from './layersParam';
import { registerGradientsInNode } from './gradients';
import { defineExperiment } from './define';
import { initTf, TF_BACKENDS } from './tf';

const D = CONSOLIDATION_PRESETS.experiment;

/** The experiment's settings; bench/vaeSearch.ts searches over the same table. */
export const CONSOLIDATION_PARAMS = {
  episodes: intParam(D.episodes, 10, 9000, 'N, digits stored in the hippocampus'),
  replays: intParam(D.replays, 10, 100_000, 'R, noise-cued replays the VAE trains on'),
  latentSize: intParam(D.latentSize, 2, 20, 'L, latent dimensions of the VAE', { flag: 'latent' }),
  hidden: layersParam(D.hidden),
  epochs: intParam(D.epochs, 1, 500, 'E, passes over the replays'),
  batchSize: intParam(D.batchSize, 1, 4096, 'minibatch size', { flag: 'batch' }),
  learningRate: floatParam(D.learningRate, 1e-6, 10, 'Adam step size', { flag: 'lr' }),
  heldOut: intParam(D.heldOut, 20, 9990, 'digits kept aside for evaluation (never stored)'),
  labelled: intParam(D.labelled, 10, 9000, 'held-out digits labelled for the decoding read-out'),
  replaySteps: intParam(D.replaySteps, 1, 20, 'hippocampal updates per replay'),
  replayInhibition: floatParam(
    REPLAY_INHIBITION,
    0,
    1000,
    "lambda, replay's inhibition of return in logit units (0: the paper's plain replay)",
    { flag: 'inhibition' },
  ),
  seed: intParam(D.seed, 0, 2 ** 32 - 1, 'random seed'),
  backend: enumParam(TF_BACKENDS, 'wasm', 'tfjs backend'),
};

export const consolidationExperiment = defineExperiment({
  name: 'consolidation',
  describe: 'hippocampal replays train a VAE: per-epoch recon, KL, decoding; distortion; few-shot',
  params: CONSOLIDATION_PARAMS,
  async run(values, io) {
    const { backend: backendName, ...config } = values;
    if (config.labelled >= config.heldOut) {
      throw new UsageError(`--labelled must be below --held-out`);
    }
    const set = await loadMnistNode();
    if (config.episodes + config.heldOut > set.count) {
      throw new UsageError(
        `--episodes + --held-out must be at most ${set.count} (the digits we have)`,
      );
    }
    const backend = await initTf(backendName);
    await registerGradientsInNode();
    const { result, vae, session } = await runConsolidation(set, config, {
      log: (t) => io.err(t + '\n'),
    });
    let extras;
    try {
      const n = Math.min(SWEEP_TRACES, config.heldOut);
      const held = session.heldOut.images.slice(0, n * session.d);
      const ep = await predictEpisodes(vae, held, n);
      const probes = sweepProbes(n);
      extras = {
        boundaryExtension: (await boundaryExtension(vae, held, n)).map((p) => ({
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
      beta: HIPPOCAMPUS_BETA,
      betaEffective: hippocampusBeta(session.d),
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
});
