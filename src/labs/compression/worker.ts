/**
 * The Compression lab's Web Worker: runs the jobs of ./jobs one at a time.
 * Training here uses tfjs on WASM (loaded on the first training job, with
 * the binaries the build bundles: engine/wasmPaths), so the page's thread
 * keeps only what stays under a frame.
 */
import { decodeMnist } from '../../data/mnist';
import type { FromWorker, JobEnv, ToWorker } from './jobs';
import { handleJob } from './runJob';

const scope = self as unknown as {
  postMessage(msg: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let training: Promise<string> | null = null;

const env: JobEnv = {
  now: () => performance.now(),
  prepareTraining: () =>
    (training ??= (async () => {
      const [tf, { configureWasm }] = await Promise.all([
        import('@tensorflow/tfjs-core'),
        import('../../engine/wasmPaths'),
        import('@tensorflow/tfjs-backend-wasm'),
        import('../../models/compression/registerGradients'),
      ]);
      configureWasm();
      if (!(await tf.setBackend('wasm').catch(() => false))) {
        await import('@tensorflow/tfjs-backend-cpu'); // no WebAssembly here: plain JavaScript
        await tf.setBackend('cpu');
      }
      await tf.ready();
      return tf.getBackend();
    })()),
  loadDigits: async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the digits (${url}) could not be loaded (HTTP ${res.status})`);
    return decodeMnist(new Uint8Array(await res.arrayBuffer()));
  },
};

scope.onmessage = (e) =>
  void handleJob(e.data, (m, transfer) => scope.postMessage(m, transfer), env);
