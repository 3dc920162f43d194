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
import { disposePatterns } from '../src/models/modern/modernHopfield';
import { createConsolidationSession } from '../src/models/consolidation/session';
import { CONSOLIDATION_PRESETS, TRAIN_CHUNK } from '../src/models/consolidation/sessionConfig';
import { timeVaeTraining, type VaeThroughput } from '../bench/vaeWorkload';
import { benchFlags } from './benchFlags';
import { registerGradientsInNode } from './gradients';
import { initTf, type TfBackend } from './tf';
import { isMain } from './isMain';

/** The page's settings (the session's `page` preset). */
const PAGE = CONSOLIDATION_PRESETS.page;

/** VAE training throughput on a tfjs backend in Node. */
export async function benchVaeTraining(
  backend: TfBackend,
  opts: { budgetMs?: number } = {},
): Promise<VaeThroughput> {
  await initTf(backend);
  await registerGradientsInNode();
  return timeVaeTraining({ budgetMs: opts.budgetMs ?? 1500 });
}

export interface LiveRun {
  backend: string;
  /** the page's defaults (CONSOLIDATION_PRESETS.page) */
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
  /** of which the training batches alone (between epoch ends), ms */
  trainMs: number;
  /** samples / trainMs */
  samplesPerSecond: number;
  /** held-out semantic decoding accuracy after the last epoch */
  decodingAccuracy: number;
  reconError: number;
}

/**
 * A live "Train from scratch" as the page runs it (ConsolidationRunner), on
 * the same session with the page's default settings and seed: the episodes
 * stored and replayed (untimed), then timed: a fresh VAE, its first
 * evaluation and map, and TRAIN_CHUNK minibatches at a time with a yield
 * after each, with the held-out evaluation and the map (two encodeMeans,
 * as the runner's epoch end and map refresh do) after every epoch. What
 * Node leaves out is the page's rendering.
 */
export async function benchLiveRun(backend: TfBackend = 'wasm'): Promise<LiveRun> {
  const name = await initTf(backend);
  await registerGradientsInNode();
  const session = createConsolidationSession(await loadMnistNode(), PAGE);
  const { heldOut } = session;
  const t0 = performance.now();
  const memory = session.encode();
  try {
    while (!(await session.replay(memory)).result);
  } finally {
    disposePatterns(memory);
  }
  const replayMs = performance.now() - t0;

  const start = performance.now();
  const vae = session.createVae();
  try {
    const refresh = async () => {
      const ev = await session.evaluate(vae);
      await vae.encodeMeans(heldOut.images, heldOut.n);
      return ev;
    };
    let last = await refresh();
    let trainMs = 0;
    let mark = performance.now();
    const trainer = session.trainer(vae);
    while (trainer.epochsDone < PAGE.epochs) {
      const epochEnded = await trainer.train(TRAIN_CHUNK);
      await new Promise((r) => setTimeout(r, 0));
      if (!epochEnded) continue;
      trainMs += performance.now() - mark;
      last = await refresh();
      mark = performance.now();
    }
    const totalMs = performance.now() - start;
    const samples = PAGE.replays * PAGE.epochs;
    return {
      backend: name,
      episodes: PAGE.episodes,
      replays: PAGE.replays,
      epochs: PAGE.epochs,
      batchSize: PAGE.batchSize,
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

/** The page's default run length in samples (replays x epochs). */
export function pageDefaultSamples(): { replays: number; epochs: number; samples: number } {
  return { replays: PAGE.replays, epochs: PAGE.epochs, samples: PAGE.replays * PAGE.epochs };
}

if (isMain(import.meta.url)) {
  console.log = console.error;
  const { args, budgetMs, backends } = benchFlags(process.argv.slice(2));
  const result: Record<string, unknown> = {};
  for (const be of backends) {
    result[be] = await benchVaeTraining(be, { budgetMs });
  }
  if (args.includes('--live')) result.live = await benchLiveRun('wasm');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  // tfjs wasm keeps Node alive with its worker pool; the work is done.
  process.exit(0);
}
