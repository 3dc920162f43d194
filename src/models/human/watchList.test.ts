import { describe, expect, it } from 'vitest';
import { simulateLists } from './freeRecall';
import { traceList, type RecallFrame, type StudyFrame } from './watchList';

describe('traceList (watch one list)', () => {
  const trace = traceList({ listLength: 12, distractor: 'continuous', seed: 5 });
  const study = trace.frames.filter((f): f is StudyFrame => f.kind !== 'recall');
  const recall = trace.frames.filter((f): f is RecallFrame => f.kind === 'recall');

  it('records every study item, distractor and the start reinstatement in order', () => {
    expect(study.map((f) => f.kind)).toEqual([
      ...Array.from({ length: 12 }, () => ['study', 'distract']).flat(),
      'start',
    ]);
    expect(study.filter((f) => f.kind === 'study').map((f) => f.position)).toEqual(
      Array.from({ length: 12 }, (_, i) => i),
    );
  });

  it('every snapshot has unit length and the layout size', () => {
    for (const f of trace.frames) {
      expect(f.context).toHaveLength(trace.layout.units);
      expect(Math.hypot(...f.context)).toBeCloseTo(1, 12);
    }
  });

  it('each recall frame holds the support, the probabilities, and the choice', () => {
    expect(recall.at(-1)!.chosen).toBe(-1);
    expect(recall.slice(0, -1).map((f) => f.chosen)).toEqual(trace.recalls);
    for (const f of recall) {
      const total = f.probabilities.reduce((s, x) => s + x, 0);
      expect(total + f.pStop).toBeCloseTo(1, 12);
      expect(f.support).toHaveLength(12);
      if (f.chosen >= 0) expect(f.probabilities[f.chosen]).toBeGreaterThan(0);
    }
    // An item recalled earlier has probability 0 later on.
    const last = recall.at(-1)!;
    for (const j of trace.recalls) expect(last.probabilities[j]).toBe(0);
  });

  it('recalls what the many-list simulation recalls for the same seed', () => {
    const run = simulateLists({ listLength: 12, lists: 1, distractor: 'continuous', seed: 5 });
    expect(Array.from(run.trials[0].recall)).toEqual(trace.recalls);
  });
});
