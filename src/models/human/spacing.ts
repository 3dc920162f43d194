/**
 * The spacing effect through Pavlik & Anderson's (2005) activation-dependent
 * decay (SCIENCE.md section 5).
 *
 * An item studied at t_1 < t_2 < ... has, at time t,
 *   A(t) = ln sum_{t_j < t} (t - t_j)^(-d_j),   d_j = c exp(m_{j-1}) + a,
 * where m_{j-1} = A(t_j) is the activation just before presentation j (from
 * presentations 1..j-1; m_0 = -Infinity, so d_1 = a). A presentation made
 * while the item is still strong decays fast, so massed study helps at short
 * retention intervals and spaced study wins at long ones.
 *
 * Conventions:
 * - Time is in SECONDS everywhere in this file (Pavlik & Anderson fitted c
 *   and a with ages in seconds; since d_j depends on exp(m), the unit is not
 *   arbitrary). UNIT_SECONDS converts from minutes, hours, days, weeks.
 * - c = 0.217, a = 0.177 are Pavlik & Anderson's fit. Their threshold and
 *   noise, and their scaling of between-session time (h), are NOT used:
 *   tau and s here are a calibration of ours, computed (calibrateRecall) so
 *   that ONE study is recalled with P = 0.5 after one day and P = 0.95 after
 *   ten minutes; real time is used throughout, so a timeline reads in clock
 *   time. tau and s change the recall levels, never which schedule is best
 *   (P is increasing in A), so the best gaps below do not depend on them.
 * - Presentation times must increase strictly. "Massed" study is two
 *   presentations MASSED_LAG_SECONDS apart (a gap of 0 in a sweep means that).
 */
import { activation, recallProbability } from './actr';

export const UNIT_SECONDS = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
  weeks: 7 * 86_400,
} as const;
export type TimeUnit = keyof typeof UNIT_SECONDS;
export const TIME_UNITS = Object.keys(UNIT_SECONDS) as TimeUnit[];

/** Back-to-back presentations of massed study, seconds apart. */
export const MASSED_LAG_SECONDS = 10;

/** Pavlik & Anderson (2005): d_j = c exp(m_{j-1}) + a, ages in seconds. */
export const PAVLIK_ANDERSON_2005 = { c: 0.217, a: 0.177 } as const;

export interface SpacingParams {
  /** Decay scale (of exp(m)). */
  c: number;
  /** Decay intercept: the decay of a first presentation. */
  a: number;
  /** Recall threshold (activation units). */
  tau: number;
  /** Recall noise, the logistic's scale (> 0). */
  s: number;
}

/**
 * tau and s so that a single presentation (decay a) gives P = pLate at
 * tLate and P = pEarly at tEarly (seconds): with A(t) = -a ln t,
 * logit(P) = (A - tau) / s is solved at the two anchors.
 */
export function calibrateRecall(
  a: number,
  anchors = { tEarly: 600, pEarly: 0.95, tLate: UNIT_SECONDS.days, pLate: 0.5 },
): { tau: number; s: number } {
  const logit = (p: number) => Math.log(p / (1 - p));
  const aEarly = -a * Math.log(anchors.tEarly);
  const aLate = -a * Math.log(anchors.tLate);
  const s = (aEarly - aLate) / (logit(anchors.pEarly) - logit(anchors.pLate));
  return { tau: aLate - s * logit(anchors.pLate), s };
}

/** c and a from Pavlik & Anderson (2005), tau and s from calibrateRecall. */
export const SPACING_DEFAULTS: SpacingParams = {
  ...PAVLIK_ANDERSON_2005,
  ...calibrateRecall(PAVLIK_ANDERSON_2005.a),
};

/** One presentation of the item, with what the model computed when it happened. */
export interface Presentation {
  /** Seconds. */
  time: number;
  /** m_{j-1}: activation just before this presentation (-Infinity for the first). */
  activationBefore: number;
  /** d_j = c exp(m_{j-1}) + a. */
  decay: number;
}

