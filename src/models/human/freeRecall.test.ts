import { describe, expect, it } from 'vitest';
import {
  benchFreeRecall,
  contextDependentRecall,
  emotionRecall,
  freeRecallExperiment,
  simulateLists,
  summarizeFreeRecall,
  type FreeRecallSummary,
} from './freeRecall';
import type { DistractorProtocol } from './cmr';

const N = 20;
const run = (distractor: DistractorProtocol): FreeRecallSummary =>
  freeRecallExperiment({ listLength: N, lists: 1000, distractor, seed: 1 });

/** Mean recall over the middle positions 8..13 (1-based). */
const middle = (spc: number[]) => spc.slice(7, 13).reduce((s, x) => s + x, 0) / 6;
/** Recency: last position above the middle. */
const recency = (s: FreeRecallSummary) => s.serialPosition[N - 1] - middle(s.serialPosition);
const crpAt = (s: FreeRecallSummary, lag: number) => s.lagCrp.crp[s.lagCrp.lags.indexOf(lag)]!;

describe('immediate free recall of 20 items, example parameters', () => {
  const s = run('none');

  it('primacy: position 1 above the middle positions', () => {
    expect(s.serialPosition[0] - middle(s.serialPosition)).toBeGreaterThan(0.05);
  });

  it('a larger recency: the last position well above the middle, and above position 1', () => {
    expect(recency(s)).toBeGreaterThan(0.15);
    expect(s.serialPosition[N - 1]).toBeGreaterThan(s.serialPosition[0]);
  });

  it('first recall is most often the last item', () => {
    const last = s.firstRecall[N - 1];
    expect(Math.max(...s.firstRecall.slice(0, N - 1))).toBeLessThan(last);
    expect(last).toBeGreaterThan(0.5);
  });

  it('the lag-CRP peaks at +1, and +1 beats -1', () => {
    const valid = s.lagCrp.crp.filter((x): x is number => x !== null);
    expect(crpAt(s, 1)).toBe(Math.max(...valid));
    expect(crpAt(s, 1)).toBeGreaterThan(crpAt(s, -1));
    expect(crpAt(s, -1)).toBeGreaterThan(crpAt(s, -3));
    expect(s.lagCrp.crp[s.lagCrp.lags.indexOf(0)]).toBeNull();
  });

  it('a model recall has no intrusions or repetitions', () => {
    expect(s.intrusions).toBe(0);
    expect(s.repetitions).toBe(0);
  });
});

describe('distractors', () => {
  const immediate = run('none');
  const delayed = run('delayed');
  const continuous = run('continuous');

  it('a delay removes most of the recency', () => {
    expect(recency(delayed)).toBeLessThan(0.25 * recency(immediate));
  });

  it('a continuous distractor brings it back (long-term recency)', () => {
    expect(recency(continuous)).toBeGreaterThan(0.5 * recency(immediate));
    expect(continuous.serialPosition[N - 1]).toBeGreaterThan(delayed.serialPosition[N - 1] + 0.1);
    expect(continuous.firstRecall[N - 1]).toBeGreaterThan(delayed.firstRecall[N - 1]);
  });
});

describe('context-dependent recall (Godden & Baddeley)', () => {
  const bars = contextDependentRecall({ listLength: N, lists: 500, distractor: 'none', seed: 2 });
  const at = (study: string, test: string) =>
    bars.find((b) => b.study === study && b.test === test)!.recall;

  it('reports the four study/test combinations', () => {
    expect(bars.map((b) => b.study + b.test)).toEqual(['AA', 'AB', 'BA', 'BB']);
  });

  it('a test in the study place beats a test in the other place', () => {
    expect(at('A', 'A')).toBeGreaterThan(at('A', 'B') + 0.05);
    expect(at('B', 'B')).toBeGreaterThan(at('B', 'A') + 0.05);
  });

  it('with theta = 0 the stop rule alone sets how much is recalled: no context effect', () => {
    const flat = contextDependentRecall({
      listLength: N,
      lists: 200,
      distractor: 'none',
      seed: 2,
      params: { theta: 0 },
    });
    expect(flat[0].recall).toBe(flat[1].recall);
  });
});

describe('emotion (eCMR): the list-composition effect', () => {
  const settings = { listLength: N, lists: 1000, distractor: 'none' as const, seed: 3 };
  const mixed = emotionRecall(settings, 'mixed');
  const pure = emotionRecall(settings, 'pure');

  it('emotional items win in mixed lists', () => {
    expect(mixed.advantage).toBeGreaterThan(0.1);
    expect(mixed.emotional - mixed.neutral).toBeCloseTo(mixed.advantage, 15);
  });

  it('the advantage is larger in mixed lists than in pure lists', () => {
    expect(mixed.advantage).toBeGreaterThan(pure.advantage + 0.1);
  });
});

describe('simulation plumbing', () => {
  it('is reproducible from the seed and scores like the visitor data', () => {
    const a = simulateLists({ listLength: 10, lists: 50, distractor: 'none', seed: 9 });
    const b = simulateLists({ listLength: 10, lists: 50, distractor: 'none', seed: 9 });
    expect(b.trials.map((t) => Array.from(t.recall))).toEqual(
      a.trials.map((t) => Array.from(t.recall)),
    );
    const s = summarizeFreeRecall(a.trials);
    expect(s.serialPosition).toHaveLength(10);
    expect(s.lagCrp.lags).toEqual(Array.from({ length: 19 }, (_, i) => i - 9));
  });

  it('rejects impossible settings', () => {
    expect(() =>
      freeRecallExperiment({ listLength: 0, lists: 1, distractor: 'none', seed: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      freeRecallExperiment({ listLength: 5, lists: 1.5, distractor: 'none', seed: 1 }),
    ).toThrow(RangeError);
  });

  it('the bench reports a time and a rate for the lists it ran', () => {
    const b = benchFreeRecall(50, 20, 'none', 1);
    expect(b.lists).toBe(50);
    expect(b.ms).toBeGreaterThan(0);
    expect(b.listsPerSecond).toBeCloseTo((50 / b.ms) * 1000, 6);
  });
});
