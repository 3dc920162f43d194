import { describe, expect, it } from 'vitest';
import { fitCurve, nelderMead, rmse, type CurveModel } from './fit';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosen = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const m = nelderMead(rosen, [-1.2, 1], { tolerance: 1e-14, maxIterations: 5000 });
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 4);
    expect(m.x[1]).toBeCloseTo(1, 4);
    expect(m.value).toBeLessThan(1e-8);
  });

  it('is deterministic: the same inputs give the same point, bit for bit', () => {
    const f = (x: Float64Array) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + (x[2] - 0.5) ** 4;
    const a = nelderMead(f, [0, 0, 0]);
    const b = nelderMead(f, [0, 0, 0]);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.evaluations).toBe(b.evaluations);
    expect(a.x[0]).toBeCloseTo(3, 4);
    expect(a.x[1]).toBeCloseTo(-1, 4);
  });

  it('moves away from points where f is not defined', () => {
    // sqrt is NaN below 0: the minimum of (sqrt(x) - 2)^2 is at x = 4.
    const m = nelderMead((x) => (Math.sqrt(x[0]) - 2) ** 2, [0.5], { step: -1 });
    expect(m.x[0]).toBeCloseTo(4, 4);
  });

  it('stops at maxIterations and says it did not converge', () => {
    const m = nelderMead((x) => (x[0] - 1e6) ** 2, [0], { maxIterations: 3 });
    expect(m.iterations).toBe(3);
    expect(m.converged).toBe(false);
  });
});

describe('fitCurve', () => {
  it('recovers the parameters of data made by the model itself', () => {
    const line: CurveModel = { paramNames: ['a', 'b'], predict: (p, x) => p[0] + p[1] * x };
    const xs = [0, 1, 2, 3, 4];
    const ys = xs.map((x) => 2 - 0.5 * x);
    const fit = fitCurve(line, xs, ys, [0, 0]);
    expect(fit.named.a).toBeCloseTo(2, 5);
    expect(fit.named.b).toBeCloseTo(-0.5, 5);
    expect(fit.rmse).toBeLessThan(1e-5);
  });

  it('fits in the free space through fromFree (a positive rate)', () => {
    const decay: CurveModel = {
      paramNames: ['k'],
      predict: (p, x) => Math.exp(-p[0] * x),
      fromFree: (z) => Float64Array.from(z, Math.exp),
      toFree: (p) => Float64Array.from(p, Math.log),
    };
    const xs = [0.5, 1, 2, 4];
    const fit = fitCurve(
      decay,
      xs,
      xs.map((x) => Math.exp(-0.3 * x)),
      [1],
    );
    expect(fit.params[0]).toBeCloseTo(0.3, 5);
  });
});

describe('rmse', () => {
  it('is the root of the mean squared difference', () => {
    expect(rmse([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(rmse([0, 0], [3, 4])).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(() => rmse([1], [1, 2])).toThrow(RangeError);
  });
});
