import { describe, expect, it } from 'vitest';
import { traceList } from '../../models/human/watchList';
import { competition, describeFrame, recallsUpTo, stripRows } from './watchView';

describe('the watched list, as the page shows it', () => {
  it("CMR's choice given that recall goes on is softmax(2a/tau) over the items left, with or without theta", () => {
    for (const params of [{ tau: 0.1 }, { tau: 0.3, theta: 0.2 }]) {
      const trace = traceList({ listLength: 12, distractor: 'none', seed: 3, params });
      let checked = 0;
      trace.frames.forEach((f, i) => {
        if (f.kind !== 'recall' || f.pStop >= 1) return;
        const c = competition(f, params.tau, recallsUpTo(trace, i - 1));
        expect(c.beta).toBeCloseTo(2 / params.tau, 12);
        expect(c.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        c.weights.forEach((w, j) => expect(w).toBeCloseTo(c.cmrGivenGoOn[j], 12));
        c.recalled.forEach((r, j) => r && expect(c.weights[j]).toBe(0));
        expect(c.effective).toBeGreaterThanOrEqual(1);
        checked++;
      });
      expect(checked).toBeGreaterThan(0);
    }
  });

  it('lists the rows of the strip and describes each step', () => {
    const trace = traceList({ listLength: 5, distractor: 'continuous', seed: 1 });
    expect(stripRows(trace).map((r) => r.label)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      'start',
      'd1',
      'd2',
      'd3',
      'd4',
      'd5',
    ]);
    const words = ['ant', 'bee', 'cat', 'dog', 'elk'];
    expect(describeFrame(trace, 0, words)).toMatch(/^Study item 1 \(“ant”\)/);
    expect(describeFrame(trace, 1, words)).toMatch(/^A distractor/);
    const first = trace.frames.findIndex((f) => f.kind === 'recall');
    expect(describeFrame(trace, first - 1, words)).toMatch(/^Recall begins/);
    expect(recallsUpTo(trace, trace.frames.length - 1)).toEqual(trace.recalls);
  });
});
