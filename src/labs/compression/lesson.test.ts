import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../models/compression/registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachStepMakesItsClaim, stateAfterLesson } from '../../testing/forLabs/lessonSteps';
import { inProcessWorker } from './client';
import { makeLab } from './lab';
import { COMPRESSION_LESSON, COMPRESSION_LESSONS } from './lesson';
import { NODE_JOB_ENV } from '../../testing/forLabs/compressionJobEnv';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function lab(query = '') {
  const l = makeLab(query, {
    makeWorker: () => inProcessWorker(NODE_JOB_ENV),
    backend: async () => 'CPU',
    download: () => {},
    debounceMs: 0,
    forceMode: 'page',
  });
  l.start!();
  return l;
}

describe('the Compression lesson', () => {
  eachStepMakesItsClaim(COMPRESSION_LESSON, lab, (ctx) => ctx.dispose());

  it('gives the visitor’s settings back', async () => {
    const ctx = lab('bits=32&records=1500');
    const s = await stateAfterLesson(
      ctx,
      '/compression',
      COMPRESSION_LESSONS,
      ['compression', 0],
      () => expect(ctx.store.getState().bits).toBe(16),
    );
    expect([s.bits, s.records]).toEqual([32, 1500]);
    ctx.dispose();
  });
});
