/**
 * TensorFlow.js inside a lab's Web Worker: WASM (the binaries the build
 * bundles, engine/wasmPaths), plain JavaScript where WebAssembly is missing.
 * `extras` loads what the worker's models need beside the backend (their
 * gradients, registered once on this worker's copy of tfjs-core), in parallel
 * with it. Resolves to the backend's name once it is ready.
 */
export async function startWorkerTf(extras: () => Promise<unknown>): Promise<string> {
  const [tf, { configureWasm }] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('./wasmPaths'),
    extras(),
  ]);
  configureWasm();
  if (!(await tf.setBackend('wasm').catch(() => false))) {
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
  }
  await tf.ready();
  return tf.getBackend();
}
