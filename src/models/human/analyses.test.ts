import { describe, expect, it } from 'vitest';
import {
  INTRUSION,
  lagCrp,
  meanRecalled,
  probabilityOfFirstRecall,
  recallByClass,
  recallErrors,
  scoreRecall,
  serialPositionCurve,
  type RecallTrial,
} from './analyses';

// Four lists of the same four items (ids 10..13 at positions 0..3).
const study = [10, 11, 12, 13];
const trials: RecallTrial[] = [
  { study, recall: [13, 12, 10] }, // A: 3 -> 2 -> 0
  { study, recall: [11, INTRUSION, 12, 12, 13] }, // B: an intrusion and a repeat
  { study, recall: [] }, // C: nothing
  { study, recall: [10, 99, 11, 13] }, // D: 99 was never studied: an intrusion
];

const at = (crp: ReturnType<typeof lagCrp>, lag: number, key: 'crp' | 'actual' | 'possible') =>
  crp[key][crp.lags.indexOf(lag)];

describe('scoreRecall', () => {
  it('maps ids to serial positions, intrusions to -1, and marks repeats', () => {
    const s = scoreRecall(trials[1]);
    expect(Array.from(s.positions)).toEqual([1, -1, 2, 2, 3]);
    expect(Array.from(s.repeat)).toEqual([0, 0, 0, 1, 0]);
    expect(Array.from(scoreRecall(trials[3]).positions)).toEqual([0, -1, 1, 3]);
  });

  it('refuses a study list with a repeated id', () => {
    expect(() => scoreRecall({ study: [1, 2, 1], recall: [] })).toThrow(RangeError);
  });
});

describe('serial position and first recall', () => {
  it('serial position curve: share of lists recalling each position, repeats once', () => {
    // pos0: A, D; pos1: B, D; pos2: A, B (B's repeat does not count twice); pos3: A, B, D.
    expect(Array.from(serialPositionCurve(trials))).toEqual([2 / 4, 2 / 4, 2 / 4, 3 / 4]);
  });

  it('first recall: the first output of each list; empty lists count in the denominator', () => {
    // A starts at 3, B at 1, C has none, D at 0.
    expect(Array.from(probabilityOfFirstRecall(trials))).toEqual([1 / 4, 1 / 4, 0, 1 / 4]);
  });

  it('a list that starts with an intrusion counts for no position', () => {
    const pfr = probabilityOfFirstRecall([{ study, recall: [INTRUSION, 10] }]);
    expect(Array.from(pfr)).toEqual([0, 0, 0, 0]);
  });

  it('lists of different lengths divide by the lists that have the position', () => {
    const mixed: RecallTrial[] = [
      { study: [1, 2], recall: [2, 1] },
      { study: [1, 2, 3], recall: [3] },
    ];
    expect(Array.from(serialPositionCurve(mixed))).toEqual([1 / 2, 1 / 2, 1]);
    expect(Array.from(probabilityOfFirstRecall(mixed))).toEqual([0, 1 / 2, 1]);
  });
});

describe('lag-CRP', () => {
  const crp = lagCrp(trials);

  it('counts actual transitions between correct first recalls only', () => {
    // A: 3->2 (lag -1), 2->0 (lag -2). B: every transition touches the
    // intrusion or the repeat. D: 1->3 (lag +2); 0->99 and 99->1 are skipped.
    expect(Array.from(crp.lags)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(Array.from(crp.actual)).toEqual([0, 1, 1, 0, 0, 1, 0]);
  });

  it('excludes already-recalled items from the possible lags', () => {
    // A from 3 (nothing recalled yet but 3): 0, 1, 2 -> lags -3, -2, -1.
    // A from 2 (3 recalled): 0, 1 -> lags -2, -1.
    // D from 1 (0 recalled before the intrusion): 2, 3 -> lags +1, +2.
    expect(Array.from(crp.possible)).toEqual([1, 2, 2, 0, 1, 1, 0]);
    expect(at(crp, -3, 'crp')).toBe(0);
    expect(at(crp, -2, 'crp')).toBe(0.5);
    expect(at(crp, -1, 'crp')).toBe(0.5);
    expect(at(crp, 1, 'crp')).toBe(0);
    expect(at(crp, 2, 'crp')).toBe(1);
  });

  it('is NaN where a lag was never possible, always at lag 0', () => {
    expect(at(crp, 0, 'crp')).toBeNaN();
    expect(at(crp, 3, 'crp')).toBeNaN();
  });

  it('forward serial recall gives crp(+1) = 1 and nothing else', () => {
    const serial = lagCrp([{ study, recall: [10, 11, 12, 13] }]);
    expect(at(serial, 1, 'crp')).toBe(1);
    expect(at(serial, 2, 'crp')).toBe(0);
    // from 0: lags 1,2,3 possible; from 1: 1,2; from 2: 1.
    expect(Array.from(serial.possible)).toEqual([0, 0, 0, 0, 3, 2, 1]);
  });
});

describe('errors and means', () => {
  it('counts intrusions (-1 or unstudied ids), repetitions and correct recalls', () => {
    expect(recallErrors(trials)).toEqual({ intrusions: 2, repetitions: 1, correct: 9, lists: 4 });
    expect(meanRecalled(trials)).toBe(9 / 4);
    expect(meanRecalled([])).toBe(0);
  });

  it('recall by class: share of each class studied that was recalled', () => {
    const byClass = recallByClass(
      [{ study: [0, 1, 2, 3], recall: [0, 2, 1, 2, INTRUSION] }],
      (id) => (id % 2 === 0 ? 'even' : 'odd'),
      ['even', 'odd', 'none'] as const,
    );
    expect(byClass.even).toBe(1);
    expect(byClass.odd).toBe(1 / 2);
    expect(byClass.none).toBeNaN();
  });
});
