import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { randomPatterns, storkeyWeights } from '../classic/hopfield';
import { covarianceNetwork } from '../../testing/covarianceNetwork';
import { maxAbsDiff } from '../../testing/denseReference';
import { StorkeyLearner } from './learners';

describe('StorkeyLearner', () => {
  it('learns the weights of storkeyWeights (up to float32 rounding), symmetric with a zero diagonal', () => {
    const d = 70;
    const x = randomPatterns(20, d, createRng(2));
    const l = new StorkeyLearner(d);
    l.growTo(x, 20);
    const w = l.weights();
    expect(maxAbsDiff(w, storkeyWeights(x))).toBeLessThan(1e-6);
    for (let i = 0; i < d; i++) {
      expect(w[i * d + i]).toBe(0);
      for (let j = 0; j < i; j++) expect(w[i * d + j]).toBe(w[j * d + i]);
    }
  });

  it('grown in steps equals grown at once, and a prefix equals the smaller network', () => {
    const d = 50;
    const x = randomPatterns(16, d, createRng(8));
    const a = new StorkeyLearner(d);
    a.growTo(x, 5);
    expect(
      maxAbsDiff(
        a.weights(),
        storkeyWeights({ n: 5, d, data: x.data.subarray(0, 5 * d) as never }),
      ),
    ).toBeLessThan(1e-6);
    a.growTo(x, 11);
    a.growTo(x, 16);
    const b = new StorkeyLearner(d);
    b.growTo(x, 16);
    expect(maxAbsDiff(a.weights(), b.weights())).toBeLessThan(1e-6);
  });
});

describe('CovarianceLearner', () => {
  it('its bipolar threshold form equals the 0/1 rule: sgn(W s - t) = sgn(W v - theta)', () => {
    const d = 60;
    const a = 0.1;
    const { x, w, t } = covarianceNetwork(d, 8, 1, a);
    const s = x.data.subarray(0, d);
    for (let i = 0; i < d; i++) {
      let bip = 0;
      let bin = 0;
      for (let j = 0; j < d; j++) {
        bip += w[i * d + j] * s[j];
        bin += w[i * d + j] * (s[j] > 0 ? 1 : 0);
      }
      expect(bip - t[i]).toBeCloseTo(2 * (bin - (0.5 - a)), 9);
    }
  });

  it('keeps a stored sparse pattern as a fixed point at low load', () => {
    const d = 200;
    const { x, w, t } = covarianceNetwork(d, 10, 4);
    for (let mu = 0; mu < 10; mu++) {
      for (let i = 0; i < d; i++) {
        let h = -t[i];
        for (let j = 0; j < d; j++) h += w[i * d + j] * x.data[mu * d + j];
        expect(Math.sign(h)).toBe(x.data[mu * d + i]);
      }
    }
  });
});
