/**
 * What the Forgetting section computes: the power-law, exponential and
 * ACT-R logistic fits to the Ebbinghaus points the visitor keeps, and
 * ACT-R's activation and recall probability for one study (models in
 * models/human/actr.ts; time in hours, savings in percent).
 */
import { EBBINGHAUS_1885 } from '../../../data/ebbinghaus';
import {
  ACTR_DECAY,
  activation,
  fitForgetting,
  forgettingCurve,
  logSpacedHours,
  recallProbability,
  type ForgettingFit,
} from '../../../models/human/actr';
import { rmse } from '../../../models/human/fit';
import { DELAY_KEYS } from './params';

/** The three fits to the same points, and how long they took in this page. */
export interface ForgettingFits {
  /** Indices into EBBINGHAUS_1885 of the points fitted. */
  used: number[];
  power: ForgettingFit;
  exponential: ForgettingFit;
  /** ACT-R's logistic with d = 0.5: S = 100 P(A(t)), tau and s fitted. */
  actr: ForgettingFit;
  /** Milliseconds for the three fits. */
  ms: number;
}

/** The fewest points a two-parameter fit is given (two would be fitted exactly). */
export const MIN_FIT_POINTS = 3;

/** Fits the three models to the chosen delays (names from DELAY_KEYS). */
export function fitChosen(
  points: readonly string[],
  now = () => performance.now(),
): ForgettingFits {
  const used = DELAY_KEYS.flatMap((k, i) => (points.includes(k) ? [i] : []));
  if (used.length < MIN_FIT_POINTS) {
    throw new RangeError(`need at least ${MIN_FIT_POINTS} points, got ${used.length}`);
  }
  const data = {
    hours: Float64Array.from(used, (i) => EBBINGHAUS_1885[i].delayHours),
    savings: Float64Array.from(used, (i) => EBBINGHAUS_1885[i].savingsPercent),
  };
  const t0 = now();
  const power = fitForgetting('power', data);
  const exponential = fitForgetting('exponential', data);
  const actr = fitForgetting('actr', data);
  return { used, power, exponential, actr, ms: now() - t0 };
}

/** Delays of the drawn curves: 1 minute to 62 days, log-spaced (hours). */
export const CURVE_HOURS = logSpacedHours(1 / 60, 62 * 24, 240);

/** A fitted model's curve as chart points (hours, % savings). */
export function curvePoints(fit: ForgettingFit): { x: number; y: number }[] {
  const s = forgettingCurve(fit, CURVE_HOURS);
  return Array.from(CURVE_HOURS, (x, i) => ({ x, y: s[i] }));
}

/** One study at t = 0: A(t) = -d ln t and P = 1 / (1 + exp(-(A - tau) / s)), t in hours. */
export function actrCurves(d: number, tau: number, s: number) {
  const a = Array.from(CURVE_HOURS, (t) => activation([0], t, d));
  return {
    activation: Array.from(CURVE_HOURS, (x, i) => ({ x, y: a[i] })),
    probability: Array.from(CURVE_HOURS, (x, i) => ({ x, y: recallProbability(a[i], tau, s) })),
  };
}

/** RMSE (percentage points) of 100 P(t) against the savings at the used delays. */
export function actrError(d: number, tau: number, s: number, used: readonly number[]): number {
  const points = used.map((i) => EBBINGHAUS_1885[i]);
  const predicted = points.map(
    (p) => 100 * recallProbability(activation([0], p.delayHours, d), tau, s),
  );
  return rmse(
    predicted,
    points.map((p) => p.savingsPercent),
  );
}

/**
 * tau and s of the least-squares ACT-R logistic for a decay d. With one
 * study, A = -d ln t, so (A - tau) / s depends only on tau / d and s / d:
 * scaling d, tau and s by one factor k leaves every P unchanged. The fit at
 * d = 0.5 (fits.actr) therefore gives the fit at any d exactly:
 * tau_d = tau_0.5 d / 0.5, s_d = s_0.5 d / 0.5, with the same error.
 */
export function actrFitFor(d: number, actr: ForgettingFit): { tau: number; s: number } {
  const k = d / ACTR_DECAY;
  return { tau: actr.params.tau * k, s: actr.params.s * k };
}

/** Savings lost over a span of delays (percentage points), from the data. */
export function drop(fromIndex: number, toIndex: number): number {
  return EBBINGHAUS_1885[fromIndex].savingsPercent - EBBINGHAUS_1885[toIndex].savingsPercent;
}
