/**
 * The Classic lab's learning worker: Storkey, Krauth-Mezard and unlearning
 * at 64 x 64 take seconds, here instead of on the page (learnJob.ts); and
 * the checkerboard demo (demoClient.ts). One job at a time; the page
 * terminates the worker to drop a stale one.
 */
import { UNPACED } from '../../core/pace';
import { DEMO_SETTINGS, demoSetup, runDemoPaced } from './checkerboard';
import type { DemoJob, FromDemoWorker } from './demoClient';
import { learnPart, transferables, type FromLearnWorker, type LearnJob } from './learnJob';

const scope = self as unknown as {
  postMessage(msg: FromLearnWorker | FromDemoWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((e: MessageEvent<LearnJob | DemoJob>) => void) | null;
};

/** Progress at most every 100 ms (and at the end). */
function throttled(id: number): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    const now = performance.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    scope.postMessage({ id, type: 'progress', fraction });
  };
}

async function demo(job: DemoJob): Promise<void> {
  const setup = demoSetup(job.seed, DEMO_SETTINGS[job.setting]);
  await runDemoPaced(
    setup,
    job.seed,
    UNPACED,
    (run) => scope.postMessage({ id: job.id, type: 'run', run }),
    throttled(job.id),
  );
  scope.postMessage({ id: job.id, type: 'done' });
}

scope.onmessage = (e) => {
  const job = e.data;
  const fail = (err: unknown) =>
    scope.postMessage({
      id: job.id,
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
    });
  if ('type' in job && job.type === 'demo') {
    demo(job).catch(fail);
    return;
  }
  try {
    const learned = learnPart(job as LearnJob, throttled(job.id));
    scope.postMessage({ id: job.id, type: 'done', learned }, transferables(learned));
  } catch (err) {
    fail(err);
  }
};
