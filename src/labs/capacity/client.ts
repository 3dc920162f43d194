/**
 * The page's side of the experiment worker: starts runs, passes the worker's
 * messages on, cancels. A cancel asks the worker first (it stops between two
 * events and frees what it holds); a worker that does not answer within
 * `graceMs` (a long step in progress) is terminated and replaced, which
 * frees everything it held. One worker per engine, made on first use.
 */
import type { WorkerLike as EngineWorkerLike } from '../../engine/worker';
import type { ExperimentName } from '../../models/experiments/registry';
import type { EngineChoice, FromWorker, ToWorker } from './protocol';

export type WorkerLike = EngineWorkerLike<ToWorker, FromWorker>;

export type MakeWorker = (engine: EngineChoice) => WorkerLike;

export const makeBrowserWorker: MakeWorker = (engine) =>
  (engine === 'tfjs'
    ? new Worker(new URL('./tensorWorker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./worker.ts', import.meta.url), {
        type: 'module',
      })) as unknown as WorkerLike;

export class ExperimentClient {
  private readonly workers = new Map<EngineChoice, WorkerLike>();
  private nextId = 1;
  private active: { id: number; engine: EngineChoice; onMessage: (m: FromWorker) => void } | null =
    null;
  private killTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly make: MakeWorker = makeBrowserWorker,
    private readonly graceMs = 1000,
  ) {}

  /** Starts a run (cancelling any other); onMessage gets this run's messages only. */
  run(
    experiment: ExperimentName,
    params: Record<string, string>,
    engine: EngineChoice,
    onMessage: (m: FromWorker) => void,
  ): number {
    if (this.active) this.cancel();
    const id = this.nextId++;
    this.active = { id, engine, onMessage };
    this.worker(engine).postMessage({ type: 'run', id, experiment, params, engine });
    return id;
  }

  /** Stops the active run; its onMessage gets one 'cancelled'. */
  cancel(): void {
    const run = this.active;
    if (!run) return;
    this.worker(run.engine).postMessage({ type: 'cancel', id: run.id });
    this.clearKill();
    this.killTimer = setTimeout(() => {
      if (this.active?.id !== run.id) return;
      this.kill(run.engine);
      this.finish(run.id, { type: 'cancelled', id: run.id });
    }, this.graceMs);
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** Terminates every worker (on leaving the lab). */
  dispose(): void {
    this.clearKill();
    this.active = null;
    for (const engine of [...this.workers.keys()]) this.kill(engine);
  }

  private worker(engine: EngineChoice): WorkerLike {
    let w = this.workers.get(engine);
    if (w) return w;
    w = this.make(engine);
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => {
      const run = this.active;
      if (run?.engine !== engine) return;
      this.kill(engine);
      this.finish(run.id, {
        type: 'error',
        id: run.id,
        message: `the experiment worker stopped: ${e.message ?? 'unknown error'}`,
      });
    };
    this.workers.set(engine, w);
    return w;
  }

  private receive(msg: FromWorker): void {
    const run = this.active;
    if (!run || msg.id !== run.id) return; // a late message from a cancelled run
    if (msg.type === 'done' || msg.type === 'cancelled' || msg.type === 'error')
      this.finish(run.id, msg);
    else run.onMessage(msg);
  }

  private finish(id: number, msg: FromWorker): void {
    const run = this.active;
    if (!run || run.id !== id) return;
    this.clearKill();
    this.active = null;
    run.onMessage(msg);
  }

  private kill(engine: EngineChoice): void {
    this.workers.get(engine)?.terminate();
    this.workers.delete(engine);
  }

  private clearKill(): void {
    if (this.killTimer !== null) clearTimeout(this.killTimer);
    this.killTimer = null;
  }
}
