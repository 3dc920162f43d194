/**
 * The page's side of the simulation workers (SimPool below). Where there
 * are no workers (Node tests, very old browsers) jobs run in-process after
 * a macrotask.
 */
import { inProcessWorker as inProcess, type WorkerLike } from '../../engine/worker';
import {
  handleSim,
  type FromSim,
  type SimJob,
  type SimKind,
  type SimResult,
  type ToSim,
} from './simJobs';

export type SimWorkerLike = WorkerLike<ToSim, FromSim>;

export type MakeSimWorker = () => SimWorkerLike;

/** A worker-shaped object that runs jobs on this thread (after a setTimeout 0). */
export function inProcessWorker(): SimWorkerLike {
  return inProcess<ToSim, FromSim>((msg, post) => handleSim(msg, post, () => performance.now()));
}

export const makeBrowserSimWorker: MakeSimWorker = () =>
  typeof Worker === 'undefined'
    ? inProcessWorker()
    : (new Worker(new URL('./simWorker.ts', import.meta.url), {
        type: 'module',
      }) as unknown as SimWorkerLike);

export interface SimOutcome {
  result: SimResult;
  ms: number;
}

interface Task {
  kind: SimKind;
  /** given up (discard): its worker runs on, its messages are ignored */
  stale?: boolean;
  job: SimJob;
  onProgress?: (done: number, total: number) => void;
  resolve: (r: SimOutcome | null) => void;
  reject: (e: Error) => void;
}

/** One worker and the jobs waiting for it, run one at a time. */
interface Slot {
  worker: SimWorkerLike | null;
  running: (Task & { id: number }) | null;
  queue: Task[];
}

/**
 * Workers to use: one fewer than the cores, 1 to 4. The page's own thread
 * needs a core to stay responsive; on a two-core machine every job shares
 * one worker and runs in turn.
 */
export function defaultPoolSize(): number {
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)
    ?.hardwareConcurrency;
  return Math.min(4, Math.max(1, (cores ?? 2) - 1));
}

const KIND_ORDER: readonly SimKind[] = ['serial', 'context', 'emotion', 'game'];

/**
 * Runs jobs in a few workers. Each kind of job (one picture) has a fixed
 * worker; a worker runs its jobs in turn. A new job of a kind replaces that
 * kind's job: a waiting one is dropped, a running one is stopped by
 * terminating its worker (a model run cannot be interrupted halfway), and a
 * fresh worker takes the rest of the queue.
 */
export class SimPool {
  private readonly slots: Slot[];
  private nextId = 1;

  constructor(
    private readonly make: MakeSimWorker = makeBrowserSimWorker,
    size = defaultPoolSize(),
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({
      worker: null,
      running: null,
      queue: [],
    }));
  }

  /**
   * Runs a job of one kind; resolves with its result, or with null when a
   * later job of the same kind (or cancel) replaced it. `onProgress` gets
   * done/total between the job's parts.
   */
  run(
    kind: SimKind,
    job: SimJob,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SimOutcome | null> {
    this.cancel(kind);
    const slot = this.slotOf(kind);
    return new Promise((resolve, reject) => {
      slot.queue.push({ kind, job, onProgress, resolve, reject });
      this.pump(slot);
    });
  }

  /**
   * Gives up the job of this kind without stopping its worker: a waiting one
   * is dropped, a running one resolves with null now and its result will be
   * ignored. For a slider being dragged: the next run() stops the worker if
   * the job is still running then, so a drag restarts a worker once, not at
   * every step (a fresh worker loads and parses its script again).
   */
  discard(kind: SimKind): void {
    const slot = this.dropWaiting(kind);
    const run = slot.running;
    if (run?.kind !== kind || run.stale) return;
    run.stale = true;
    run.resolve(null);
  }

  /** Stops or drops the job of this kind (its promise resolves with null). */
  cancel(kind: SimKind): void {
    const slot = this.dropWaiting(kind);
    const run = slot.running;
    if (run?.kind !== kind) return;
    slot.running = null;
    this.drop(slot);
    run.resolve(null);
    this.pump(slot);
  }

  dispose(): void {
    for (const kind of KIND_ORDER) this.cancel(kind);
    for (const slot of this.slots) this.drop(slot);
  }

  /** Drops the waiting jobs of this kind (their promises resolve with null); returns its slot. */
  private dropWaiting(kind: SimKind): Slot {
    const slot = this.slotOf(kind);
    for (const t of slot.queue.filter((t) => t.kind === kind)) t.resolve(null);
    slot.queue = slot.queue.filter((t) => t.kind !== kind);
    return slot;
  }

  private slotOf(kind: SimKind): Slot {
    return this.slots[KIND_ORDER.indexOf(kind) % this.slots.length];
  }

  private pump(slot: Slot): void {
    if (slot.running || slot.queue.length === 0) return;
    const task = { ...slot.queue.shift()!, id: this.nextId++ };
    slot.running = task;
    const w = (slot.worker ??= this.make());
    const done = () => {
      slot.running = null;
      this.pump(slot);
    };
    w.onmessage = ({ data }) => {
      if (slot.running?.id !== task.id || data.id !== task.id) return;
      if (data.type === 'progress')
        return task.stale ? undefined : task.onProgress?.(data.done, data.total);
      if (task.stale) return done();
      if (data.type === 'result') task.resolve({ result: data.result, ms: data.ms });
      else task.reject(new Error(data.message));
      done();
    };
    w.onerror = (e) => {
      if (slot.running?.id !== task.id) return;
      this.drop(slot);
      if (!task.stale) task.reject(new Error(e.message ?? 'the simulation worker failed'));
      done();
    };
    w.postMessage({ id: task.id, job: task.job });
  }

  private drop(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = null;
  }
}
