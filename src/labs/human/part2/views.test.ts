import { describe, expect, it } from 'vitest';
import { EBBINGHAUS_1885 } from '../../../data/ebbinghaus';
import { emptyState } from '../../../models/human/consolidatingMemory';
import { makeSchedule } from '../../../models/human/memorySchedule';
import { MASSED_LAG_SECONDS } from '../../../models/human/spacing';
import { runInChunks } from './chunks';
import { actrError, actrFitFor, fitChosen } from './forgettingView';
import { dayCounts, dayFrames, slotRows, type MemoryFrame } from './memoryView';
import { DELAY_KEYS } from './params';
import {
  addSession,
  DAY,
  moveSession,
  presetSessions,
  scheduleRecall,
  timelineCurve,
  timelineSpan,
} from './spacingView';

describe('part 2 views', () => {
  it('fits the power law better than the exponential, and ACT-R at any d with one error', () => {
    const fits = fitChosen(DELAY_KEYS);
    expect(fits.power.rmse).toBeLessThan(fits.exponential.rmse);
    const base = actrError(0.5, fits.actr.params.tau, fits.actr.params.s, fits.used);
    expect(base).toBeCloseTo(fits.actr.rmse, 9);
    const at = actrFitFor(0.2, fits.actr);
    expect(actrError(0.2, at.tau, at.s, fits.used)).toBeCloseTo(base, 9);
    expect(() => fitChosen(DELAY_KEYS.slice(0, 2))).toThrow(RangeError);
    expect(EBBINGHAUS_1885).toHaveLength(DELAY_KEYS.length);
  });

  it('keeps a schedule strictly increasing through moves, presets and additions', () => {
    const moved = moveSession([0, 1, 2], 1, -5, 100);
    expect(moved[1]).toBeGreaterThan(0);
    expect((moved[1] - moved[0]) * DAY).toBeGreaterThanOrEqual(MASSED_LAG_SECONDS - 0.1);
    expect(moveSession([0, 1, 2], 2, 500, 100)[2]).toBe(100);
    for (const kind of ['massed', 'even', 'expanding'] as const) {
      const t = presetSessions(kind, 5, 14);
      for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
    }
    const { sessions, index } = addSession([0, 10], 11);
    expect(sessions).toEqual([0, 5, 10]);
    expect(index).toBe(1);
    expect(timelineSpan([0, 7, 14], 44)).toBeGreaterThanOrEqual(44 * 1.15);
  });

  it('counts only the sessions before the test; recall jumps at each session', () => {
    const r = scheduleRecall([0, 7, 50], 44);
    expect(r.counted).toHaveLength(2);
    expect(r.ignored).toBe(1);
    expect(r.counted[0].decay).toBeCloseTo(0.177, 12);
    expect(r.counted[1].decay).toBeGreaterThan(r.counted[0].decay);
    const curve = timelineCurve([0, 7], 14, 100);
    const at = (t: number) => curve.find((p) => p.x > t)!.y;
    expect(at(7)).toBeGreaterThan(curve.filter((p) => p.x <= 7).at(-1)!.y);
    expect(curve[0].y).toBe(0);
  });

  it('tags what each phase did to the slots, and counts no episode twice', () => {
    const schedule = makeSchedule(5, 1);
    let state = emptyState();
    const frames: MemoryFrame[] = [];
    schedule.forEach((events, day) => {
      const f = dayFrames(state, day, events, schedule.slice(0, day).flat(), 1);
      frames.push(...f);
      state = f[2].state;
    });
    const study = slotRows(frames[0]);
    expect(study.every((r) => r.tags.includes('new'))).toBe(true);
    const sleeps = frames.filter((f) => f.phase === 'sleep').map(slotRows);
    expect(sleeps.some((rows) => rows.some((r) => r.tags.includes('replayed')))).toBe(true);
    expect(sleeps.some((rows) => rows.some((r) => r.tags.includes('new gist')))).toBe(true);
    const counts = dayCounts(frames);
    expect(counts).toHaveLength(5);
    expect(counts[4].studied).toBe(schedule.flat().length);
    for (const c of counts)
      expect(c.episodic + c.gist + c.forgotten).toBeLessThanOrEqual(c.studied);
  });

  it('runs chunks within a budget, reports each turn once, and stops when cancelled', () => {
    const turns: (() => void)[] = [];
    let clock = 0;
    const seen: number[][] = [];
    let done = -1;
    const tasks = Array.from({ length: 10 }, (_, i) => () => {
      clock += 3;
      return i;
    });
    runInChunks(
      tasks,
      (r) => seen.push(r),
      (ms) => (done = ms),
      {
        budgetMs: 8,
        schedule: (cb) => turns.push(cb),
        now: () => clock,
      },
    );
    while (turns.length) turns.shift()!();
    expect(seen.flat()).toEqual(tasks.map((_, i) => i));
    expect(Math.max(...seen.map((r) => r.length))).toBe(3);
    expect(done).toBe(30);
    const cancel = runInChunks(
      tasks,
      (r) => seen.push(r),
      () => {},
      {
        schedule: (cb) => turns.push(cb),
      },
    );
    cancel();
    const before = seen.length;
    while (turns.length) turns.shift()!();
    expect(seen.length).toBe(before);
  });
});
