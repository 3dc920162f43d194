/**
 * The page's side of the simulation worker. One lane per kind of job
 * (serial position, context, emotion, the game's model), each with its own
 * worker, so a slider that changes one picture does not wait for another.
 * A new job on a busy lane cancels the old one by terminating that worker
 * (a model run cannot be interrupted halfway); the next job starts a fresh
 * one. Where there are no workers (Node tests, very old browsers) jobs run
 * in-process after a macrotask.
 */
import { handleSim, type FromSim, type SimJob, type SimResult, type ToSim } from './simJobs';

export interface SimWorkerLike {
  postMessage(msg: ToSim): void;
  terminate(): void;
  onmessage: ((e: { data: FromSim }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export type MakeSimWorker = () => SimWorkerLike;

/** A worker-shaped object that runs jobs on this thread (after a setTimeout 0). */
export function inProcessWorker(): SimWorkerLike {
  let dead = false;
  const w: SimWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(msg) {
      setTimeout(() => {
        if (dead) return;
        handleSim(
          msg,
          (m) => !dead && w.onmessage?.({ data: m }),
          () => performance.now(),
        );
      }, 0);
    },
    terminate() {
      dead = true;
    },
  };
  return w;
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

export class SimLane {
  private worker: SimWorkerLike | null = null;
  private nextId = 1;
  private active: {
    id: number;
    resolve: (r: SimOutcome | null) => void;
    reject: (e: Error) => void;
  } | null = null;

  constructor(private readonly make: MakeSimWorker = makeBrowserSimWorker) {}

  /**
   * Runs a job; resolves with its result, or with null when a later job
   * (or cancel) replaced it. `onProgress` gets done/total between parts.
   */
  run(job: SimJob, onProgress?: (done: number, total: number) => void): Promise<SimOutcome | null> {
    this.cancel();
    const id = this.nextId++;
    const w = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.active = { id, resolve, reject };
      w.onmessage = ({ data }) => {
        if (data.id !== id || this.active?.id !== id) return;
        if (data.type === 'progress') return onProgress?.(data.done, data.total);
        this.active = null;
        if (data.type === 'result') resolve({ result: data.result, ms: data.ms });
        else reject(new Error(data.message));
      };
      w.onerror = (e) => {
        if (this.active?.id !== id) return;
        this.active = null;
        this.drop();
        reject(new Error(e.message ?? 'the simulation worker failed'));
      };
      w.postMessage({ id, job });
    });
  }

  get busy(): boolean {
    return this.active !== null;
  }

  /** Stops the running job (its promise resolves with null). */
  cancel(): void {
    const run = this.active;
    if (!run) return;
    this.active = null;
    this.drop();
    run.resolve(null);
  }

  dispose(): void {
    this.cancel();
    this.drop();
  }

  private ensureWorker(): SimWorkerLike {
    this.worker ??= this.make();
    return this.worker;
  }

  private drop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
