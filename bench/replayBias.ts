/**
 * What the hippocampus' replays do to a 2-latent VAE (docs/consolidation.md,
 * "The replays"): one run of the pipeline's replay (src/models/consolidation/
 * session.ts, the experiment preset), its per-digit counts, coverage and the
 * most replays of one episode, the stored episodes' mean norm per digit,
 * then a VAE trained on one of these training sets, measured on the held-out
 * digits every 5 epochs (the session's decoding read-out):
 *
 *   replays   the replays themselves (what the app trains on)
 *   distinct  the episodes the replay reached, each as often (R images)
 *   episodes  every stored episode, in turn (R images; not replays)
 *
 *   npx tsx bench/replayBias.ts --train replays [--inhibition 0] [--steps 2] [--replays 6000] [--epochs 20]
 *
 * One JSON line per measurement on stdout.
 */
import { registerGradientsInNode } from '../cli/gradients';
import { initTf } from '../cli/tf';
import { enumParam, floatParam, intParam } from '../src/core/params';
import { parseArgs } from '../src/core/paramArgs';
import { loadMnistNode } from '../src/data/mnistNode';
import { REPLAY_INHIBITION } from '../src/models/consolidation/replay';
import { createConsolidationSession } from '../src/models/consolidation/session';
import { CONSOLIDATION_PRESETS } from '../src/models/consolidation/sessionConfig';
import { MinibatchTrainer } from '../src/models/consolidation/vaeTrain';
import { disposePatterns } from '../src/models/modern/modernHopfield';

const D = CONSOLIDATION_PRESETS.experiment;
const FLAGS = {
  train: enumParam(['replays', 'distinct', 'episodes'] as const, 'replays', 'training set'),
  replayInhibition: floatParam(REPLAY_INHIBITION, 0, 1000, 'lambda', { flag: 'inhibition' }),
  replaySteps: intParam(D.replaySteps, 1, 20, 'MHN updates per replay', { flag: 'steps' }),
  replays: intParam(D.replays, 10, 100_000, 'R'),
  epochs: intParam(D.epochs, 1, 500, 'E'),
  latentSize: intParam(2, 2, 20, 'L', { flag: 'latent' }),
};
const { train, ...flags } = parseArgs(FLAGS, process.argv.slice(2));
const config = { ...D, ...flags };
const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
await initTf('wasm');
await registerGradientsInNode();
const session = createConsolidationSession(await loadMnistNode(), config);
const { images, labels, n, d } = session.episodes;
const memory = session.encode();
let progress = await session.replay(memory);
while (!progress.result) progress = await session.replay(memory);
disposePatterns(memory);
const rep = progress.result;

const perDigit = () => new Array<number>(10).fill(0);
const stored = perDigit();
const replayed = perDigit();
const norm = perDigit();
for (let i = 0; i < n; i++) {
  stored[labels[i]]++;
  let s = 0;
  for (let j = 0; j < d; j++) s += images[i * d + j] ** 2;
  norm[labels[i]] += Math.sqrt(s);
}
const times = new Map<number, number>();
for (const e of rep.episode) {
  replayed[labels[e]]++;
  times.set(e, (times.get(e) ?? 0) + 1);
}
out({
  config: { ...flags },
  stored,
  replayed,
  meanNorm: norm.map((v, c) => Math.round((100 * v) / stored[c]) / 100),
  coverage: rep.coverage,
  exact: rep.exact,
  mostReplaysOfOneEpisode: Math.max(...times.values()),
});

const R = config.replays;
let data: Float32Array;
if (train === 'replays') {
  data = session.trainingSpec().data;
} else {
  const ids = train === 'distinct' ? [...times.keys()] : Array.from({ length: n }, (_, i) => i);
  data = new Float32Array(R * d);
  for (let r = 0; r < R; r++) {
    const e = ids[r % ids.length];
    for (let j = 0; j < d; j++) data[r * d + j] = (images[e * d + j] + 1) / 2;
  }
}
const vae = session.createVae();
const trainer = new MinibatchTrainer(vae, data, data.length / d, {
  batchSize: config.batchSize,
  seed: session.seeds.order,
});
while (trainer.epochsDone < config.epochs) {
  const stats = await trainer.train(Infinity);
  if (!stats || (stats.epoch % 5 !== 0 && stats.epoch !== config.epochs)) continue;
  const ev = await session.evaluate(vae);
  out({ train, epoch: stats.epoch, recon: ev.reconError, decoding: ev.decodingAccuracy });
}
vae.dispose();
process.exit(0);
