/**
 * The whole consolidation pipeline in one go (the CLI's `consolidation`
 * experiment, scripts/train-consolidation.ts, the benchmarks, tests): a
 * session (./session) encoded, replayed and trained to the end, evaluated
 * after every epoch, then distortion and few-shot.
 */
import { disposePatterns } from '../modern/modernHopfield';
import type { DigitSource } from './consolidation';
import type { EpochEvaluation } from './consolidationEval';
import type { FewShotPoint } from './fewShot';
import { expectedCoverage, type ReplayResult } from './replay';
import { createConsolidationSession, type ConsolidationSession } from './session';
import type { ConsolidationConfig } from './sessionConfig';
import type { Vae } from './vae';
import type { EpochStats } from './vaeTrain';

export interface EpochRecord extends EpochEvaluation {
  readonly epoch: number;
  /** Training loss terms on the replays over the epoch (nats). */
  readonly trainLoss: number;
}

export interface ConsolidationResult {
  readonly config: ConsolidationConfig;
  readonly replay: {
    readonly distinct: number;
    readonly coverage: number;
    readonly expectedCoverage: number;
    readonly exact: number;
  };
  readonly epochs: EpochRecord[];
  readonly prototypicalVarianceRatio: number;
  readonly perClassVarianceRatio: number[];
  readonly fewShot: FewShotPoint[];
  readonly timings: {
    readonly replayMs: number;
    readonly trainMs: number;
    readonly samplesPerSecond: number;
  };
}

export interface PipelineHooks {
  onEpoch?(record: EpochRecord): void;
  log?(text: string): void;
}

/** One epoch's record: its training loss and the held-out measurements after it. */
export function epochRecord(stats: EpochStats, ev: EpochEvaluation): EpochRecord {
  return { epoch: stats.epoch, trainLoss: stats.loss, ...ev };
}

/**
 * Runs a session to the end: encode, replay, train (evaluating after every
 * epoch), distortion and few-shot. Returns the trained VAE (the caller
 * disposes it) and the session (its held-out digits, for more measurements).
 */
export async function runConsolidation(
  src: DigitSource,
  config: ConsolidationConfig,
  hooks: PipelineHooks = {},
): Promise<{ result: ConsolidationResult; vae: Vae; session: ConsolidationSession }> {
  const session = createConsolidationSession(src, config);
  const t0 = performance.now();
  const memory = session.encode();
  let rep: ReplayResult;
  try {
    let progress = await session.replay(memory);
    while (!progress.result) progress = await session.replay(memory);
    rep = progress.result;
  } finally {
    disposePatterns(memory);
  }
  const replayMs = performance.now() - t0;
  hooks.log?.(
    `replayed ${config.replays} from ${config.episodes} episodes: coverage ${rep.coverage.toFixed(3)} in ${replayMs.toFixed(0)} ms`,
  );
  const vae = session.createVae();
  try {
    const trainer = session.trainer(vae);
    const epochs: EpochRecord[] = [];
    let trainMs = 0;
    let mark = performance.now();
    while (trainer.epochsDone < config.epochs) {
      const stats = await trainer.train(Infinity);
      if (!stats) continue;
      trainMs += performance.now() - mark;
      const ev = await session.evaluate(vae);
      const record = epochRecord(stats, ev);
      epochs.push(record);
      hooks.onEpoch?.(record);
      hooks.log?.(
        `epoch ${stats.epoch}: recon ${ev.reconError.toFixed(1)} kl ${ev.kl.toFixed(2)} decoding ${ev.decodingAccuracy.toFixed(3)}`,
      );
      mark = performance.now();
    }
    const distortion = await session.distortion(vae);
    const fewShot = await session.fewShot(vae);
    const result: ConsolidationResult = {
      config,
      replay: {
        distinct: rep.distinct,
        coverage: rep.coverage,
        expectedCoverage: expectedCoverage(config.episodes, config.replays),
        exact: rep.exact,
      },
      epochs,
      prototypicalVarianceRatio: distortion.ratio,
      perClassVarianceRatio: Array.from(distortion.perClassRatio),
      fewShot,
      timings: {
        replayMs,
        trainMs,
        samplesPerSecond: trainMs > 0 ? (config.replays * config.epochs * 1000) / trainMs : 0,
      },
    };
    return { result, vae, session };
  } catch (e) {
    vae.dispose();
    throw e;
  }
}
