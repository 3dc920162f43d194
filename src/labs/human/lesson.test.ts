import { describe, expect, it } from 'vitest';
import { eachStepMakesItsClaim, stateAfterLesson } from '../../testing/forLabs/lessonSteps';
import { mounted } from '../../testing/forLabs/mounted';
import { createRoundStorage, memoryStorage } from './gameStorage';
import { makeLab } from './lab';
import { HUMAN_LESSON, HUMAN_LESSONS } from './lesson';
import { inProcessWorker } from './simClient';

function lab(query = '') {
  return mounted(
    makeLab(query, {
      storage: createRoundStorage(memoryStorage()),
      makeWorker: inProcessWorker,
      debounceMs: 0,
      loop: { schedule: () => 0, cancel: () => {} },
    }),
  );
}

describe('the Human memory lesson', () => {
  eachStepMakesItsClaim(HUMAN_LESSON, lab, (ctx) => ctx.dispose());

  it('gives the visitor’s settings back', async () => {
    const ctx = lab('n=12&lists=200&seed=9');
    const s = await stateAfterLesson(ctx, '/human', HUMAN_LESSONS, ['serial', 2], () =>
      expect(ctx.store.getState().listLength).toBe(20),
    );
    expect([s.listLength, s.lists, s.seed]).toEqual([12, 200, 9]);
    ctx.dispose();
  });
});
