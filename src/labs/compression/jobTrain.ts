/**
 * Training jobs, for a worker: the whole training of the page's model when
 * one step is too slow for the page's thread (./training decides), and the
 * autoencoder's extra points at other K for the rate-distortion curve
 * (src/models/compression/pipeline's compressDataset and autoencoderPoint,
 * as `--curve-bits` does on the command line). The worker brings tfjs up on
 * WASM first (env.prepareTraining).
 */
import { AutoencoderTrainer, type TrainProgress } from '../../models/compression/autoencoder';
import type { Precision } from '../../models/compression/model';
import { autoencoderPoint, compressDataset } from '../../models/compression/pipeline';
import { datasetOf } from './jobData';
import type { JobRunner } from './runJob';
import type {
  CurveResult,
  DataSpec,
  JobEnv,
  JobProgress,
  TrainOptions,
  TrainProgressMsg,
  TrainResult,
} from './jobs';

/** How often a worker reports training progress, ms. */
const REPORT_MS = 100;

export const progressMsg = (p: TrainProgress): TrainProgressMsg => ({
  steps: p.steps,
  totalSteps: p.totalSteps,
  epoch: p.epoch,
  epochs: p.epochs,
  loss: p.loss,
  epochLoss: p.epochLoss,
});

/** A worker's progress report for one training step. */
const jobProgress = (p: TrainProgress): JobProgress => ({
  done: p.steps,
  total: p.totalSteps,
  train: progressMsg(p),
});

/** Median and largest of step times (ms), or null with none. */
export function stepStats(times: readonly number[]): { median: number; max: number } | null {
  if (times.length === 0) return null;
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], max: sorted[sorted.length - 1] };
}

/**
 * A job's training progress, passed on at most once every REPORT_MS and
 * always for the last step, so the page's progress bar ends full.
 */
function throttled(env: JobEnv, progress: (p: JobProgress) => void): (p: TrainProgress) => void {
  let last = env.now();
  return (p) => {
    const now = env.now();
    if (now - last <= REPORT_MS && !p.done) return;
    last = now;
    progress(jobProgress(p));
  };
}

/** What both training jobs start from: the training backend up, then the records. */
async function prepared(spec: DataSpec, env: JobEnv) {
  const backend = await env.prepareTraining();
  return { backend, ...(await datasetOf(spec, env)) };
}

export async function train(
  spec: DataSpec,
  options: TrainOptions,
  env: JobEnv,
  progress: (p: JobProgress) => void,
): Promise<TrainResult> {
  const { backend, dataset, norm } = await prepared(spec, env);
  const trainer = new AutoencoderTrainer(dataset.table, norm, options);
  const report = throttled(env, progress);
  const times: number[] = [];
  try {
    let t = env.now();
    while (!trainer.progress.done) {
      const p = await trainer.step();
      const now = env.now();
      if (p.steps > 1) times.push(now - t); // the first step includes set-up
      t = now;
      report(p);
    }
    return {
      kind: 'train',
      weights: await trainer.weights(),
      progress: progressMsg(trainer.progress),
      stepMs: stepStats(times),
      backend,
    };
  } finally {
    trainer.dispose();
  }
}

export async function curve(
  spec: DataSpec,
  options: TrainOptions,
  precision: Precision,
  env: JobEnv,
  progress: (p: JobProgress) => void,
): Promise<CurveResult> {
  const { backend, dataset } = await prepared(spec, env);
  const c = await compressDataset(dataset, {
    ...options,
    precision,
    onTrain: throttled(env, progress),
  });
  return { kind: 'curve', point: autoencoderPoint(c), backend };
}

export const runTrainJob: JobRunner = (job, env, progress) => {
  if (job.kind === 'train') return train(job.spec, job.options, env, progress);
  if (job.kind === 'curve') return curve(job.spec, job.options, job.precision, env, progress);
  throw new Error(`the training worker does not run ${job.kind} jobs`);
};
