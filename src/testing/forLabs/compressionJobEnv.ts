/**
 * The Compression lab's jobs run in the test's own process (labs/compression
 * client's inProcessWorker): digits read with fetch, training on whatever
 * tfjs backend the test set, and Node's zlib for the codecs, which gives the
 * browser codecs' bytes exactly (lossless.test.ts) and much sooner.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nodeCodecs } from '../../../cli/compress';
import { decodeMnist } from '../../data/mnist';
import type { JobEnv } from '../../labs/compression/jobs';

export const NODE_JOB_ENV: JobEnv = {
  now: () => performance.now(),
  prepareTraining: async () => tf.getBackend(),
  loadDigits: async (url) => decodeMnist(new Uint8Array(await (await fetch(url)).arrayBuffer())),
  codecs: nodeCodecs,
};
