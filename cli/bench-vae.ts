/**
 * Speed of training the Consolidation lab's VAE in Node.
 *
 *   npx tsx cli/bench-vae.ts [cpu] [wasm] [--live] [--budget-ms 1500]
 *
 * prints one JSON document: per backend, the training throughput (samples
 * per second: batch size / median time of one training batch, after
 * warm-up; bench/vaeWorkload.ts), and with --live a whole "Train from
 * scratch" run with the page's default settings on wasm (benchLiveRun).
 * The bench/ harness imports both.
 */
import { loadMnistNode } from '../src/data/mnistNode';
// eslint-disable-next-line no-restricted-imports -- until the consolidation pipeline's constants move into models (issue 9, item 6)
import { HELD_OUT, LABELLED } from '../src/labs/consolidation/runner';
// eslint-disable-next-line no-restricted-imports -- as above
import { initialState } from '../src/labs/consolidation/store';
import {
  CONSOLIDATION_DEFAULTS,
  encodeEpisodes,
  evaluateVae,
  gatherDigits,
  pipelineSeeds,
  replay,
  splitDigits,
} from '../src/models/consolidation/consolidation';
import { PRETRAINED_CONFIG } from '../src/models/consolidation/consolidationPretrained';
import { disposePatterns } from '../src/models/modern/modernHopfield';
import {
  createVae,
  mixSeed,
  trainEpochs,
  unitFromBipolarRange,
} from '../src/models/consolidation/vae';
import { timeVaeTraining, VAE_INPUT, VAE_LATENT, type VaeThroughput } from '../bench/vaeWorkload';
import { initTf, type TfBackend } from './tf';
import { isMain } from './isMain';

/** VAE training throughput on a tfjs backend in Node. */
export async function benchVaeTraining(
  backend: TfBackend,
  opts: { budgetMs?: number } = {},
): Promise<VaeThroughput> {
  await initTf(backend);
  return timeVaeTraining({ budgetMs: opts.budgetMs ?? 1500 });
}

export interface LiveRun {
  backend: string;
  /** the page's defaults (src/labs/consolidation/store.ts initialState) */
  episodes: number;
  replays: number;
  epochs: number;
  batchSize: number;
  /** held-out digits evaluated and mapped after every epoch */
  heldOut: number;
  /** replays x epochs */
  samples: number;
  /** making the replays (step 2 on the page; not part of the run), ms */
  replayMs: number;
  /** "Train from scratch" to the last epoch: training, evaluation, map, yields; ms */
  totalMs: number;
  /** of which the training batches alone (trainEpochs between onEpoch calls), ms */
  trainMs: number;
  /** samples / trainMs */
  samplesPerSecond: number;
  /** held-out semantic decoding accuracy after the last epoch */
  decodingAccuracy: number;
  reconError: number;
}

/**
 * A live "Train from scratch" as the page runs it (ConsolidationRunner:
 * trainFromScratch then resume), with the page's default settings and seed:
 * the episodes stored and replayed as on the page (untimed), then timed: a
 * fresh VAE, its first evaluation and map, and trainEpochs (yieldEvery 2)
 * with the held-out evaluation and the map (two encodeMeans, as the
 * runner's onEpoch and refreshMap do) after every epoch. What Node leaves
 * out is the page's rendering.
 */
export async function benchLiveRun(backend: TfBackend = 'wasm'): Promise<LiveRun> {
  const name = await initTf(backend);
  const s = initialState();
  const c = CONSOLIDATION_DEFAULTS;
  const seeds = pipelineSeeds(s.seed);
  const set = await loadMnistNode();
  const split = splitDigits(set.count, s.episodes, HELD_OUT, seeds.split);
  // The runner's heldOutIndices: never among the opening VAE's episodes.
  const heldOutIdx = splitDigits(
    set.count,
    Math.max(s.episodes, PRETRAINED_CONFIG.episodes),
    HELD_OUT,
    seeds.split,
  ).heldOut;
  const heldOut = gatherDigits(set, heldOutIdx, 'unit');
  const episodes = gatherDigits(set, split.episodes, 'bipolar');
  const t0 = performance.now();
  const memory = encodeEpisodes(episodes);
  let replays: Float32Array;
  try {
    const r = await replay(memory, {
      count: s.replays,
      seed: seeds.cues,
      steps: c.replaySteps,
      batch: 200,
    });
    replays = r.replays;
  } finally {
    disposePatterns(memory);
  }
  const data = unitFromBipolarRange(replays);
  const replayMs = performance.now() - t0;

  const start = performance.now();
  const vae = createVae({
    inputSize: VAE_INPUT,
    hiddenSize: c.hiddenSize,
    latentSize: VAE_LATENT,
    seed: seeds.vae,
    learningRate: c.learningRate,
  });
  try {
    const refresh = async () => {
      const ev = await evaluateVae(vae, heldOut, LABELLED);
      await vae.encodeMeans(heldOut.images, heldOut.n);
      return ev;
    };
    let last = await refresh();
    let trainMs = 0;
    let mark = performance.now();
    await trainEpochs(vae, data, s.replays, {
      epochs: s.epochs,
      batchSize: c.batchSize,
      seed: mixSeed(seeds.order, 0),
      yieldEvery: 2,
      onEpoch: async () => {
        trainMs += performance.now() - mark;
        last = await refresh();
        mark = performance.now();
      },
    });
    const totalMs = performance.now() - start;
    const samples = s.replays * s.epochs;
    return {
      backend: name,
      episodes: s.episodes,
      replays: s.replays,
      epochs: s.epochs,
      batchSize: c.batchSize,
      heldOut: heldOut.n,
      samples,
      replayMs,
      totalMs,
      trainMs,
      samplesPerSecond: (samples * 1000) / trainMs,
      decodingAccuracy: last.decodingAccuracy,
      reconError: last.reconError,
    };
  } finally {
    vae.dispose();
  }
}

/** The page's default run length in samples (replays x epochs), from its store. */
export function pageDefaultSamples(): { replays: number; epochs: number; samples: number } {
  const s = initialState();
  return { replays: s.replays, epochs: s.epochs, samples: s.replays * s.epochs };
}

if (isMain(import.meta.url)) {
  console.log = console.error;
  const args = process.argv.slice(2);
  const k = args.indexOf('--budget-ms');
  const budgetMs = k >= 0 ? Number(args[k + 1]) : 1500;
  const backends = args.filter((a): a is TfBackend => a === 'cpu' || a === 'wasm');
  const result: Record<string, unknown> = {};
  for (const be of backends.length ? backends : (['wasm', 'cpu'] as TfBackend[])) {
    result[be] = await benchVaeTraining(be, { budgetMs });
  }
  if (args.includes('--live')) result.live = await benchLiveRun('wasm');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  // tfjs wasm keeps Node alive with its worker pool; the work is done.
  process.exit(0);
}
