/**
 * Making the Compression lab: the store from the link, the job workers, the
 * runner, the command context, and the lifecycle hooks (engine/lab) the page
 * runs. Nothing here needs React, so tests make the same lab.
 */
import { decodeParams } from '../../core/paramLink';
import { decodeMnist, mnistUrl } from '../../data/mnist';
import { BACKEND_LABEL } from '../../engine/backendPlan';
import { backendReady } from '../../engine/backendStore';
import { tableLinkAndKeys } from '../../engine/labLink';
import { downloadBlob } from '../../engine/download';
import type { KeyValueStore } from '../../engine/idb';
import type { LabLifecycle } from '../../engine/lab';
import { say } from '../../engine/messages';
import { JobClient, makeBrowserWorker, type MakeWorker } from './client';
import type { TrainingMode } from './chunks';
import { COMMANDS, type CompressionCtx } from './commands';
import type { JobEnv } from './jobs';
import { crossCheck, PARAMS } from './params';
import { CompressionRunner } from './runner';
import { createCompressionStore, type CompressionState } from './store';

export type CompressionLab = CompressionCtx & LabLifecycle<CompressionState>;

export interface LabOptions {
  makeWorker?: MakeWorker;
  /** Makes the page's tfjs backend ready and names it (default: the app's backend). */
  backend?: () => Promise<string>;
  download?: (name: string, bytes: Uint8Array) => void;
  debounceMs?: number;
  forceMode?: TrainingMode;
  /** Where the model on screen is kept (default: this browser's IndexedDB, ./keep). */
  kv?: KeyValueStore;
}

/** Jobs on this thread where the browser has no workers: the page's own backend trains. */
const pageEnv: JobEnv = {
  now: () => performance.now(),
  prepareTraining: async () => (await import('@tensorflow/tfjs-core')).getBackend(),
  loadDigits: async (url) => decodeMnist(new Uint8Array(await (await fetch(url)).arrayBuffer())),
};

async function appBackend(): Promise<string> {
  const [info] = await Promise.all([
    backendReady(),
    import('../../models/compression/registerGradients'),
  ]);
  if (!info) throw new Error('no TensorFlow.js backend started, so nothing can be trained here');
  return BACKEND_LABEL[info.name];
}

const saveBytes = (name: string, bytes: Uint8Array) =>
  downloadBlob(
    name,
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );

export function makeLab(query: string, options: LabOptions = {}): CompressionLab {
  const { values, errors } = decodeParams(PARAMS, query);
  const { settings, notes } = crossCheck(values);
  const store = createCompressionStore(settings);
  for (const e of [...errors, ...notes]) say(store, 'warn', e, 'link');
  const runner = new CompressionRunner(store, {
    client: new JobClient(options.makeWorker ?? makeBrowserWorker(pageEnv)),
    training: {
      backend: options.backend ?? appBackend,
      now: () => performance.now(),
      forceMode: options.forceMode,
    },
    mnistUrl,
    download: options.download ?? saveBytes,
    debounceMs: options.debounceMs,
    kv: options.kv,
  });
  const ctx: CompressionCtx = { store, runner };
  return {
    ...ctx,
    path: '/compression',
    ...tableLinkAndKeys(PARAMS, COMMANDS, ctx),
    start: () => runner.start(),
    dispose: () => runner.dispose(),
  };
}
