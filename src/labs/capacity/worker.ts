/**
 * The Experiments lab's Web Worker on WebAssembly SIMD kernels or typed
 * arrays (no tfjs loaded): the page stays responsive while thousands of
 * recalls run here.
 */
import { loadSimd } from '../../kernels/simd';
import { simdEngine } from '../../models/experiments/batchSimd';
import { typedEngine } from '../../models/experiments/batchTyped';
import type { ToWorker } from './protocol';
import { createWorkerCore, messageChannelYield } from './workerCore';

const scope = self as unknown as {
  postMessage(msg: unknown): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const core = createWorkerCore({
  post: (msg) => scope.postMessage(msg),
  engine: async (choice) => {
    if (choice === 'typed-array') return { engine: typedEngine, notes: [] };
    const simd = choice === 'wasm-simd' ? await loadSimd() : null;
    if (simd) return { engine: simdEngine(simd), notes: [] };
    return {
      engine: typedEngine,
      notes: [
        choice === 'wasm-simd'
          ? 'This browser has no WebAssembly SIMD: running on typed arrays instead (same results, slower).'
          : 'this worker runs typed arrays only',
      ],
    };
  },
  now: () => performance.now(),
  yieldToLoop: messageChannelYield(),
});

scope.onmessage = (e) => void core.handle(e.data);
