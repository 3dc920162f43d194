/**
 * ACT-R declarative memory: activation, recall probability, and forgetting
 * curves fitted to Ebbinghaus's savings (SCIENCE.md section 5).
 *
 * - Activation of an item presented at times t_1..t_n, at time t:
 *     A(t) = ln sum_{j: t_j < t} (t - t_j)^(-d_j)
 *   Only presentations strictly before t count (an age of 0 would give an
 *   infinite activation); with none, A = -Infinity. Times are in any one unit
 *   the caller chooses; changing the unit by a factor k shifts A by
 *   -d ln k when all d_j = d (so tau shifts with it).
 * - Recall probability: P = 1 / (1 + exp(-(A - tau) / s)), threshold tau,
 *   noise s > 0 (the logistic's scale; the activation noise's standard
 *   deviation is s pi / sqrt(3)).
 * - One presentation and one decay d: A = -d ln t, so e^A = t^(-d), the power
 *   law of forgetting.
 *
 * Savings (relearning) is not a recall probability, so three 2-parameter
 * mappings are fitted to the same seven points by least squares in percent
 * (time t in hours, one study at t = 0):
 * - 'power' (the one the lab and CLI lead with): S(t) = b t^(-d) = b e^{A(t)},
 *   savings proportional to the trace strength whose log is ACT-R's
 *   activation (b = savings at 1 h). This is the power law of forgetting of
 *   Wixted & Ebbesen (1991).
 * - 'exponential': S(t) = b exp(-t / T), the trace decays by a constant
 *   fraction per hour (T is the time constant, hours).
 * - 'actr': S(t) = 100 P(A(t)) with ACT-R's default decay d = 0.5 fixed,
 *   tau and s fitted: savings read as a recall probability through the logistic.
 * Equal parameter counts keep the comparison fair.
 */
import { ebbinghausArrays } from '../../data/ebbinghaus';
import { fitCurve, type CurveModel } from './fit';

/** ACT-R's usual decay for every presentation (Anderson & Lebiere 1998). */
export const ACTR_DECAY = 0.5;

/**
 * A(t) = ln sum_{t_j < t} (t - t_j)^(-d_j); decay is one d for all, or one
 * per presentation (same order as times). Returns -Infinity with no
 * presentation before t.
 */
export function activation(
  times: ArrayLike<number>,
  t: number,
  decay: number | ArrayLike<number> = ACTR_DECAY,
): number {
  let sum = 0;
  for (let j = 0; j < times.length; j++) {
    const age = t - times[j];
    if (!(age > 0)) continue;
    const d = typeof decay === 'number' ? decay : decay[j];
    sum += Math.pow(age, -d);
  }
  return Math.log(sum);
}

/** P = 1 / (1 + exp(-(A - tau) / s)); 0 for A = -Infinity. */
export function recallProbability(a: number, tau: number, s: number): number {
  if (!(s > 0)) throw new RangeError(`noise s must be > 0, got ${s}`);
  return 1 / (1 + Math.exp(-(a - tau) / s));
}

export type ForgettingModelName = 'power' | 'exponential' | 'actr';
export const FORGETTING_MODELS: readonly ForgettingModelName[] = ['power', 'exponential', 'actr'];

export interface ForgettingModel extends CurveModel {
  name: ForgettingModelName;
  /** The formula in words, t in hours, S in percent. */
  formula: string;
  /** A start point computed from the data by a linearising regression. */
  start(hours: ArrayLike<number>, savings: ArrayLike<number>): Float64Array;
}

/** Least-squares line y = alpha + beta x. */
function line(x: ArrayLike<number>, y: ArrayLike<number>): { alpha: number; beta: number } {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const beta = sxx > 0 ? sxy / sxx : 0;
  return { alpha: my - beta * mx, beta };
}

const positive: Pick<CurveModel, 'fromFree' | 'toFree'> = {
  fromFree: (z) => Float64Array.from(z, Math.exp),
  toFree: (p) => Float64Array.from(p, Math.log),
};

