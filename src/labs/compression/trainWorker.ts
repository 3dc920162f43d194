/**
 * The training worker (./jobTrain): TensorFlow.js on WASM (the binaries the
 * build bundles: engine/wasmPaths; plain JavaScript where WebAssembly is
 * missing), loaded on its first job.
 */
import { runTrainJob } from './jobTrain';
import { startWorkerTf } from '../../engine/workerTf';
import { serve, workerEnv } from './workerScope';

let ready: Promise<string> | null = null;

const prepare = () => startWorkerTf(() => import('../../models/compression/registerGradients'));

serve(runTrainJob, { ...workerEnv, prepareTraining: () => (ready ??= prepare()) });
