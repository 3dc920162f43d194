/**
 * The page's side of the learning worker (learnWorker.ts): one job at a
 * time, progress as it goes, and cancel() terminates the worker so a stale
 * job (the visitor changed the patterns or the rule meanwhile) stops at once
 * and never answers. Where there is no Worker (Node, tests) there is no
 * client: the runner then learns synchronously, with the same result.
 */
import type { LearnOptions, Network, Rule } from '../../models/classic/hopfield';
import type { PatternMatrix } from '../../core/pattern';
import { networkFrom, type FromLearnWorker, type LearnJob } from './learnJob';

export interface LearnTask {
  promise: Promise<Network>;
  cancel(): void;
}

export interface Learner {
  learn(
    rule: Rule,
    x: PatternMatrix,
    opts: LearnOptions,
    progress: (fraction: number) => void,
  ): LearnTask;
  dispose(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('learning was cancelled');
  }
}

/** A client on a fresh worker per job after a cancel; null where Workers do not exist. */
export function createWorkerLearner(
  makeWorker: () => Worker = () =>
    new Worker(new URL('./learnWorker.ts', import.meta.url), { type: 'module' }),
): Learner | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let nextId = 1;
  const drop = () => {
    worker?.terminate();
    worker = null;
  };
  return {
    learn(rule, x, opts, progress) {
      const id = nextId++;
      const w = (worker ??= makeWorker());
      let settle: ((e: Error | null, net?: Network) => void) | null = null;
      const promise = new Promise<Network>((resolve, reject) => {
        settle = (e, net) => {
          settle = null;
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
          if (e) reject(e);
          else resolve(net!);
        };
      });
      const onMessage = (e: MessageEvent<FromLearnWorker>) => {
        const msg = e.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') progress(msg.fraction);
        else if (msg.type === 'error') settle?.(new Error(msg.message));
        else {
          try {
            settle?.(null, networkFrom(rule, x, opts, msg.learned));
          } catch (err) {
            settle?.(err as Error);
          }
        }
      };
      const onError = (e: ErrorEvent) => {
        drop();
        settle?.(new Error(`the learning worker failed: ${e.message || 'unknown error'}`));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const { progress: _, ...plain } = opts;
      void _;
      const job: LearnJob = { id, rule, n: x.n, d: x.d, data: x.data.slice(), opts: plain };
      w.postMessage(job, [job.data.buffer]);
      return {
        promise,
        cancel: () => {
          if (!settle) return;
          if (worker === w) drop();
          settle(new CancelledError());
        },
      };
    },
    dispose: drop,
  };
}
