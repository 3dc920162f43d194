/**
 * Trains the Consolidation lab's opening VAE with the app's own pipeline
 * (src/models/consolidation/consolidation.ts: encode, replay from noise, train on the
 * replays only), seeded, and writes it to public/models/ so the page opens
 * with a trained latent map.
 *
 *   npx tsx scripts/train-consolidation.ts [--epochs E] [--seed S]
 *
 * Same seed, same backend (wasm) -> the same weights.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initTf } from '../cli/tf';
import { loadMnistNode } from '../src/data/mnistNode';
import {
  CONSOLIDATION_DEFAULTS,
  runConsolidation,
} from '../src/models/consolidation/consolidation';
import { vaeToJson } from '../src/models/consolidation/vaeParams';
import {
  PRETRAINED_CONFIG,
  PRETRAINED_FILE,
} from '../src/models/consolidation/consolidationPretrained';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const config = {
  ...CONSOLIDATION_DEFAULTS,
  ...PRETRAINED_CONFIG,
  epochs: flag('epochs', PRETRAINED_CONFIG.epochs),
  seed: flag('seed', PRETRAINED_CONFIG.seed),
};
const backend = await initTf('wasm');
const set = await loadMnistNode();
const t0 = performance.now();
const { result, vae } = await runConsolidation(set, config, {
  log: (t) => process.stderr.write(t + '\n'),
});
const seconds = (performance.now() - t0) / 1000;
const weights = vaeToJson(await vae.getWeights());
vae.dispose();
const last = result.epochs[result.epochs.length - 1];
const file = fileURLToPath(new URL(`../public/${PRETRAINED_FILE}`, import.meta.url));
mkdirSync(fileURLToPath(new URL('../public/models/', import.meta.url)), { recursive: true });
const doc = {
  trainedBy: 'scripts/train-consolidation.ts',
  backend,
  pipeline: config,
  seconds: Math.round(seconds),
  final: last,
  replay: result.replay,
  prototypicalVarianceRatio: result.prototypicalVarianceRatio,
  vae: weights,
};
writeFileSync(file, JSON.stringify(doc));
process.stderr.write(`wrote ${file} in ${seconds.toFixed(1)} s\n`);
