/**
 * Trains the Consolidation lab's opening VAE with the app's own pipeline
 * (the session of src/models/consolidation/session.ts: encode, replay from
 * noise, train on the replays only) and its `pretrained` preset, seeded, and
 * writes it to public/models/ so the page opens with a trained latent map.
 *
 *   npx tsx scripts/train-consolidation.ts [--epochs E] [--seed S] [--out FILE]
 *
 * Same seed, same backend (wasm) -> the same weights.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerGradientsInNode } from '../cli/gradients';
import { initTf } from '../cli/tf';
import { intParam, stringParam } from '../src/core/params';
import { parseArgs } from '../src/core/paramArgs';
import { loadMnistNode } from '../src/data/mnistNode';
import {
  PRETRAINED_FILE,
  type PretrainedDoc,
} from '../src/models/consolidation/consolidationPretrained';
import { CONSOLIDATION_PRESETS } from '../src/models/consolidation/sessionConfig';
import { runConsolidation } from '../src/models/consolidation/pipeline';
import { vaeToJson } from '../src/models/consolidation/vaeParams';

const P = CONSOLIDATION_PRESETS.pretrained;
const FLAGS = {
  epochs: intParam(P.epochs, 1, 500, 'passes over the replays'),
  seed: intParam(P.seed, 0, 2 ** 32 - 1, 'random seed'),
  out: stringParam(
    fileURLToPath(new URL(`../public/${PRETRAINED_FILE}`, import.meta.url)),
    'where to write the weights',
    1000,
  ),
};

const { out: file, ...flags } = parseArgs(FLAGS, process.argv.slice(2));
const config = { ...P, ...flags };
const backend = await initTf('wasm');
await registerGradientsInNode();
const set = await loadMnistNode();
const t0 = performance.now();
const { result, vae } = await runConsolidation(set, config, {
  log: (t) => process.stderr.write(t + '\n'),
});
const seconds = (performance.now() - t0) / 1000;
const weights = vaeToJson(await vae.getWeights());
vae.dispose();
const doc: PretrainedDoc = {
  trainedBy: 'scripts/train-consolidation.ts',
  backend,
  pipeline: config,
  seconds: Math.round(seconds),
  final: result.epochs[result.epochs.length - 1],
  replay: result.replay,
  prototypicalVarianceRatio: result.prototypicalVarianceRatio,
  vae: weights,
};
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(doc));
process.stderr.write(`wrote ${file} in ${seconds.toFixed(1)} s\n`);
// tfjs wasm keeps Node alive with its worker pool; the work is done.
process.exit(0);
