import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { flipDistinct, invert } from './corrupt';
import { classify, overlaps } from './classify';
import { randomPatterns } from './hopfield';
import { row, type Bipolar } from '../../core/pattern';

const D = 200;
const x = randomPatterns(5, D, createRng(31));

/** sgn(e_a xi^a + e_b xi^b + e_c xi^c) */
function mixture(idx: number[], signs: number[]): Bipolar {
  const s = new Int8Array(D);
  for (let i = 0; i < D; i++) {
    let sum = 0;
    idx.forEach((mu, k) => (sum += signs[k] * row(x, mu)[i]));
    s[i] = sum > 0 ? 1 : -1;
  }
  return s as Bipolar;
}

describe('overlaps', () => {
  it('m_mu = xi^mu . s / D', () => {
    const m = overlaps(x, row(x, 1));
    expect(m[1]).toBe(1);
    let dot = 0;
    for (let i = 0; i < D; i++) dot += row(x, 3)[i] * row(x, 1)[i];
    expect(m[3]).toBe(dot / D);
    expect(overlaps(x, invert(row(x, 4)))[4]).toBe(-1);
  });
});

describe('classify', () => {
  it('target', () => {
    const v = classify(x, row(x, 0), 0, false);
    expect(v).toMatchObject({
      outcome: 'target',
      index: 0,
      hammingToTarget: 0,
      overlapWithTarget: 1,
    });
  });

  it('other stored pattern', () => {
    expect(classify(x, row(x, 3), 0, false)).toMatchObject({ outcome: 'other-pattern', index: 3 });
  });

  it('inverted pattern, the target or another', () => {
    const v = classify(x, invert(row(x, 0)), 0, false);
    expect(v).toMatchObject({
      outcome: 'inverted',
      index: 0,
      hammingToTarget: D,
      overlapWithTarget: -1,
    });
    expect(classify(x, invert(row(x, 2)), 0, false)).toMatchObject({
      outcome: 'inverted',
      index: 2,
    });
  });

  it('near-target at overlap >= 0.9 (10 of 200 bits wrong), not at 0.8', () => {
    const near = flipDistinct(row(x, 0), 10, createRng(1));
    expect(classify(x, near, 0, false)).toMatchObject({
      outcome: 'near-target',
      index: 0,
      hammingToTarget: 10,
      overlapWithTarget: 0.9,
    });
    const far = flipDistinct(row(x, 0), 20, createRng(1));
    expect(classify(x, far, 0, false).outcome).toBe('spurious');
  });

  it('a 3-mixture, exactly and within 2 % of D bits, with its components and signs', () => {
    const exact = classify(x, mixture([0, 2, 4], [1, -1, 1]), 0, false);
    expect(exact.outcome).toBe('mixture');
    expect([...(exact.components ?? [])].sort()).toEqual([0, 2, 4]);
    const signOf = (mu: number) => exact.signs?.[exact.components?.indexOf(mu) ?? -1];
    expect([signOf(0), signOf(2), signOf(4)]).toEqual([1, -1, 1]);
    const noisy = flipDistinct(mixture([1, 2, 3], [1, 1, 1]), 4, createRng(2));
    expect(classify(x, noisy, 0, false)).toMatchObject({ outcome: 'mixture' });
    const tooNoisy = flipDistinct(mixture([1, 2, 3], [1, 1, 1]), 12, createRng(2));
    expect(classify(x, tooNoisy, 0, false).outcome).toBe('spurious');
  });

  it('spurious: a random state', () => {
    const rng = createRng(3);
    const s = Int8Array.from({ length: D }, () => (rng.next() < 0.5 ? -1 : 1));
    const v = classify(x, s, 0, false);
    expect(v.outcome).toBe('spurious');
    expect(v.index).toBeUndefined();
  });

  it('cycle wins over everything, and the distances are still reported', () => {
    expect(classify(x, row(x, 0), 0, true)).toMatchObject({
      outcome: 'cycle',
      hammingToTarget: 0,
      overlapWithTarget: 1,
    });
  });

  it('rejects a target that is not stored', () => {
    expect(() => classify(x, row(x, 0), 5, false)).toThrow(RangeError);
  });
});
