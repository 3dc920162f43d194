/**
 * What the Spacing section computes, in DAYS on the page (the model,
 * models/human/spacing.ts, works in seconds): the schedule's recall at test
 * under Pavlik & Anderson's activation-dependent decay, the recall curve
 * along the timeline, the presets, the edits of a schedule, and one
 * retention interval's row of the two-session gap sweep.
 *
 * A schedule is a sorted list of session times (days) with at least
 * MIN_SEPARATION_DAYS between neighbours, so presentation times increase
 * strictly as the model requires. Sessions at or after the test are shown
 * but do not count (activation sums presentations strictly before t).
 */
import {
  crossoverRetention,
  MASSED_LAG_SECONDS,
  optimalGap,
  recallAt,
  schedulePreset,
  studyHistory,
  twoSessionRecall,
  UNIT_SECONDS,
  type SchedulePreset,
} from '../../../models/human/spacing';
import type { RetentionName } from './params';

export const DAY = UNIT_SECONDS.days;

/** Session times are kept to a millionth of a day (0.09 s), so the link stays short. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Massed sessions' separation, in days, rounded up to the kept precision. */
export const MIN_SEPARATION_DAYS = Math.ceil((MASSED_LAG_SECONDS / DAY) * 1e6) / 1e6;

export interface SessionDecay {
  /** Days. */
  time: number;
  /** m_(j-1): activation just before the session (-Infinity for the first). */
  activationBefore: number;
  /** d_j = c exp(m_(j-1)) + a. */
  decay: number;
}

export interface ScheduleRecall {
  /** Activation and P(recall) at the test. */
  activation: number;
  probability: number;
  /** The sessions before the test, with their decays. */
  counted: SessionDecay[];
  /** Sessions at or after the test (they do not count). */
  ignored: number;
}

/** Recall at `testAt` after study at `sessions` (days). */
export function scheduleRecall(sessions: readonly number[], testAt: number): ScheduleRecall {
  const before = sessions.filter((t) => t < testAt);
  const history = studyHistory(before.map((t) => t * DAY));
  const r = recallAt(history, testAt * DAY);
  return {
    activation: r.activation,
    probability: r.probability,
    counted: history.map((p) => ({
      time: p.time / DAY,
      activationBefore: p.activationBefore,
      decay: p.decay,
    })),
    ignored: sessions.length - before.length,
  };
}

/**
 * P(recall) along [0, span] days: `n` even samples plus each session's own
 * time (where the session does not count yet) and a moment after it, so the
 * jump at each study shows as a step.
 */
export function timelineCurve(
  sessions: readonly number[],
  span: number,
  n = 240,
): { x: number; y: number }[] {
  const history = studyHistory(sessions.map((t) => t * DAY));
  const ts = Array.from({ length: n + 1 }, (_, i) => (span * i) / n);
  for (const t of sessions) if (t < span) ts.push(t, t + span * 1e-4);
  ts.sort((a, b) => a - b);
  return ts.map((t) => ({ x: t, y: recallAt(history, t * DAY).probability }));
}

/** A preset's session times in days: n sessions over `period` days (massed: 10 s apart). */
export function presetSessions(kind: SchedulePreset, n: number, period: number): number[] {
  const times = schedulePreset(kind, n, period * DAY).map((t) => round6(t / DAY));
  // Rounding can bring massed sessions closer than the model's lag; keep them apart.
  for (let i = 1; i < times.length; i++) {
    times[i] = Math.max(times[i], round6(times[i - 1] + MIN_SEPARATION_DAYS));
  }
  return times;
}

/**
 * Moves session `index` to `time` (days), kept between its neighbours (at
 * least MIN_SEPARATION_DAYS from each) and within [0, max]: sessions keep
 * their order, so a dragged session never swaps places with another.
 */
export function moveSession(
  sessions: readonly number[],
  index: number,
  time: number,
  max: number,
): number[] {
  if (!(index >= 0 && index < sessions.length)) return [...sessions];
  const lo = index > 0 ? sessions[index - 1] + MIN_SEPARATION_DAYS : 0;
  const hi = index < sessions.length - 1 ? sessions[index + 1] - MIN_SEPARATION_DAYS : max;
  const out = [...sessions];
  out[index] = round6(Math.min(Math.max(time, lo), Math.max(lo, hi)));
  return out;
}

/**
 * One more session, in the middle of the widest gap between consecutive
 * sessions, or between the last session and the test when that is wider;
 * returns the list and the new session's index.
 */
