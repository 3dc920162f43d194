/**
 * The page's side of the training worker (./trainWorker, ./trainJob): the
 * live VAE trains there, off the page's thread, and the page receives its
 * progress and, at each epoch's end, its weights to rebuild the VAE on
 * screen from. Where there is no Worker (Node tests, old browsers)
 * `startWorkerTraining` gives null and the runner trains on the page in
 * chunks, as before.
 *
 * Conventions
 * - Messages wait in arrival order; next() gives the oldest (or waits).
 * - The cursor (epochsDone, position) is the worker's as of the last
 *   message read with next().
 * - dispose() terminates the worker: what it trained since its last
 *   `epoch` is dropped (the page keeps the VAE as of that epoch).
 */
import type { SerialisedVae } from '../../models/consolidation/vaeParams';
import type { EpochStats, MinibatchOptions } from '../../models/consolidation/vaeTrain';
import { trainJobHandler, type FromTrainWorker, type ToTrainWorker } from './trainJob';

export interface TrainWorkerLike {
  postMessage(msg: ToTrainWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: { data: FromTrainWorker }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export type TrainEvent =
  | { readonly type: 'progress' }
  | { readonly type: 'epoch'; readonly stats: EpochStats; readonly weights: SerialisedVae }
  | { readonly type: 'stopped' };

/** The worker in a browser, or null where there are none. */
export function browserTrainWorker(): TrainWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  const w = new Worker(new URL('./trainWorker.ts', import.meta.url), { type: 'module' });
  return w as unknown as TrainWorkerLike;
}

/** A worker-shaped object that runs the job on this thread (tests). */
export function inProcessTrainWorker(): TrainWorkerLike {
  let dead = false;
  const w: TrainWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(msg) {
      setTimeout(() => !dead && handle(msg), 0);
    },
    terminate() {
      dead = true;
    },
  };
  const handle = trainJobHandler((m) => !dead && w.onmessage?.({ data: m }), {
    now: () => performance.now(),
    turn: () => new Promise((r) => setTimeout(r, 0)),
  });
  return w;
}

export class WorkerTrainer {
  private readonly inbox: FromTrainWorker[] = [];
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;
  private done: number;
  private at = 0;

  constructor(
    private readonly worker: TrainWorkerLike,
    /** Replays the VAE trains on. */
    readonly n: number,
    fromEpoch: number,
  ) {
    this.done = fromEpoch;
    worker.onmessage = (e) => this.arrive(e.data);
    worker.onerror = (e) =>
      this.arrive({ type: 'failed', message: e.message ?? 'the training worker failed' });
  }

  private arrive(m: FromTrainWorker): void {
    this.inbox.push(m);
    this.waiting?.();
    this.waiting = null;
  }

  get epochsDone(): number {
    return this.done;
  }

  get position(): number {
    return this.at;
  }

  /** Trains on to `untilEpoch` completed epochs (also while running: a new target). */
  run(untilEpoch: number): void {
    this.worker.postMessage({ type: 'run', untilEpoch });
  }

  /** Asks the worker to stop before its next minibatch; a `stopped` event follows. */
  pause(): void {
    this.worker.postMessage({ type: 'pause' });
  }

  /** The next event from the worker; throws when it failed. */
  async next(): Promise<TrainEvent> {
    while (!this.inbox.length && !this.failure) {
      await new Promise<void>((r) => (this.waiting = r));
    }
    if (this.failure) throw this.failure;
    const m = this.inbox.shift()!;
    if (m.type === 'failed') {
      this.failure = new Error(m.message);
      throw this.failure;
    }
    this.done = m.epochsDone;
    this.at = m.position;
    return m.type === 'epoch' ? { type: 'epoch', stats: m.stats, weights: m.weights } : m;
  }

  dispose(): void {
    this.worker.terminate();
    this.failure ??= new Error('the training worker was stopped');
    this.waiting?.();
    this.waiting = null;
  }
}

/**
 * Starts training `weights` (as of `options.fromEpoch` epochs) on the
 * replays in a worker; null where there are no workers.
 */
export function startWorkerTraining(
  weights: SerialisedVae,
  spec: { data: Float32Array; n: number; options: MinibatchOptions },
  make: () => TrainWorkerLike | null = browserTrainWorker,
): WorkerTrainer | null {
  let worker: TrainWorkerLike | null;
  try {
    worker = make();
  } catch {
    worker = null;
  }
  if (!worker) return null;
  const trainer = new WorkerTrainer(worker, spec.n, spec.options.fromEpoch ?? 0);
  // The weights are copied (the page keeps its copy), and so are the replays.
  const copy = { ...weights, weights: weights.weights.slice() };
  worker.postMessage(
    { type: 'start', weights: copy, data: spec.data, n: spec.n, options: spec.options },
    [copy.weights.buffer],
  );
  return trainer;
}
