/**
 * The training worker (./jobTrain): TensorFlow.js on WASM (the binaries the
 * build bundles: engine/wasmPaths; plain JavaScript where WebAssembly is
 * missing), loaded on its first job.
 */
import { runTrainJob } from './jobTrain';
import { serve, workerEnv } from './workerScope';

let ready: Promise<string> | null = null;

async function prepare(): Promise<string> {
  const [tf, { configureWasm }] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('../../engine/wasmPaths'),
    import('../../models/compression/registerGradients'),
  ]);
  configureWasm();
  if (!(await tf.setBackend('wasm').catch(() => false))) {
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
  }
  await tf.ready();
  return tf.getBackend();
}

serve(runTrainJob, { ...workerEnv, prepareTraining: () => (ready ??= prepare()) });
