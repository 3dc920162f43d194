import { describe, expect, it } from 'vitest';
import { typedEngine } from '../../models/experiments/batchTyped';
import { eachStepMakesItsClaim, stateAfterLesson } from '../../testing/forLabs/lessonSteps';
import { ExperimentClient, type WorkerLike } from './client';
import { makeLab } from './lab';
import { CAPACITY_LESSON, CAPACITY_LESSONS } from './lesson';
import { SessionKeeper } from './session';
import { createWorkerCore } from './workerCore';
import type { FromWorker, ToWorker } from './protocol';

/** The lab with its worker run in this process (the typed-array engine). */
function lab(query = '') {
  const client = new ExperimentClient(() => {
    const worker: WorkerLike = {
      postMessage: (m: ToWorker) => void core.handle(m),
      terminate: () => {},
      onmessage: null,
      onerror: null,
    };
    const core = createWorkerCore({
      post: (m: FromWorker) => worker.onmessage?.({ data: m }),
      engine: async () => ({ engine: typedEngine, notes: [] }),
      now: () => performance.now(),
      yieldToLoop: () => new Promise((r) => setTimeout(r, 0)),
      sliceMs: 20,
      flushMs: 0,
    });
    return worker;
  });
  return makeLab(query, client, new SessionKeeper());
}

describe('the Experiments lesson', () => {
  eachStepMakesItsClaim(CAPACITY_LESSON, lab);

  it('gives the visitor’s experiment, settings and results back', async () => {
    const ctx = lab('exp=dynamics&units=77');
    ctx.store.setState({ status: 'done', tables: { rows: [{ mine: 1 }] } });
    const s = await stateAfterLesson(ctx, '/capacity', CAPACITY_LESSONS, ['sweeps', 3], () =>
      expect(ctx.store.getState().experiment).toBe('noise'),
    );
    expect(s.experiment).toBe('dynamics');
    expect(s.texts.dynamics.units).toBe('77');
    expect(s.tables.rows).toEqual([{ mine: 1 }]);
    expect(s.status).toBe('done');
  });
});
