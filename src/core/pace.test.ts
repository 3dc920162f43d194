import { describe, expect, it } from 'vitest';
import { UNPACED, budgetPace, inChunks } from './pace';

describe('budgetPace', () => {
  it('starts a job with one unit, grows at most to 2 k + 1, and settles on budget / (ms per unit)', () => {
    const pace = budgetPace({ budgetMs: 20, yield: () => Promise.resolve() });
    expect(pace.chunk('replay', 256)).toBe(1);
    pace.record('replay', 1, 0.5); // fast: the next chunk may only grow to 3
    expect(pace.chunk('replay', 256)).toBe(3);
    pace.record('replay', 3, 7.5); // 2.5 ms a unit now; running mean (0.5 + 2.5) / 2 = 1.5
    expect(pace.msPerUnit('replay')).toBeCloseTo(1.5);
    expect(pace.chunk('replay', 256)).toBe(7); // min(20 / 1.5 = 13, 2 * 3 + 1)
    for (let k = 0; k < 20; k++) pace.record('replay', 5, 20); // 4 ms a unit from now on
    expect(pace.chunk('replay', 256)).toBe(5);
    expect(pace.chunk('replay', 3)).toBe(3); // never above max
    // A unit slower than the budget still runs, one at a time.
    pace.record('train', 1, 80);
    expect(pace.chunk('train', 64)).toBe(1);
    // Jobs are timed apart.
    expect(pace.msPerUnit('other')).toBeNull();
    expect(pace.chunk('other', 10)).toBe(1);
  });

  it('pause() gives the thread back only once a slice of time has passed since the last time', async () => {
    let t = 0;
    let yields = 0;
    const pace = budgetPace({ budgetMs: 16, yield: async () => void yields++, now: () => t });
    await pace.pause(); // the first pause always yields
    expect(yields).toBe(1);
    t += 5;
    await pace.pause(); // 5 ms < 8 ms: go on in the same task
    expect(yields).toBe(1);
    t += 4;
    await pace.pause();
    expect(yields).toBe(2);
  });

  it('UNPACED runs a job in chunks of its largest size and never waits', async () => {
    const sizes: number[] = [];
    await inChunks(UNPACED, 'rows', 1100, 512, (_, count) => void sizes.push(count));
    expect(sizes).toEqual([512, 512, 76]);
    expect(UNPACED.chunk('any', Infinity)).toBe(Infinity);
  });
});
