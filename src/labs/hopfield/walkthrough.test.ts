import { describe, expect, it } from 'vitest';
import { manualFrames } from '../../testing/frames';
import { HopfieldRunner } from './runner';
import { createHopfieldStore } from './store';
import { TOUR } from './walkthrough';

describe('the guided tour', () => {
  it('shows what each step says it shows', () => {
    const store = createHopfieldStore();
    const { loop, flush } = manualFrames();
    const runner = new HopfieldRunner(store, loop);
    runner.start();
    const ctx = { store, runner };
    for (const step of TOUR) {
      step.setUp(ctx);
      flush(5000);
      const s = store.getState();
      if (step.expect) {
        expect(s.phase, step.title).toBe('done');
        expect(step.expect, `${step.title}: got ${s.verdict?.outcome}`).toContain(
          s.verdict?.outcome,
        );
      }
    }
    expect(store.getState().patterns).toHaveLength(40);
  });
});
