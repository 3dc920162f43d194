import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../models/compression/registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCodecs } from '../../../cli/compress';
import { decodeMnist } from '../../data/mnist';
import { LessonRun } from '../../engine/lessons';
import { inProcessWorker } from './client';
import type { JobEnv } from './jobs';
import { makeLab } from './lab';
import { COMPRESSION_LESSON, COMPRESSION_LESSONS } from './lesson';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const env: JobEnv = {
  now: () => performance.now(),
  prepareTraining: async () => tf.getBackend(),
  loadDigits: async (url) => decodeMnist(new Uint8Array(await (await fetch(url)).arrayBuffer())),
  codecs: nodeCodecs,
};

function lab(query = '') {
  const l = makeLab(query, {
    makeWorker: () => inProcessWorker(env),
    backend: async () => 'CPU',
    download: () => {},
    debounceMs: 0,
    forceMode: 'page',
  });
  l.start!();
  return l;
}

describe('the Compression lesson', () => {
  COMPRESSION_LESSON.steps.forEach((step, i) => {
    it(`step ${i + 1}, ${step.title}: ${step.claim?.says}`, async () => {
      const ctx = lab();
      await step.setUp(ctx);
      expect(step.claim!.check(ctx)).toBeNull();
      ctx.dispose();
    });
  });

  it('gives the visitor’s settings back', async () => {
    const ctx = lab('bits=32&records=1500');
    const run = new LessonRun(ctx, '/compression', COMPRESSION_LESSONS, false);
    await run.open('compression', 0);
    expect(ctx.store.getState().bits).toBe(16);
    await run.end();
    const s = ctx.store.getState();
    expect([s.bits, s.records]).toEqual([32, 1500]);
    ctx.dispose();
  });
});
