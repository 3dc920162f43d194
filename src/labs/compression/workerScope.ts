/**
 * What the lab's three workers share: the environment a job runs in (the
 * clock, the digits from the page's own origin) and the message loop.
 */
import { decodeMnist } from '../../data/mnist';
import type { FromWorker, JobEnv, ToWorker } from './jobs';
import { handleJob, type JobRunner } from './runJob';

export const workerEnv: JobEnv = {
  now: () => performance.now(),
  prepareTraining: () => Promise.reject(new Error('this worker does not train')),
  loadDigits: async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the digits (${url}) could not be loaded (HTTP ${res.status})`);
    return decodeMnist(new Uint8Array(await res.arrayBuffer()));
  },
};

/** Answers every message with `run`, one job at a time in arrival order. */
export function serve(run: JobRunner, env: JobEnv = workerEnv): void {
  const scope = self as unknown as {
    postMessage(msg: FromWorker, transfer?: Transferable[]): void;
    onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  };
  let queue = Promise.resolve();
  scope.onmessage = (e) => {
    queue = queue.then(() =>
      handleJob(e.data, (m, transfer) => scope.postMessage(m, transfer), env, run),
    );
  };
}
