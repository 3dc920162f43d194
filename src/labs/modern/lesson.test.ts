import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNPACED } from '../../core/pace';
import { loadMnistNode } from '../../data/mnistNode';
import type { MnistSet } from '../../data/mnist';
import { memoryKeyValue } from '../../engine/idb';
import { eachStepMakesItsClaim, stateAfterLesson } from '../../testing/forLabs/lessonSteps';
import type { LabContext } from './commands';
import { CompareSweep } from './compare';
import { MODERN_LESSON, MODERN_LESSONS } from './lesson';
import { OwnImages } from './ownImages';
import { ModernRunner } from './runner';
import { createModernStore, type ModernState } from './store';

let set: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  set = await loadMnistNode();
});

/** The lab on the real 10,000 digits, its first store and retrieval done. */
async function lab(init: Partial<ModernState> = {}): Promise<LabContext> {
  const store = createModernStore(init);
  const runner = new ModernRunner(store);
  runner.set = set;
  store.setState({ status: 'ready' });
  await runner.restore();
  const images = new OwnImages(store, { kv: memoryKeyValue(), pace: UNPACED });
  return { store, runner, sweep: new CompareSweep(store), images };
}

describe('the Modern lesson, on the real digits', () => {
  eachStepMakesItsClaim(MODERN_LESSON, lab, (ctx) => {
    ctx.sweep.dispose();
    ctx.runner.dispose();
  });

  it('gives the visitor’s settings back', async () => {
    const ctx = await lab({ k: 200, beta: 3, region: 'top', compareK: 50 });
    const s = await stateAfterLesson(ctx, '/modern', MODERN_LESSONS, ['regimes', 2], () =>
      expect(ctx.store.getState().stored).toHaveLength(1000),
    );
    expect([s.k, s.beta, s.region, s.compareK]).toEqual([200, 3, 'top', 50]);
    expect(s.stored).toHaveLength(200);
    ctx.runner.dispose();
  });
});