export function addSession(
  sessions: readonly number[],
  testAt: number,
): { sessions: number[]; index: number } {
  if (sessions.length === 0) return { sessions: [0], index: 0 };
  const ends = [...sessions];
  const last = sessions[sessions.length - 1];
  if (testAt > last) ends.push(testAt);
  let best = -1;
  let width = 0;
  for (let i = 0; i + 1 < ends.length; i++) {
    if (ends[i + 1] - ends[i] > width) [best, width] = [i, ends[i + 1] - ends[i]];
  }
  const time =
    best >= 0 && width >= 2 * MIN_SEPARATION_DAYS
      ? round6((ends[best] + ends[best + 1]) / 2)
      : round6(last + MIN_SEPARATION_DAYS);
  const out = [...sessions, time].sort((a, b) => a - b);
  return { sessions: out, index: out.indexOf(time) };
}

/** The timeline's extent (days): a round number past the test and the last session. */
export function timelineSpan(sessions: readonly number[], testAt: number): number {
  const end = Math.max(testAt, sessions[sessions.length - 1] ?? 0, 1 / 24) * 1.15;
  const steps = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 540, 730];
  const hours = [1, 2, 3, 6, 12].map((h) => h / 24);
  return [...hours, ...steps].find((s) => s >= end) ?? Math.ceil(end / 365) * 365;
}

/** "10 s", "3 h", "2.5 d": a duration in days, read at a glance. */
export function formatDays(days: number): string {
  const s = days * DAY;
  if (s === 0) return '0';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (days < 2) return `${Number((days * 24).toFixed(1))} h`;
  if (days < 60) return `${Number(days.toFixed(1))} d`;
  if (days < 730) return `${Number((days / 30).toFixed(1))} months`;
  return `${Number((days / 365).toFixed(1))} years`;
}

/** The retention intervals of the sweep, seconds. */
export const RETENTION_SECONDS: Record<RetentionName, number> = {
  '10min': 600,
  '1h': 3600,
  '1d': DAY,
  '1w': 7 * DAY,
  '1m': 30 * DAY,
  '1y': 365 * DAY,
};

export const RETENTION_LABELS: Record<RetentionName, string> = {
  '10min': '10 minutes',
  '1h': '1 hour',
  '1d': '1 day',
  '1w': '1 week',
  '1m': '30 days',
  '1y': '1 year',
};

/** Gaps of the sweep (days): massed (10 s) to two years, log-spaced. */
export const SWEEP_GAPS_DAYS: number[] = (() => {
  const lo = Math.log(MASSED_LAG_SECONDS / DAY);
  const hi = Math.log(730);
  const n = 49;
  return Array.from({ length: n }, (_, i) => Math.exp(lo + ((hi - lo) * i) / (n - 1)));
})();

/** One retention interval of the two-session sweep. */
export interface GapSweepRow {
  retention: RetentionName;
  /** P at test for each of SWEEP_GAPS_DAYS. */
  recall: number[];
  /** Two sessions back to back (10 s apart). */
  massed: number;
  /** The best gap (golden-section search), days, its P and gap / retention. */
  bestGap: number;
  bestRecall: number;
  ratio: number;
}

export function gapSweepRow(retention: RetentionName): GapSweepRow {
  const r = RETENTION_SECONDS[retention];
  const best = optimalGap(r);
  return {
    retention,
    recall: SWEEP_GAPS_DAYS.map((g) => twoSessionRecall(g * DAY, r)),
    massed: twoSessionRecall(0, r),
    bestGap: best.gap / DAY,
    bestRecall: best.probability,
    ratio: best.gap / r,
  };
}

/** Massed study against a one-day gap, over retention intervals from a minute to a year. */
export interface Crossover {
  /** The retention interval (days) below which massed study beats a one-day gap. */
  days: number | null;
  /** Retention (days) and P(one-day gap) - P(massed) there, in percentage points. */
  curve: { x: number; y: number }[];
}

export function crossoverForOneDay(n = 61): Crossover {
  const x = crossoverRetention(DAY);
  const lo = Math.log(60);
  const hi = Math.log(365 * DAY);
  const curve = Array.from({ length: n }, (_, i) => {
    const r = Math.exp(lo + ((hi - lo) * i) / (n - 1));
    return { x: r / DAY, y: 100 * (twoSessionRecall(DAY, r) - twoSessionRecall(0, r)) };
  });
  return { days: x === null ? null : x / DAY, curve };
}

/**
 * Cepeda, Vul, Rohrer, Wixted & Pashler (2008), Spacing effects in learning:
 * a temporal ridgeline of optimal retention, Psychological Science 19, 1095:
 * the best gap as a share of the retention interval, as SCIENCE.md section 5
 * summarises it (about 20-40 % of a one-week interval, 5-10 % of a one-year
 * one). Reference data from the paper, not computed.
 */
export const CEPEDA_2008: Partial<Record<RetentionName, readonly [number, number]>> = {
  '1w': [0.2, 0.4],
  '1y': [0.05, 0.1],
};
