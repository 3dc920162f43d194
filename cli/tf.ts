/**
 * TensorFlow.js in Node for the experiment runner. The browser app picks
 * WebGPU/WebGL; here only the pure-JS 'cpu' backend and the 'wasm' backend
 * are available (tfjs-node is not a dependency). Backends are imported on
 * demand, so a typed-array run never loads tfjs.
 */
import * as tf from '@tensorflow/tfjs-core';

export type TfBackend = 'cpu' | 'wasm';
export const TF_BACKENDS = ['cpu', 'wasm'] as const satisfies readonly TfBackend[];

/** Registers and starts the backend; returns its name as tfjs reports it. */
export async function initTf(name: TfBackend): Promise<string> {
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(name))) throw new Error(`the tfjs '${name}' backend failed to start`);
  await tf.ready();
  return tf.getBackend();
}
