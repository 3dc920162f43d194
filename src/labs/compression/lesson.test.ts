import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../models/compression/registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachStepMakesItsClaim, stateAfterLesson } from '../../testing/forLabs/lessonSteps';
import { mounted } from '../../testing/forLabs/mounted';
import { inProcessWorker } from './client';
import { memoryKeyValue, type KeyValueStore } from '../../engine/idb';
import { runCommand } from '../../engine/commands';
import { until } from '../../testing/until';
import { COMMANDS } from './commands';
import { makeLab } from './lab';
import type { CompressionState } from './store';
import { COMPRESSION_LESSON, COMPRESSION_LESSONS } from './lesson';
import { NODE_JOB_ENV } from '../../testing/forLabs/compressionJobEnv';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function lab(query = '', kv: KeyValueStore = memoryKeyValue()) {
  return mounted(
    makeLab(query, {
      kv,
      makeWorker: () => inProcessWorker(NODE_JOB_ENV),
      backend: async () => 'CPU',
      download: () => {},
      debounceMs: 0,
      forceMode: 'page',
    }),
  );
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

  it('trains its own model without touching the one the visitor keeps, which comes back', async () => {
    const kv = memoryKeyValue();
    const small = 'records=1000&genes=50&bits=32&hidden=16&epochs=1&batch=250&queries=10';
    const ctx = lab(small, kv);
    const done = (st: CompressionState) =>
      st.compressed !== null && st.recall.status === 'done' && st.queryView.status === 'done';
    await until(ctx, (st) => st.data.status === 'done');
    runCommand(COMMANDS.train, ctx);
    await until(ctx, done);
    const mine = ctx.store.getState().compressed!;
    await until(ctx, () => kv.map.has('model'));
    const kept = structuredClone(kv.map.get('model'));
    const s = await stateAfterLesson(
      ctx,
      '/compression',
      COMPRESSION_LESSONS,
      ['compression', 1],
      () => expect(ctx.store.getState().compressed?.bits).toBe(16),
    );
    expect(s.bits).toBe(32);
    expect(kv.map.get('model')).toEqual(kept); // the lesson's 16-bit model was not kept
    await until(ctx, (st) => done(st) && st.compressed!.bits === 32);
    const back = ctx.store.getState().compressed!;
    expect(back.source).toBe('trained');
    expect(back.epochLoss).toEqual(mine.epochLoss);
    expect(back.archiveBytes).toBe(mine.archiveBytes);
    expect(ctx.store.getState().messages.at(-1)?.text).toMatch(/model from before .* is back/);
    ctx.dispose();
  });
});
