/**
 * The Experiments lab's Web Worker on typed arrays (no tfjs loaded): the
 * page stays responsive while thousands of recalls run here.
 */
import { typedEngine } from '../../models/experiments/batchTyped';
import type { ToWorker } from './protocol';
import { createWorkerCore, messageChannelYield } from './workerCore';

const scope = self as unknown as {
  postMessage(msg: unknown): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const core = createWorkerCore({
  post: (msg) => scope.postMessage(msg),
  engine: async (choice) => ({
    engine: typedEngine,
    notes: choice === 'typed-array' ? [] : ['this worker runs typed arrays only'],
  }),
  now: () => performance.now(),
  yieldToLoop: messageChannelYield(),
});

scope.onmessage = (e) => void core.handle(e.data);
