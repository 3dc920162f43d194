/**
 * The Classic lab's learning worker: Storkey, Krauth-Mezard and unlearning
 * at 64 x 64 take seconds, here instead of on the page (learnJob.ts). One
 * job at a time; the page terminates the worker to drop a stale one.
 */
import { learnPart, transferables, type FromLearnWorker, type LearnJob } from './learnJob';

const scope = self as unknown as {
  postMessage(msg: FromLearnWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((e: MessageEvent<LearnJob>) => void) | null;
};

scope.onmessage = (e) => {
  const job = e.data;
  let last = 0;
  try {
    const learned = learnPart(job, (fraction) => {
      const now = performance.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      scope.postMessage({ id: job.id, type: 'progress', fraction });
    });
    scope.postMessage({ id: job.id, type: 'done', learned }, transferables(learned));
  } catch (err) {
    scope.postMessage({
      id: job.id,
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