/**
 * Adds one presentation at `time` (after the last one): m = A(time) from the
 * earlier presentations, d = c exp(m) + a. Returns a new history; the page
 * can add sessions one at a time and show each decay.
 */
export function addPresentation(
  history: readonly Presentation[],
  time: number,
  params: SpacingParams = SPACING_DEFAULTS,
): Presentation[] {
  const last = history[history.length - 1];
  if (last && !(time > last.time)) {
    throw new RangeError(`presentation at ${time} s is not after the last one at ${last.time} s`);
  }
  const m = activationAt(history, time);
  return [...history, { time, activationBefore: m, decay: params.c * Math.exp(m) + params.a }];
}

/** The whole history for sorted, strictly increasing study times (seconds). */
export function studyHistory(
  times: readonly number[],
  params: SpacingParams = SPACING_DEFAULTS,
): Presentation[] {
  let h: Presentation[] = [];
  for (const t of times) h = addPresentation(h, t, params);
  return h;
}

/** A(t) = ln sum_{t_j < t} (t - t_j)^(-d_j) over the history. */
export function activationAt(history: readonly Presentation[], t: number): number {
  return activation(
    history.map((p) => p.time),
    t,
    history.map((p) => p.decay),
  );
}

export interface Recall {
  /** Activation at the test time. */
  activation: number;
  /** P = 1 / (1 + exp(-(A - tau) / s)). */
  probability: number;
}

/** Activation and recall probability at test time t (seconds). */
export function recallAt(
  history: readonly Presentation[],
  t: number,
  params: SpacingParams = SPACING_DEFAULTS,
): Recall {
  const a = activationAt(history, t);
  return { activation: a, probability: recallProbability(a, params.tau, params.s) };
}

/** Recall at `test` (seconds) after study at `times` (seconds, increasing). */
export function recallAtTest(
  times: readonly number[],
  test: number,
  params: SpacingParams = SPACING_DEFAULTS,
): Recall & { history: Presentation[] } {
  const history = studyHistory(times, params);
  return { ...recallAt(history, test, params), history };
}

/** P(t) along a timeline (seconds), for the curve between and after sessions. */
export function recallTimeline(
  history: readonly Presentation[],
  ts: ArrayLike<number>,
  params: SpacingParams = SPACING_DEFAULTS,
): Float64Array {
  return Float64Array.from(Array.from(ts, (t) => recallAt(history, t, params).probability));
}

export type SchedulePreset = 'massed' | 'even' | 'expanding';
export const SCHEDULE_PRESETS: readonly SchedulePreset[] = ['massed', 'even', 'expanding'];

/**
 * Study times (seconds) for n sessions starting at 0:
 * - massed: back to back, MASSED_LAG_SECONDS apart (span ignored);
 * - even: equal gaps, the last at `span`;
 * - expanding: each gap twice the one before (g, 2g, 4g, ...), the last at `span`.
 * The retention interval is then measured from the last session.
 */
export function schedulePreset(kind: SchedulePreset, sessions: number, span: number): number[] {
  if (!Number.isInteger(sessions) || sessions < 1) throw new RangeError('sessions must be >= 1');
  if (sessions > 1 && kind !== 'massed' && !(span > 0)) throw new RangeError('span must be > 0');
  const times = [0];
  if (kind === 'massed') {
    for (let i = 1; i < sessions; i++) times.push(i * MASSED_LAG_SECONDS);
  } else if (kind === 'even') {
    for (let i = 1; i < sessions; i++) times.push((i * span) / (sessions - 1));
  } else {
    const g = span / (2 ** (sessions - 1) - 1);
    for (let i = 1; i < sessions; i++) times.push(times[i - 1] + g * 2 ** (i - 1));
  }
  return times;
}

