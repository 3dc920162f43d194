/**
 * The search behind the consolidation defaults (docs/consolidation.md): one
 * run of the pipeline (src/models/consolidation/session.ts: store, replay
 * from noise, train the VAE on the replays only) with the given settings,
 * then the few-shot comparison, latents against pixels, for each read-out
 * and for the logistic read-out on z-scored latents (the app does not z-score),
 * averaged over `--repeats` draws of the labelled digits. One JSON line.
 *
 *   npx tsx bench/vaeSearch.ts --hidden 512,256 --latent 20 --epochs 20 [--episodes 3000 ...]
 */
import { registerGradientsInNode } from '../cli/gradients';
import { CONSOLIDATION_PARAMS } from '../cli/consolidation';
import { initTf } from '../cli/tf';
import { floatParam, intParam } from '../src/core/params';
import { parseArgs } from '../src/core/paramArgs';
import { loadMnistNode } from '../src/data/mnistNode';
import { fewShotOnHeldOut } from '../src/models/consolidation/consolidationEval';
import { CONSOLIDATION_PRESETS } from '../src/models/consolidation/sessionConfig';
import { runConsolidation } from '../src/models/consolidation/pipeline';

const D = CONSOLIDATION_PRESETS.experiment;
// The consolidation experiment's own settings (same flags, ranges and
// defaults), less its backend (the search runs on WASM), plus the search's.
const { backend, ...CLI_PARAMS } = CONSOLIDATION_PARAMS;
const FLAGS = {
  ...CLI_PARAMS,
  klWeight: floatParam(D.klWeight ?? 1, 0, 10, 'beta, the KL weight', { flag: 'kl' }),
  repeats: intParam(10, 1, 100, 'draws of the labelled digits'),
};

const { repeats, ...flags } = parseArgs(FLAGS, process.argv.slice(2));
const config = { ...D, ...flags };
await initTf('wasm');
await registerGradientsInNode();
const t0 = performance.now();
const { result, vae, session } = await runConsolidation(await loadMnistNode(), config);
const seconds = (performance.now() - t0) / 1000;
const sizes = [10, 30, 100];
const r2 = (v: number) => Math.round(v * 1000) / 1000;
const table = async (opts: Parameters<typeof fewShotOnHeldOut>[4]) =>
  (
    await fewShotOnHeldOut(vae, session.heldOut, session.seeds.fewShot, sizes, { repeats, ...opts })
  ).map((p) => `${p.readout[0]}${p.n}:${r2(p.latent)}/${r2(p.pixels)}`);
const last = result.epochs[result.epochs.length - 1];
const line = {
  config: `${config.episodes}ep ${config.replays}r ${[784, ...config.hidden, config.latentSize].join('-')} e${config.epochs} b${config.batchSize} lr${config.learningRate} kl${config.klWeight}`,
  seconds: Math.round(seconds),
  decoding: r2(last.decodingAccuracy),
  recon: Math.round(last.reconError),
  kl: r2(last.kl),
  coverage: r2(result.replay.coverage),
  protoRatio: r2(result.prototypicalVarianceRatio),
  // Both read-outs as the app runs them (no z-scoring), then logistic on z-scored latents.
  readouts: await table({}),
  zscoredLogistic: await table({
    readouts: ['logistic'],
    readout: { latent: { standardise: true } },
  }),
};
process.stdout.write(JSON.stringify(line) + '\n');
vae.dispose();
process.exit(0);
