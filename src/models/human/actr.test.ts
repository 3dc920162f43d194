import { describe, expect, it } from 'vitest';
import { ebbinghausArrays } from '../../data/ebbinghaus';
import {
  activation,
  ACTR_DECAY,
  fitForgetting,
  forgettingCurve,
  forgettingModel,
  FORGETTING_MODELS,
  logSpacedHours,
  recallProbability,
} from './actr';

describe('ACT-R activation and recall', () => {
  it('one presentation: A = -d ln t (the power law)', () => {
    for (const t of [0.5, 2, 100]) {
      expect(activation([0], t, 0.5)).toBeCloseTo(-0.5 * Math.log(t), 12);
      expect(Math.exp(activation([0], t, 0.3))).toBeCloseTo(t ** -0.3, 12);
    }
  });

  it('sums the traces of every earlier presentation, each with its own decay', () => {
    const a = activation([0, 10, 20], 30, [0.2, 0.4, 0.6]);
    expect(a).toBeCloseTo(Math.log(30 ** -0.2 + 20 ** -0.4 + 10 ** -0.6), 12);
  });

  it('ignores presentations at or after t, and is -Infinity with none before', () => {
    expect(activation([0, 5], 5)).toBeCloseTo(-ACTR_DECAY * Math.log(5), 12);
    expect(activation([3], 3)).toBe(-Infinity);
    expect(recallProbability(-Infinity, 0, 0.4)).toBe(0);
  });

  it('recall probability is 1/2 at the threshold and rises with activation', () => {
    expect(recallProbability(-0.7, -0.7, 0.25)).toBe(0.5);
    expect(recallProbability(0, -0.7, 0.25)).toBeGreaterThan(recallProbability(-1, -0.7, 0.25));
    // logit P = (A - tau) / s
    const p = recallProbability(0.3, -0.2, 0.5);
    expect(Math.log(p / (1 - p))).toBeCloseTo(1, 12);
    expect(() => recallProbability(0, 0, 0)).toThrow(RangeError);
  });
});

describe('forgetting fits to Ebbinghaus (1885)', () => {
  const fits = Object.fromEntries(FORGETTING_MODELS.map((m) => [m, fitForgetting(m)]));

  it('the power law fits the seven savings points better than the exponential', () => {
    expect(fits.power.converged).toBe(true);
    expect(fits.exponential.converged).toBe(true);
    expect(fits.power.rmse).toBeLessThan(fits.exponential.rmse);
    // ACT-R's logistic with d = 0.5 is also a power law in the odds: it beats the exponential too.
    expect(fits.actr.rmse).toBeLessThan(fits.exponential.rmse);
  });

  it('the power-law curve falls monotonically from 1 minute to a year', () => {
    const hours = logSpacedHours(1 / 60, 365 * 24, 200);
    const curve = forgettingCurve(fits.power, hours);
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeLessThan(curve[i - 1]);
  });

  it('each fit is a least-squares minimum: nudging a parameter raises the error', () => {
    const { hours, savings } = ebbinghausArrays();
    for (const name of FORGETTING_MODELS) {
      const fit = fits[name];
      const model = forgettingModel(name);
      const sse = (p: Float64Array) =>
        Array.from(hours).reduce((s, t, i) => s + (model.predict(p, t) - savings[i]) ** 2, 0);
      const p0 = Float64Array.from(model.paramNames, (k) => fit.params[k]);
      const best = sse(p0);
      expect(Math.sqrt(best / hours.length)).toBeCloseTo(fit.rmse, 10);
      for (let k = 0; k < p0.length; k++) {
        for (const f of [0.99, 1.01]) {
          const p = p0.slice();
          p[k] *= f;
          expect(sse(p)).toBeGreaterThan(best);
        }
      }
    }
  });

  it('the regression start is already near the least-squares fit', () => {
    const { hours, savings } = ebbinghausArrays();
    const start = forgettingModel('power').start(hours, savings);
    expect(start[1]).toBeGreaterThan(0);
    expect(Math.abs(start[1] - fits.power.params.d)).toBeLessThan(0.05);
  });

  it('fits in a few milliseconds, so the page can refit as the visitor watches', () => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) for (const m of FORGETTING_MODELS) fitForgetting(m);
    const perFit = (performance.now() - t0) / 60;
    expect(perFit).toBeLessThan(20); // measured about 1 ms; loose for shared CI machines
  });
});