const POWER: ForgettingModel = {
  name: 'power',
  formula: 'S(t) = b t^(-d) = b exp(A(t)), A(t) = -d ln t',
  paramNames: ['b', 'd'],
  predict: (p, t) => p[0] * Math.pow(t, -p[1]),
  ...positive,
  start(hours, savings) {
    // ln S = ln b - d ln t.
    const { alpha, beta } = line(Array.from(hours, Math.log), Array.from(savings, Math.log));
    return Float64Array.of(Math.exp(alpha), Math.max(-beta, 1e-3));
  },
};

const EXPONENTIAL: ForgettingModel = {
  name: 'exponential',
  formula: 'S(t) = b exp(-t / T)',
  paramNames: ['b', 'T'],
  predict: (p, t) => p[0] * Math.exp(-t / p[1]),
  ...positive,
  start(hours, savings) {
    // ln S = ln b - t / T.
    const { alpha, beta } = line(hours, Array.from(savings, Math.log));
    return Float64Array.of(Math.exp(alpha), beta < 0 ? -1 / beta : 1e3);
  },
};

const ACTR: ForgettingModel = {
  name: 'actr',
  formula: `S(t) = 100 / (1 + exp(-(A(t) - tau) / s)), A(t) = -${ACTR_DECAY} ln t`,
  paramNames: ['tau', 's'],
  predict: (p, t) => 100 * recallProbability(activation([0], t, ACTR_DECAY), p[0], p[1]),
  fromFree: (z) => Float64Array.of(z[0], Math.exp(z[1])),
  toFree: (p) => Float64Array.of(p[0], Math.log(p[1])),
  start(hours, savings) {
    // logit(S/100) = (A - tau) / s = A / s - tau / s.
    const a = Array.from(hours, (t) => -ACTR_DECAY * Math.log(t));
    const logit = Array.from(savings, (v) => Math.log(v / (100 - v)));
    const { alpha, beta } = line(a, logit);
    const s = beta > 0 ? 1 / beta : 1;
    return Float64Array.of(-alpha * s, s);
  },
};

export function forgettingModel(name: ForgettingModelName): ForgettingModel {
  return { power: POWER, exponential: EXPONENTIAL, actr: ACTR }[name];
}

export interface ForgettingFit {
  model: ForgettingModelName;
  formula: string;
  /** Fitted parameters by name (b in %, d unitless, T in hours, tau and s in activation units). */
  params: Record<string, number>;
  /** RMSE against the data, in percentage points of savings. */
  rmse: number;
  /** The data the model was fitted to (hours, %), and the model at those delays. */
  hours: Float64Array;
  observed: Float64Array;
  predicted: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Fits a forgetting model to savings data (default: Ebbinghaus 1885) by least
 * squares in percent, with Nelder-Mead from a regression start (see
 * ForgettingModel.start). Deterministic; a few hundred evaluations.
 */
export function fitForgetting(
  name: ForgettingModelName,
  data: { hours: ArrayLike<number>; savings: ArrayLike<number> } = ebbinghausArrays(),
): ForgettingFit {
  const model = forgettingModel(name);
  const start = model.start(data.hours, data.savings);
  const fit = fitCurve(model, data.hours, data.savings, start, { step: 0.2, tolerance: 1e-12 });
  return {
    model: name,
    formula: model.formula,
    params: fit.named,
    rmse: fit.rmse,
    hours: Float64Array.from(data.hours),
    observed: Float64Array.from(data.savings),
    predicted: fit.predicted,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    converged: fit.converged,
  };
}

/** n delays spaced evenly in log time from `from` to `to` hours (both included), for plots. */
export function logSpacedHours(from: number, to: number, n: number): Float64Array {
  if (!(from > 0 && to > from && n >= 2)) throw new RangeError('need 0 < from < to and n >= 2');
  const out = new Float64Array(n);
  const lf = Math.log(from);
  const step = (Math.log(to) - lf) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = Math.exp(lf + i * step);
  return out;
}

/** A fitted model's savings (%) at the given delays (hours). */
export function forgettingCurve(fit: ForgettingFit, hours: ArrayLike<number>): Float64Array {
  const model = forgettingModel(fit.model);
  const p = Float64Array.from(model.paramNames, (k) => fit.params[k]);
  return Float64Array.from(Array.from(hours, (t) => model.predict(p, t)));
}
