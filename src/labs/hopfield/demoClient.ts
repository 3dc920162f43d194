/**
 * The checkerboard demo in the learning worker (learnWorker.ts): Storkey
 * learns 151 patterns of 2500 units there and the four recalls run there
 * too (a synchronous step is a pass over 6.25 M weights), so the page only
 * draws. Results are those of runDemoPaced on the page: the worker runs it,
 * unpaced. Where there is no Worker, the demo runs paced on the page.
 */
import { DEMO_SETTINGS, type DemoRun, type DemoSettingName } from './checkerboard';

export interface DemoJob {
  type: 'demo';
  id: number;
  seed: number;
  setting: DemoSettingName;
}

export type FromDemoWorker =
  | { id: number; type: 'run'; run: DemoRun }
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };

export interface DemoTask {
  promise: Promise<void>;
  cancel(): void;
}

let nextId = 1;

/** Runs the demo in a fresh worker (terminated at the end or on cancel); null where Workers do not exist. */
export function runDemoInWorker(
  seed: number,
  setting: DemoSettingName,
  onRun: (run: DemoRun) => void,
  progress: (fraction: number) => void,
): DemoTask | null {
  if (typeof Worker === 'undefined' || !(setting in DEMO_SETTINGS)) return null;
  const worker = new Worker(new URL('./learnWorker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  let finish: ((e: Error | null) => void) | null = null;
  const promise = new Promise<void>((resolve, reject) => {
    finish = (e) => {
      finish = null;
      worker.terminate();
      if (e) reject(e);
      else resolve();
    };
  });
  worker.onmessage = (e: MessageEvent<FromDemoWorker>) => {
    const msg = e.data;
    if (msg.id !== id) return;
    if (msg.type === 'run') onRun(msg.run);
    else if (msg.type === 'progress') progress(msg.fraction);
    else if (msg.type === 'done') finish?.(null);
    else finish?.(new Error(msg.message));
  };
  worker.onerror = (e) => finish?.(new Error(`the demo worker failed: ${e.message || 'unknown'}`));
  const job: DemoJob = { type: 'demo', id, seed, setting };
  worker.postMessage(job);
  return {
    promise,
    // A cancelled demo just stops: its promise stays pending, nothing more arrives.
    cancel: () => {
      finish = null;
      worker.terminate();
    },
  };
}
