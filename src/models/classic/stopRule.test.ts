import { describe, expect, it } from 'vitest';
import { stopStatus, SyncHistory, withLimit } from './stopRule';

describe('stopStatus', () => {
  it('a step that flips nothing is a fixed point, even at the limit or with a stale history', () => {
    expect(stopStatus(1, false, false)).toBe('fixed-point');
    expect(stopStatus(5, false, true, 5)).toBe('fixed-point');
  });

  it('a changed state equal to the one two steps ago is a 2-cycle, from the second step on', () => {
    expect(stopStatus(2, true, true)).toBe('cycle');
    expect(stopStatus(1, true, true)).toBe('running');
    expect(stopStatus(3, true, false)).toBe('running');
    expect(stopStatus(3, true, true, 3)).toBe('cycle');
  });

  it('the limit stops a run that is still moving once stepCount reaches maxSteps', () => {
    expect(stopStatus(2, true, false, 3)).toBe('running');
    expect(stopStatus(3, true, false, 3)).toBe('step-limit');
    expect(withLimit('running', 0, 0)).toBe('step-limit');
    expect(withLimit('cycle', 9, 1)).toBe('cycle');
  });

  it('asks for the two-ago comparison only when it can matter', () => {
    let asked = 0;
    const same = () => (asked++, true);
    stopStatus(1, true, same);
    stopStatus(4, false, same);
    expect(asked).toBe(0);
    expect(stopStatus(2, true, same)).toBe('cycle');
    expect(asked).toBe(1);
  });
});

describe('SyncHistory', () => {
  it('finds a 2-cycle A, B, A and no change after a repeat', () => {
    const a = Int8Array.from([1, -1, 1]);
    const b = Int8Array.from([-1, 1, 1]);
    const h = new SyncHistory(3);
    h.remember(a); // step 1: a -> b
    expect([h.changed(b), h.sameAsTwoAgo(b)]).toEqual([true, false]);
    h.remember(b); // step 2: b -> a
    expect([h.changed(a), h.sameAsTwoAgo(a)]).toEqual([true, true]);
    h.remember(a); // step 3: a -> a
    expect(h.changed(a)).toBe(false);
  });

  it('keeps copies, so stepping the state in place does not rewrite the history', () => {
    const s = Int8Array.from([1, 1]);
    const h = new SyncHistory(2);
    h.remember(s);
    s[0] = -1;
    expect(h.changed(s)).toBe(true);
  });
});
