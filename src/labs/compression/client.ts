/**
 * The page's side of the lab's workers. Jobs go down lanes, one worker per
 * lane, made when first needed: a lane runs its jobs in turn, and
 * `cancel(lane)` stops it (a running job cannot be interrupted halfway, so
 * its worker is terminated and a fresh one takes the next job). Each lane
 * holds its own copy of the dataset, so a long job on one lane (brotli over
 * a large CSV) never holds up another (a hand-made query).
 *
 * Where there are no workers (Node tests) jobs run in-process after a
 * macrotask, through the same handler.
 */
import {
  inProcessWorker as inProcess,
  type WorkerLike as EngineWorkerLike,
} from '../../engine/worker';
import type { FromWorker, Job, JobEnv, JobKind, JobProgress, ResultOf, ToWorker } from './jobs';
import { runCodecJob } from './jobCodec';
import { runTrainJob } from './jobTrain';
import { runLightJob } from './lightJobs';
import { handleJob, type JobRunner } from './runJob';

export type Lane = 'data' | 'lossless' | 'lossy' | 'model' | 'recall' | 'query' | 'train' | 'curve';
export const LANES: readonly Lane[] = [
  'data',
  'lossless',
  'lossy',
  'model',
  'recall',
  'query',
  'train',
  'curve',
];

export type WorkerLike = EngineWorkerLike<ToWorker, FromWorker>;

/** Makes the worker of a lane. */
export type MakeWorker = (lane: Lane) => WorkerLike;

/** Every kind of job, for running them in-process. */
const runAnyJob: JobRunner = (job, env, progress) =>
  job.kind === 'lossless'
    ? runCodecJob(job, env, progress)
    : job.kind === 'train' || job.kind === 'curve'
      ? runTrainJob(job, env, progress)
      : runLightJob(job, env, progress);

/** A worker-shaped object that runs jobs on this thread (after a setTimeout 0). */
export function inProcessWorker(env: JobEnv): WorkerLike {
  return inProcess<ToWorker, FromWorker>((msg, post) => handleJob(msg, post, env, runAnyJob));
}

/**
 * Each lane's worker in the browser: brotli.js and TensorFlow.js each load
 * only in the worker that needs them (a literal URL per worker, so the
 * build bundles each one).
 */
export const makeBrowserWorker =
  (fallback: JobEnv): MakeWorker =>
  (lane) => {
    if (typeof Worker === 'undefined') return inProcessWorker(fallback);
    const w =
      lane === 'lossless'
        ? new Worker(new URL('./codecWorker.ts', import.meta.url), { type: 'module' })
        : lane === 'train' || lane === 'curve'
          ? new Worker(new URL('./trainWorker.ts', import.meta.url), { type: 'module' })
          : new Worker(new URL('./lightWorker.ts', import.meta.url), { type: 'module' });
    return w as unknown as WorkerLike;
  };

interface Task {
  id: number;
  job: Job;
  transfer: Transferable[];
  onProgress?: (p: JobProgress) => void;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: WorkerLike | null;
  running: Task | null;
  queue: Task[];
}

export class JobClient {
  private readonly slots = new Map<Lane, Slot>();
  private nextId = 1;

  constructor(private readonly make: MakeWorker) {}

  /**
   * Runs a job on a lane; resolves with its result, or with null when the
   * lane was cancelled first. `transfer`: buffers to hand over, not copy.
   */
  run<K extends JobKind>(
    lane: Lane,
    job: Extract<Job, { kind: K }>,
    onProgress?: (p: JobProgress) => void,
    transfer: Transferable[] = [],
  ): Promise<ResultOf<K> | null> {
    const slot = this.slot(lane);
    return new Promise((resolve, reject) => {
      slot.queue.push({
        id: this.nextId++,
        job,
        transfer,
        onProgress,
        resolve: resolve as (r: unknown) => void,
        reject,
      });
      this.pump(lane, slot);
    });
  }

  /** Whether a lane has a job running or waiting. */
  busy(lane: Lane): boolean {
    const s = this.slots.get(lane);
    return !!s && (s.running !== null || s.queue.length > 0);
  }

  /** Stops the lane's running job and drops its waiting ones (their promises resolve with null). */
  cancel(lane: Lane): void {
    const slot = this.slots.get(lane);
    if (!slot) return;
    const tasks = [...(slot.running ? [slot.running] : []), ...slot.queue];
    slot.queue = [];
    if (slot.running) {
      slot.running = null;
      this.drop(slot);
    }
    for (const t of tasks) t.resolve(null);
  }

  dispose(): void {
    for (const lane of this.slots.keys()) this.cancel(lane);
    for (const slot of this.slots.values()) this.drop(slot);
  }

  private slot(lane: Lane): Slot {
    let s = this.slots.get(lane);
    if (!s) {
      s = { worker: null, running: null, queue: [] };
      this.slots.set(lane, s);
    }
    return s;
  }

  private pump(lane: Lane, slot: Slot): void {
    if (slot.running || slot.queue.length === 0) return;
    const task = slot.queue.shift()!;
    slot.running = task;
    const w = (slot.worker ??= this.make(lane));
    const done = () => {
      slot.running = null;
      this.pump(lane, slot);
    };
    w.onmessage = ({ data }) => {
      if (slot.running?.id !== task.id || data.id !== task.id) return;
      if (data.type === 'progress') return task.onProgress?.(data.progress);
      if (data.type === 'result') task.resolve(data.result);
      else task.reject(new Error(data.message));
      done();
    };
    w.onerror = (e) => {
      if (slot.running?.id !== task.id) return;
      this.drop(slot);
      task.reject(new Error(e.message || 'the worker failed'));
      done();
    };
    w.postMessage({ id: task.id, job: task.job }, task.transfer);
  }

  private drop(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = null;
  }
}
