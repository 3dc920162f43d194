import { describe, expect, it } from 'vitest';
import {
  addPresentation,
  calibrateRecall,
  crossoverRetention,
  gapSweep,
  MASSED_LAG_SECONDS,
  optimalGap,
  PAVLIK_ANDERSON_2005,
  recallAtTest,
  recallTimeline,
  schedulePreset,
  SPACING_DEFAULTS,
  studyHistory,
  twoSessionRecall,
  UNIT_SECONDS,
} from './spacing';

const DAY = UNIT_SECONDS.days;
const { c, a } = PAVLIK_ANDERSON_2005;

describe('Pavlik & Anderson decay', () => {
  it('d_1 = a; d_j = c exp(m_{j-1}) + a with m the activation just before', () => {
    const h = studyHistory([0, 100, 1000]);
    expect(h[0].activationBefore).toBe(-Infinity);
    expect(h[0].decay).toBeCloseTo(a, 12);
    expect(h[1].activationBefore).toBeCloseTo(Math.log(100 ** -a), 12);
    expect(h[1].decay).toBeCloseTo(c * 100 ** -a + a, 12);
    const m2 = Math.log(1000 ** -h[0].decay + 900 ** -h[1].decay);
    expect(h[2].decay).toBeCloseTo(c * Math.exp(m2) + a, 12);
  });

  it('a presentation made while the item is strong decays faster', () => {
    const massed = studyHistory([0, MASSED_LAG_SECONDS]);
    const spaced = studyHistory([0, DAY]);
    expect(massed[1].decay).toBeGreaterThan(spaced[1].decay);
  });

  it('adds presentations one at a time, in order only', () => {
    const h = addPresentation(addPresentation([], 0), 60);
    expect(h).toEqual(studyHistory([0, 60]));
    expect(() => addPresentation(h, 60)).toThrow(RangeError);
  });

  it('calibration: one study gives P = 0.95 after 10 minutes and 0.5 after a day', () => {
    const one = (t: number) => recallAtTest([0], t).probability;
    expect(one(600)).toBeCloseTo(0.95, 10);
    expect(one(DAY)).toBeCloseTo(0.5, 10);
    expect(calibrateRecall(a)).toEqual({ tau: SPACING_DEFAULTS.tau, s: SPACING_DEFAULTS.s });
  });

  it('recall falls between sessions and jumps at each one', () => {
    const h = studyHistory([0, DAY]);
    const [before, after, later] = recallTimeline(h, [DAY - 1, DAY + 60, 2 * DAY]);
    expect(after).toBeGreaterThan(before);
    expect(later).toBeLessThan(after);
  });
});

describe('the spacing effect', () => {
  it('spaced study beats massed at long retention intervals', () => {
    for (const r of [7, 30, 365]) {
      expect(twoSessionRecall(DAY, r * DAY)).toBeGreaterThan(twoSessionRecall(0, r * DAY));
    }
    const last = (t: number[]) => t[t.length - 1];
    const at = (kind: 'massed' | 'even' | 'expanding') => {
      const t = schedulePreset(kind, 4, 14 * DAY);
      return recallAtTest(t, last(t) + 30 * DAY).probability;
    };
    expect(at('even')).toBeGreaterThan(at('massed'));
    expect(at('expanding')).toBeGreaterThan(at('massed'));
  });

  it('massed is at least as good as a day-long gap at a very short retention interval', () => {
    for (const r of [10, 60, 600]) {
      expect(twoSessionRecall(0, r)).toBeGreaterThanOrEqual(twoSessionRecall(DAY, r));
    }
    const x = crossoverRetention(DAY)!;
    expect(x).toBeGreaterThan(600);
    expect(x).toBeLessThan(DAY);
    expect(twoSessionRecall(DAY, 2 * x)).toBeGreaterThan(twoSessionRecall(0, 2 * x));
  });

  it('the best gap grows with the retention interval', () => {
    const gaps = [0, 1, 2, 4, 8, 16, 32, 64].map((g) => g * DAY);
    const sweep = gapSweep(
      gaps,
      [1, 7, 30, 365].map((r) => r * DAY),
    );
    const best = sweep.best.map((b) => b.gap);
    const optimum = sweep.optimum.map((o) => o.gap);
    for (let i = 1; i < best.length; i++) {
      expect(best[i]).toBeGreaterThanOrEqual(best[i - 1]);
      expect(optimum[i]).toBeGreaterThan(optimum[i - 1]);
    }
    expect(best[best.length - 1]).toBeGreaterThan(best[0]);
    // ...but more slowly than the interval: the optimal ratio gap / retention shrinks.
    const ratio = sweep.optimum.map((o) => o.ratio);
    for (let i = 1; i < ratio.length; i++) expect(ratio[i]).toBeLessThan(ratio[i - 1]);
  });

  it('optimalGap finds a maximum: nearby gaps recall less', () => {
    const r = 30 * DAY;
    const o = optimalGap(r);
    expect(o.probability).toBeCloseTo(twoSessionRecall(o.gap, r), 12);
    expect(twoSessionRecall(o.gap * 1.2, r)).toBeLessThan(o.probability);
    expect(twoSessionRecall(o.gap / 1.2, r)).toBeLessThan(o.probability);
  });

  it('tau and s change recall levels but not the best gap', () => {
    const other = { ...SPACING_DEFAULTS, tau: -0.7, s: 0.25 };
    const gaps = [0, 1, 2, 4, 8, 16, 32].map((g) => g * DAY);
    const rs = [1, 7, 30].map((r) => r * DAY);
    const x = gapSweep(gaps, rs);
    const y = gapSweep(gaps, rs, other);
    expect(y.best.map((b) => b.gap)).toEqual(x.best.map((b) => b.gap));
    expect(y.recall[0][0]).not.toBeCloseTo(x.recall[0][0], 3);
  });
});

describe('schedule presets', () => {
  it('massed, even and expanding sessions', () => {
    expect(schedulePreset('massed', 3, DAY)).toEqual([
      0,
      MASSED_LAG_SECONDS,
      2 * MASSED_LAG_SECONDS,
    ]);
    expect(schedulePreset('even', 3, 10)).toEqual([0, 5, 10]);
    const e = schedulePreset('expanding', 4, 14);
    expect(e).toEqual([0, 2, 6, 14]);
    expect(() => schedulePreset('even', 0, 1)).toThrow(RangeError);
  });
});
