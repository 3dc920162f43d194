import { describe, expect, it } from 'vitest';
import { LessonRun } from '../../engine/lessons';
import { createRoundStorage, memoryStorage } from './gameStorage';
import { makeLab } from './lab';
import { HUMAN_LESSON, HUMAN_LESSONS } from './lesson';
import { inProcessWorker } from './simClient';

function lab(query = '') {
  const l = makeLab(query, {
    storage: createRoundStorage(memoryStorage()),
    makeWorker: inProcessWorker,
    debounceMs: 0,
    loop: { schedule: () => 0, cancel: () => {} },
  });
  l.start!();
  return l;
}

describe('the Human memory lesson', () => {
  HUMAN_LESSON.steps.forEach((step, i) => {
    it(`step ${i + 1}, ${step.title}: ${step.claim?.says}`, async () => {
      const ctx = lab();
      await step.setUp(ctx);
      expect(step.claim!.check(ctx)).toBeNull();
      ctx.dispose();
    });
  });

  it('gives the visitor’s settings back', async () => {
    const ctx = lab('n=12&lists=200&seed=9');
    const run = new LessonRun(ctx, '/human', HUMAN_LESSONS, false);
    await run.open('serial', 2);
    expect(ctx.store.getState().listLength).toBe(20);
    await run.end();
    const s = ctx.store.getState();
    expect([s.listLength, s.lists, s.seed]).toEqual([12, 200, 9]);
    ctx.dispose();
  });
});
