/**
 * The Consolidation lab's training worker (./trainJob): TensorFlow.js on
 * WASM (the binaries the build bundles: engine/wasmPaths; plain JavaScript
 * where WebAssembly is missing) with every gradient registered, loaded on
 * the first job. The page's thread only receives the progress and, at each
 * epoch's end, the weights.
 */
import { startWorkerTf } from '../../engine/workerTf';
import { trainJobHandler, transferOf, type FromTrainWorker, type ToTrainWorker } from './trainJob';

let ready: Promise<void> | null = null;

const prepare = async (): Promise<void> => {
  await startWorkerTf(() => import('../../models/consolidation/registerGradients'));
};

const scope = self as unknown as {
  postMessage(msg: FromTrainWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToTrainWorker>) => void) | null;
};

const turn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const handle = trainJobHandler(
  (m) => scope.postMessage(m, transferOf(m)),
  { now: () => performance.now(), turn },
  () => (ready ??= prepare()),
);
scope.onmessage = (e) => handle(e.data);
