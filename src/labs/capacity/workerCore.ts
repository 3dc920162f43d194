/**
 * What the Experiments worker does with a message, as a plain function so
 * that tests run it in Node: start an experiment, stream its rows and
 * progress back (gathered, at most every `flushMs`, 200 ms by default), stop it on 'cancel'.
 *
 * The experiment is an async generator; between its events the core gives
 * the event loop a turn every `sliceMs` (a macrotask), which is when a
 * 'cancel' message can arrive. Cancelling stops iterating, which runs the
 * generator's `finally` blocks: memories (tensors) are disposed there.
 * One run at a time: a new 'run' cancels the one before.
 */
import type { BatchEngine } from '../../models/experiments/batch';
import { experimentDef } from '../../models/experiments/registry';
import { readValues } from '../../models/experiments/params';
import type { Row } from '../../models/experiments/types';
import type { EngineChoice, FromWorker, ToWorker } from './protocol';

export interface WorkerDeps {
  post(msg: FromWorker): void;
  /** Makes the engine for a choice; may fall back (notes say why). */
  engine(choice: EngineChoice): Promise<{ engine: BatchEngine; notes: string[] }>;
  now(): number;
  /** Gives the event loop a turn (setTimeout 0 or a MessageChannel round trip). */
  yieldToLoop(): Promise<void>;
  sliceMs?: number;
  flushMs?: number;
}

export interface WorkerCore {
  handle(msg: ToWorker): Promise<void>;
  /** The run in progress, if any. */
  readonly running: number | null;
}

export function createWorkerCore(deps: WorkerDeps): WorkerCore {
  const sliceMs = deps.sliceMs ?? 8;
  const flushMs = deps.flushMs ?? 200;
  let current: { id: number; cancelled: boolean } | null = null;

  async function run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
    const me = { id: msg.id, cancelled: false };
    if (current) current.cancelled = true;
    current = me;
    const { post, now } = deps;
    const t0 = now();
    try {
      const def = experimentDef(msg.experiment);
      if (!def) throw new Error(`there is no experiment named '${msg.experiment}'`);
      const { values, errors } = readValues(def.params, msg.params);
      if (errors.length) throw new Error(errors.join('; '));
      const { engine, notes } = await deps.engine(msg.engine);
      post({ type: 'started', id: me.id, engine: engine.name, notes });
      let pending: { table: string; row: Row }[] = [];
      let progress: FromWorker | null = null;
      let lastFlush = now();
      let lastYield = now();
      const flush = () => {
        if (pending.length) post({ type: 'rows', id: me.id, rows: pending });
        if (progress) post(progress);
        pending = [];
        progress = null;
        lastFlush = now();
      };
      for await (const ev of def.run(values, engine)) {
        if (ev.kind === 'row') pending.push({ table: ev.table, row: ev.row });
        else if (ev.kind === 'note') post({ type: 'note', id: me.id, text: ev.text });
        else
          progress = {
            type: 'progress',
            id: me.id,
            done: ev.done,
            total: ev.total,
            elapsedMs: now() - t0,
          };
        if (now() - lastFlush >= flushMs) flush();
        if (now() - lastYield >= sliceMs) {
          await deps.yieldToLoop();
          lastYield = now();
        }
        if (me.cancelled) break; // runs the experiment's finally blocks
      }
      if (me.cancelled) {
        post({ type: 'cancelled', id: me.id });
        return;
      }
      flush();
      post({ type: 'done', id: me.id, elapsedMs: now() - t0 });
    } catch (e) {
      if (me.cancelled) post({ type: 'cancelled', id: me.id });
      else post({ type: 'error', id: me.id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (current === me) current = null;
    }
  }

  return {
    async handle(msg) {
      if (msg.type === 'cancel') {
        if (current && current.id === msg.id) current.cancelled = true;
        return;
      }
      await run(msg);
    },
    get running() {
      return current?.id ?? null;
    },
  };
}

/** A macrotask turn through a MessageChannel (not clamped like setTimeout). */
export function messageChannelYield(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((r) => setTimeout(r, 0));
  const ch = new MessageChannel();
  const waiting: (() => void)[] = [];
  ch.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      ch.port2.postMessage(0);
    });
}
