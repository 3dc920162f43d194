/**
 * The Experiments lab's Web Worker with TensorFlow.js: the same experiments,
 * each step a tensor product. A worker has no page to draw on, so WebGL is
 * out, and on this kind of machine WebGPU is a software renderer; the worker
 * starts WASM (threads off, see engine/wasmPaths) and falls back to the
 * plain-JS CPU backend, and says which one runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { configureWasm } from '../../engine/wasmPaths';
import { tensorEngine } from '../../models/experiments/batchTensor';
import type { ToWorker } from './protocol';
import { createWorkerCore, messageChannelYield } from './workerCore';

const scope = self as unknown as {
  postMessage(msg: unknown): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let started: Promise<string[]> | null = null;

async function startTf(): Promise<string[]> {
  const notes: string[] = [];
  try {
    configureWasm();
    if (!(await tf.setBackend('wasm'))) throw new Error('it did not initialise');
    await tf.ready();
    return notes;
  } catch (e) {
    notes.push(
      `WASM did not start in the worker (${e instanceof Error ? e.message : String(e)}); using the CPU backend.`,
    );
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return notes;
}

const core = createWorkerCore({
  post: (msg) => scope.postMessage(msg),
  engine: async () => {
    const notes = await (started ??= startTf());
    return { engine: tensorEngine(), notes };
  },
  now: () => performance.now(),
  yieldToLoop: messageChannelYield(),
});

scope.onmessage = (e) => void core.handle(e.data);
