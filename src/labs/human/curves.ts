/**
 * The free-recall curves as chart points (serial positions and lags counted
 * from 1 and from the item just recalled), and the few numbers the text
 * quotes, all from a FreeRecallSummary (models/human/freeRecall.ts).
 */
import type { FreeRecallSummary } from '../../models/human/freeRecall';
import type { Point } from '../../ui/chartMath';

/** Lags the lag-CRP chart shows: -MAX_LAG .. MAX_LAG. */
export const MAX_LAG = 5;

/** P(recall) by serial position, positions from 1. */
export function spcPoints(s: FreeRecallSummary): Point[] {
  return s.serialPosition.map((y, i) => ({ x: i + 1, y }));
}

export function pfrPoints(s: FreeRecallSummary): Point[] {
  return s.firstRecall.map((y, i) => ({ x: i + 1, y }));
}

/** Lag-CRP at lags -MAX_LAG..MAX_LAG; NaN (a gap) where a lag was never possible. */
export function crpPoints(s: FreeRecallSummary, maxLag = MAX_LAG): Point[] {
  const out: Point[] = [];
  s.lagCrp.lags.forEach((lag, i) => {
    if (Math.abs(lag) <= maxLag) out.push({ x: lag, y: s.lagCrp.crp[i] ?? NaN });
  });
  return out;
}

export function crpAt(s: FreeRecallSummary, lag: number): number {
  const i = s.lagCrp.lags.indexOf(lag);
  return i < 0 ? NaN : (s.lagCrp.crp[i] ?? NaN);
}

/** The shape of a serial position curve in four numbers. */
export interface CurveShape {
  first: number;
  /** Mean over the middle third of the positions. */
  middle: number;
  last: number;
  /** Position (from 1) most often recalled first. */
  firstRecallPeak: number;
  crpPlus1: number;
  crpMinus1: number;
}

export function curveShape(s: FreeRecallSummary): CurveShape {
  const n = s.serialPosition.length;
  const lo = Math.floor(n / 3);
  const hi = Math.max(lo + 1, Math.ceil((2 * n) / 3));
  const mid = s.serialPosition.slice(lo, hi);
  let peak = 0;
  s.firstRecall.forEach((p, i) => {
    if (p > s.firstRecall[peak]) peak = i;
  });
  return {
    first: s.serialPosition[0],
    middle: mid.reduce((a, b) => a + b, 0) / mid.length,
    last: s.serialPosition[n - 1],
    firstRecallPeak: peak + 1,
    crpPlus1: crpAt(s, 1),
    crpMinus1: crpAt(s, -1),
  };
}

/** Two decimals, or "–" for a number that is not one (a lag never possible). */
export function f2(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : '–';
}
