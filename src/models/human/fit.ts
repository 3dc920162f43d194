/**
 * A small deterministic optimiser for fitting the Human memory lab's models
 * to a handful of data points in the page (a few milliseconds per fit).
 *
 * Nelder-Mead downhill simplex (Nelder & Mead 1965) with the standard
 * coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2. The
 * start simplex is x0 plus one step along each axis. No randomness: the same
 * inputs give the same minimum, bit for bit.
 *
 * Constraints are handled by the caller through a parameter map (fit in an
 * unconstrained space z and map to the model's parameters, e.g. p = exp(z)
 * for a positive p); see fitCurve.
 */

export interface NelderMeadOptions {
  /** Initial step along each axis (one number for all, or one per axis); default 0.5. */
  step?: number | readonly number[];
  /** Most iterations (each is one reflection step plus what follows); default 2000. */
  maxIterations?: number;
  /** Stop when the spread of f over the simplex and its diameter are both below this; default 1e-10. */
  tolerance?: number;
}

export interface Minimum {
  /** The best point found. */
  x: Float64Array;
  /** f(x). */
  value: number;
  iterations: number;
  /** Calls of f. */
  evaluations: number;
  /** False when maxIterations ran out before the tolerance was met. */
  converged: boolean;
}

/**
 * Minimises f from x0 by Nelder-Mead. f may return Infinity or NaN for a
 * point outside its domain; such points are treated as +Infinity (worse than
 * every finite point), so the simplex moves away from them.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  opts: NelderMeadOptions = {},
): Minimum {
  const n = x0.length;
  if (n === 0) throw new RangeError('nelderMead needs at least one parameter');
  const maxIterations = opts.maxIterations ?? 2000;
  const tol = opts.tolerance ?? 1e-10;
  const steps = typeof opts.step === 'number' || opts.step === undefined ? null : opts.step;
  const step0 = typeof opts.step === 'number' ? opts.step : 0.5;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };

  // Simplex of n + 1 vertices, kept sorted by value (best first).
  const pts: Float64Array[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] += steps ? steps[i - 1] : step0;
    pts.push(p);
  }
  let vals = pts.map(evaluate);
  const sort = () => {
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b] || a - b);
    const p = order.map((i) => pts[i]);
    const v = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) pts[i] = p[i];
    vals = v;
  };
  // Point c + t (w - c), with c the centroid of all vertices but the worst.
  const along = (c: Float64Array, w: Float64Array, t: number): Float64Array => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = c[k] + t * (w[k] - c[k]);
    return out;
  };

  let iterations = 0;
  let converged = false;
  sort();
  while (iterations < maxIterations) {
    // Convergence: f spread and simplex diameter (max-norm from the best vertex).
    let diameter = 0;
    for (let i = 1; i <= n; i++) {
      for (let k = 0; k < n; k++) diameter = Math.max(diameter, Math.abs(pts[i][k] - pts[0][k]));
    }
    if (Math.abs(vals[n] - vals[0]) <= tol && diameter <= Math.sqrt(tol)) {
      converged = true;
      break;
    }
    iterations++;
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) c[k] += pts[i][k] / n;
    const worst = pts[n];
    const xr = along(c, worst, -1);
    const fr = evaluate(xr);
    if (fr < vals[0]) {
      const xe = along(c, worst, -2);
      const fe = evaluate(xe);
      if (fe < fr) [pts[n], vals[n]] = [xe, fe];
      else [pts[n], vals[n]] = [xr, fr];
    } else if (fr < vals[n - 1]) {
      [pts[n], vals[n]] = [xr, fr];
    } else {
      // Contract: outside when the reflection beat the worst, inside otherwise.
      const outside = fr < vals[n];
      const xc = along(c, worst, outside ? -0.5 : 0.5);
      const fc = evaluate(xc);
      if (fc < (outside ? fr : vals[n])) {
        [pts[n], vals[n]] = [xc, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = along(pts[0], pts[i], 0.5);
          vals[i] = evaluate(pts[i]);
        }
      }
    }
    sort();
  }
  return { x: pts[0], value: vals[0], iterations, evaluations, converged };
}

/** Root-mean-square difference sqrt(mean (p_i - o_i)^2), in the data's units. */
export function rmse(predicted: ArrayLike<number>, observed: ArrayLike<number>): number {
  if (predicted.length !== observed.length || observed.length === 0) {
    throw new RangeError(`cannot compare ${predicted.length} predictions with ${observed.length}`);
  }
  let sum = 0;
  for (let i = 0; i < observed.length; i++) sum += (predicted[i] - observed[i]) ** 2;
  return Math.sqrt(sum / observed.length);
}

/** A curve y = predict(params, x) with named parameters and an unconstrained fitting space z. */
export interface CurveModel {
  /** Names of the parameters, in the order predict reads them. */
  paramNames: readonly string[];
  predict(params: ArrayLike<number>, x: number): number;
  /** Maps the unconstrained fitting space z to the parameters (identity when absent). */
  fromFree?(z: ArrayLike<number>): Float64Array;
  /** Maps parameters to z (inverse of fromFree; identity when absent). */
  toFree?(params: ArrayLike<number>): Float64Array;
}

export interface CurveFit {
  /** Fitted parameters, in paramNames order. */
  params: Float64Array;
  /** Parameters by name. */
  named: Record<string, number>;
  /** Predictions at the data's x. */
  predicted: Float64Array;
  /** RMSE between predicted and observed y, in y's units. */
  rmse: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Least-squares fit of a curve model: minimises sum_i (predict(p, x_i) - y_i)^2
 * by Nelder-Mead in the model's free space, from the start parameters.
 */
export function fitCurve(
  model: CurveModel,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  start: ArrayLike<number>,
  opts: NelderMeadOptions = {},
): CurveFit {
  const fromFree = model.fromFree ?? ((z: ArrayLike<number>) => Float64Array.from(z));
  const toFree = model.toFree ?? ((p: ArrayLike<number>) => Float64Array.from(p));
  const sse = (z: Float64Array): number => {
    const p = fromFree(z);
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += (model.predict(p, xs[i]) - ys[i]) ** 2;
    return sum;
  };
  const best = nelderMead(sse, toFree(start), opts);
  const params = fromFree(best.x);
  const predicted = Float64Array.from(Array.from(xs, (x) => model.predict(params, x)));
  const named: Record<string, number> = {};
  model.paramNames.forEach((name, i) => (named[name] = params[i]));
  return {
    params,
    named,
    predicted,
    rmse: rmse(predicted, ys),
    iterations: best.iterations,
    evaluations: best.evaluations,
    converged: best.converged,
  };
}