/** Two sessions `gap` seconds apart (0 means massed), tested `retention` seconds after the second. */
export function twoSessionRecall(
  gap: number,
  retention: number,
  params: SpacingParams = SPACING_DEFAULTS,
): number {
  const second = Math.max(gap, MASSED_LAG_SECONDS);
  return recallAtTest([0, second], second + retention, params).probability;
}

/**
 * The gap (seconds) that maximises twoSessionRecall for a retention interval:
 * a log-spaced grid from MASSED_LAG_SECONDS to 10 x retention (n points),
 * refined by golden-section search in log gap around the best grid point.
 */
export function optimalGap(
  retention: number,
  params: SpacingParams = SPACING_DEFAULTS,
  n = 121,
): { gap: number; probability: number } {
  const lo = Math.log(MASSED_LAG_SECONDS);
  const hi = Math.log(Math.max(10 * retention, 10 * MASSED_LAG_SECONDS));
  const f = (lg: number) => twoSessionRecall(Math.exp(lg), retention, params);
  let bestI = 0;
  let bestP = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = f(lo + ((hi - lo) * i) / (n - 1));
    if (p > bestP) [bestI, bestP] = [i, p];
  }
  const h = (hi - lo) / (n - 1);
  let a = lo + Math.max(bestI - 1, 0) * h;
  let b = lo + Math.min(bestI + 1, n - 1) * h;
  const r = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 40; k++) {
    const x1 = b - r * (b - a);
    const x2 = a + r * (b - a);
    if (f(x1) >= f(x2)) b = x2;
    else a = x1;
  }
  const lg = (a + b) / 2;
  return f(lg) >= bestP
    ? { gap: Math.exp(lg), probability: f(lg) }
    : { gap: Math.exp(lo + bestI * h), probability: bestP };
}

export interface GapSweep {
  /** Gaps and retention intervals, seconds. */
  gaps: number[];
  retentions: number[];
  /** recall[r][g]: P at test for retention r and gap g. */
  recall: number[][];
  /** Per retention: the best gap of the list (first one on ties) and its P. */
  best: { retention: number; gap: number; probability: number }[];
  /** Per retention: the continuous optimum (optimalGap) and gap / retention. */
  optimum: { retention: number; gap: number; probability: number; ratio: number }[];
}

/** Recall for every (gap, retention) pair of two-session study, and the best gaps. */
export function gapSweep(
  gaps: readonly number[],
  retentions: readonly number[],
  params: SpacingParams = SPACING_DEFAULTS,
): GapSweep {
  const recall = retentions.map((r) => gaps.map((g) => twoSessionRecall(g, r, params)));
  const best = retentions.map((retention, i) => {
    let j = 0;
    for (let k = 1; k < gaps.length; k++) if (recall[i][k] > recall[i][j]) j = k;
    return { retention, gap: gaps[j], probability: recall[i][j] };
  });
  const optimum = retentions.map((retention) => {
    const o = optimalGap(retention, params);
    return { retention, ...o, ratio: o.gap / retention };
  });
  return { gaps: [...gaps], retentions: [...retentions], recall, best, optimum };
}

/**
 * The retention interval (seconds) at which two sessions `gap` apart start to
 * beat massed study (the crossover): the root of
 * P(gap, R) - P(massed, R) by bisection in log R between `lo` and `hi`.
 * Returns null when the sign does not change in [lo, hi].
 */
export function crossoverRetention(
  gap: number,
  params: SpacingParams = SPACING_DEFAULTS,
  lo = 1,
  hi = 10 * 365 * UNIT_SECONDS.days,
): number | null {
  const diff = (lr: number) =>
    twoSessionRecall(gap, Math.exp(lr), params) - twoSessionRecall(0, Math.exp(lr), params);
  let a = Math.log(lo);
  let b = Math.log(hi);
  if (diff(a) > 0 || diff(b) <= 0) return null;
  for (let k = 0; k < 60; k++) {
    const m = (a + b) / 2;
    if (diff(m) > 0) b = m;
    else a = m;
  }
  return Math.exp((a + b) / 2);
}
