import { describe, expect, it } from 'vitest';
import { createRunLoop, type RunLoopOptions } from './runLoop';

/** A scheduler the test drives frame by frame, and a clock the steps advance. */
function harness(
  msPerStep = 0,
  opts: RunLoopOptions = {},
  result: (steps: number) => boolean | void = () => {},
) {
  const pending = new Map<number, () => void>();
  let nextId = 1;
  let clock = 0;
  const calls: number[] = [];
  const changes: boolean[] = [];
  const loop = createRunLoop(
    (n) => {
      calls.push(n);
      clock += n * msPerStep;
      return result(n);
    },
    {
      schedule: (cb) => {
        pending.set(nextId, cb);
        return nextId++;
      },
      cancel: (id) => pending.delete(id),
      now: () => clock,
      onChange: (p) => changes.push(p),
      ...opts,
    },
  );
  const frames = (k: number) => {
    for (let i = 0; i < k; i++) {
      const [id, cb] = [...pending][0] ?? [];
      if (id === undefined) return;
      pending.delete(id);
      cb!();
    }
  };
  return { loop, calls, changes, frames, pending };
}

describe('createRunLoop', () => {
  it('takes `speed` steps per frame while playing', () => {
    const h = harness(0, { speed: 3 });
    h.frames(2);
    expect(h.calls).toEqual([]);
    h.loop.play();
    expect(h.loop.playing).toBe(true);
    expect(h.changes).toEqual([true]);
    h.frames(3);
    expect(h.calls).toEqual([3, 3, 3]);
  });

  it('handles fractional speeds exactly', () => {
    const h = harness(0, { speed: 0.25 });
    h.loop.play();
    h.frames(12);
    expect(h.calls).toEqual([1, 1, 1]);
    const g = harness(0, { speed: 2.5 });
    g.loop.play();
    g.frames(4);
    expect(g.calls).toEqual([2, 3, 2, 3]);
  });

  it('stops calling advance on pause, and toggle flips', () => {
    const h = harness();
    h.loop.play();
    h.frames(2);
    h.loop.pause();
    expect(h.pending.size).toBe(0);
    h.frames(5);
    expect(h.calls).toEqual([1, 1]);
    h.loop.toggle();
    h.frames(1);
    h.loop.toggle();
    h.frames(1);
    expect(h.calls).toEqual([1, 1, 1]);
    expect(h.changes).toEqual([true, false, true, false]);
  });

  it('stepOnce calls advance(1) even when paused', () => {
    const h = harness(0, { speed: 10 });
    h.loop.stepOnce();
    h.loop.stepOnce();
    expect(h.calls).toEqual([1, 1]);
    expect(h.loop.playing).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('pauses when advance returns false', () => {
    let left = 3;
    const h = harness(0, {}, () => --left > 0);
    h.loop.play();
    h.frames(10);
    expect(h.calls).toEqual([1, 1, 1]);
    expect(h.loop.playing).toBe(false);
    expect(h.changes).toEqual([true, false]);
    expect(h.pending.size).toBe(0);
  });

  it('dispose cancels the pending frame and ignores later play', () => {
    const h = harness();
    h.loop.play();
    expect(h.pending.size).toBe(1);
    h.loop.dispose();
    expect(h.pending.size).toBe(0);
    h.loop.play();
    h.loop.stepOnce();
    h.frames(3);
    expect(h.calls).toEqual([]);
    expect(h.loop.playing).toBe(false);
  });

  it('setSpeed changes the rate and ignores nonsense', () => {
    const h = harness();
    h.loop.play();
    h.frames(1);
    h.loop.setSpeed(4);
    h.frames(1);
    h.loop.setSpeed(NaN);
    h.loop.setSpeed(-1);
    h.frames(1);
    h.loop.setSpeed(0);
    h.frames(3);
    expect(h.calls).toEqual([1, 4, 4]);
    expect(h.loop.speed).toBe(0);
    expect(h.loop.playing).toBe(true);
  });

  it('caps steps per frame when a frame runs over budget, and recovers', () => {
    let ms = 10;
    const pending: (() => void)[] = [];
    let clock = 0;
    const calls: number[] = [];
    const loop = createRunLoop(
      (n) => {
        calls.push(n);
        clock += n * ms;
      },
      { speed: 20, schedule: (cb) => pending.push(cb), cancel: () => {}, now: () => clock },
    );
    const frame = () => pending.shift()!();
    expect(loop.budgetMs).toBe(30);
    loop.play();
    frame(); // 20 steps x 10 ms = 200 ms: over budget
    expect(calls).toEqual([20]);
    expect(loop.maxStepsPerFrame).toBe(3);
    frame();
    frame();
    expect(calls.slice(1)).toEqual([3, 3]);
    ms = 1; // the work got cheap: the cap grows back
    for (let i = 0; i < 10; i++) frame();
    expect(calls.at(-1)).toBe(20);
  });

  it('pauses and reports when advance throws', () => {
    const errors: unknown[] = [];
    const h = harness(0, { onError: (e) => errors.push(e) }, () => {
      throw new Error('model broke');
    });
    h.loop.play();
    h.frames(1);
    expect(h.loop.playing).toBe(false);
    expect(errors).toHaveLength(1);
    const g = harness(0, {}, () => {
      throw new Error('rethrown');
    });
    expect(() => g.loop.stepOnce()).toThrow('rethrown');
  });

  it('falls back to a timer scheduler where there is no requestAnimationFrame', async () => {
    const calls: number[] = [];
    const loop = createRunLoop((n) => {
      calls.push(n);
      return calls.length < 3;
    });
    loop.play();
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).toEqual([1, 1, 1]);
    expect(loop.playing).toBe(false);
    loop.dispose();
  });
});
