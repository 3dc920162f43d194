import { describe, expect, it } from 'vitest';
import {
  chooseMode,
  predictStepMs,
  runChunks,
  stepsPerChunk,
  timeLeft,
  type StepTiming,
} from './chunks';

/** A clock that moves only when a step says so. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/**
 * Runs `count` steps of `ms` each on a fake clock with a 25 ms budget (each
 * step awaited when `async`); the chunk sizes, the pauses and the run.
 */
async function steps(count: number, ms: number, async = false) {
  const clock = fakeClock();
  let left = count;
  let pauses = 0;
  const sizes: number[] = [];
  const step = () => {
    clock.advance(ms);
    return --left > 0;
  };
  const run = await runChunks({
    step: async ? () => Promise.resolve().then(step) : step,
    cancelled: () => false,
    pause: async () => void pauses++,
    now: clock.now,
    budgetMs: 25,
    onChunk: (n) => sizes.push(n),
  });
  return { sizes, pauses, run };
}

describe('the chunk scheduler', () => {
  it('fills each chunk up to the budget and pauses between chunks', async () => {
    const { sizes, pauses, run } = await steps(20, 6);
    // 6 ms a step: a chunk takes 4 steps (24 ms), a fifth would end at 30 ms > 25.
    expect(sizes).toEqual([4, 4, 4, 4, 4]);
    expect(run).toEqual({ chunks: 5, steps: 20, longestMs: 24, cancelled: false });
    expect(pauses).toBe(4); // none after the last chunk
  });

  it('takes one step per chunk when a step alone fills the budget', async () => {
    const { sizes, run } = await steps(3, 40);
    expect(sizes).toEqual([1, 1, 1]);
    expect(run.longestMs).toBe(40);
  });

  it('stops before the next chunk once cancelled, and counts what ran', async () => {
    const clock = fakeClock();
    let steps = 0;
    let stop = false;
    const run = await runChunks({
      step: () => {
        clock.advance(10);
        steps++;
        return true;
      },
      cancelled: () => stop,
      pause: async () => void (stop = steps >= 4),
      now: clock.now,
      budgetMs: 25,
    });
    expect(run.cancelled).toBe(true);
    expect(run.steps).toBe(steps);
    expect(steps).toBe(4); // chunks of 2 steps (20 ms, a third would end at 30 ms)
  });

  it('waits for an async step (a tensor read back) and counts its time in the chunk', async () => {
    // the read-back finishes 10 ms after the step starts
    const { sizes, run } = await steps(6, 10, true);
    expect(sizes).toEqual([2, 2, 2]);
    expect(run).toEqual({ chunks: 3, steps: 6, longestMs: 20, cancelled: false });
  });

  it('sizes chunks from the step time and estimates time left from its own pace', () => {
    expect(stepsPerChunk(6, 25)).toBe(4);
    expect(stepsPerChunk(80, 25)).toBe(1);
    expect(stepsPerChunk(0, 25)).toBe(1);
    expect(timeLeft(2000, 10, 30)).toBeCloseTo(4, 12); // 200 ms a step, 20 steps to go
    expect(timeLeft(0, 0, 30)).toBeNull();
  });
});

describe('page or worker', () => {
  it('predicts a step of the real batch on the line through two small ones', () => {
    // 2 ms + 0.25 ms a record: 4 ms at 8 records, 10 ms at 32, 18 ms at 64
    expect(predictStepMs([8, 4], [32, 10], 64)).toBeCloseTo(18, 12);
    expect(predictStepMs([8, 4], [32, 10], 32)).toBe(10);
    expect(predictStepMs([8, 4], [32, 10], 8)).toBe(4);
    // noise can make the larger batch faster: never predict below what was measured
    expect(predictStepMs([8, 6], [32, 5], 128)).toBe(6);
    const c = chooseMode(
      {
        ...fast,
        probes: [
          [8, 4],
          [32, 10],
        ],
      },
      2000,
      'WASM',
    );
    expect(c.reason).toContain('steps of 8 and 32 records took 4.0 ms and 10 ms');
  });

  const fast: StepTiming = { setupMs: 5, inputMsPerRecord: 0.001, firstStepMs: 90, stepMs: 12 };

  it('trains on the page when a step and the set-up both stay under 50 ms', () => {
    const c = chooseMode(fast, 2000, 'WebGL');
    expect(c.mode).toBe('page');
    expect(c.stepsPerChunk).toBe(2);
    expect(c.predictedSetupMs).toBeCloseTo(5 + 2 * 0.001 * 2000, 12);
    expect(c.reason).toContain('WebGL');
  });

  it('moves to a worker when one step is a long task', () => {
    const c = chooseMode({ ...fast, stepMs: 70 }, 2000, 'CPU');
    expect(c.mode).toBe('worker');
    expect(c.reason).toMatch(/about 70 ms on CPU.*Web Worker/);
  });

  it('moves to a worker when setting up all the records would be one long task', () => {
    const c = chooseMode(fast, 100_000, 'WebGL');
    expect(c.predictedSetupMs).toBeGreaterThan(50);
    expect(c.mode).toBe('worker');
  });
});
