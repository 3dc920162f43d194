import { describe, expect, it } from 'vitest';
import { HopfieldRunner } from './runner';
import { createHopfieldStore } from './store';
import { TOUR } from './walkthrough';

describe('the guided tour', () => {
  it('shows what each step says it shows', () => {
    const store = createHopfieldStore();
    const frames: (() => void)[] = [];
    const runner = new HopfieldRunner(store, {
      schedule: (cb) => frames.push(cb),
      cancel: () => {},
    });
    const ctx = { store, runner };
    for (const step of TOUR) {
      step.setUp(ctx);
      for (let i = 0; i < 5000 && frames.length; i++) frames.shift()!();
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
