/**
 * Pure data handling for LineChart: series to points, domains (linear or
 * log), decimation for long series, nearest point and crosshair keys, and the
 * text a screen reader hears.
 */
import { format } from 'd3';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type SeriesValues = readonly number[] | readonly Point[];

export interface ChartMarker {
  readonly x?: number;
  readonly y?: number;
  readonly label: string;
}

/** Plain numbers become points (index, value); points pass through. */
export function toPoints(values: SeriesValues): readonly Point[] {
  if (values.length === 0 || typeof values[0] !== 'number') return values as readonly Point[];
  return (values as readonly number[]).map((y, x) => ({ x, y }));
}

/** Can this coordinate be drawn on this axis? (finite, and > 0 on a log axis) */
export function drawable(v: number | undefined, log: boolean): v is number {
  return v !== undefined && Number.isFinite(v) && (!log || v > 0);
}

export interface DomainOptions {
  readonly logX?: boolean;
  readonly logY?: boolean;
  readonly yDomain?: readonly [number, number];
}

/**
 * x and y extents over every drawable point and marker. A fixed yDomain wins.
 * An empty or single-valued extent is widened so scales never divide by zero:
 * by +-1 on a linear axis, by x10 on a log axis; an empty log axis is [1, 10].
 */
export function chartDomains(
  series: readonly (readonly Point[])[],
  markers: readonly ChartMarker[] = [],
  opts: DomainOptions = {},
): { x: [number, number]; y: [number, number] } {
  const logX = !!opts.logX;
  const logY = !!opts.logY;
  const xs = [Infinity, -Infinity];
  const ys = [Infinity, -Infinity];
  const add = (r: number[], v: number) => {
    if (v < r[0]) r[0] = v;
    if (v > r[1]) r[1] = v;
  };
  for (const pts of series) {
    for (const p of pts) {
      if (!drawable(p.x, logX) || !drawable(p.y, logY)) continue;
      add(xs, p.x);
      add(ys, p.y);
    }
  }
  for (const m of markers) {
    if (drawable(m.x, logX)) add(xs, m.x);
    if (drawable(m.y, logY)) add(ys, m.y);
  }
  const y = opts.yDomain ? [opts.yDomain[0], opts.yDomain[1]] : ys;
  return { x: widen(xs, logX), y: widen(y, logY) };
}

function widen(r: number[], log: boolean): [number, number] {
  if (!(r[0] <= r[1])) return log ? [1, 10] : [0, 1];
  if (r[0] < r[1]) return [r[0], r[1]];
  return log ? [r[0] / 10, r[0] * 10] : [r[0] - 1, r[0] + 1];
}

/**
 * M4 decimation: groups points by the screen column `px(p)` falls in and
 * keeps, per column and in their original order, the first, last, lowest and
 * highest point. The drawn line is the same to the pixel, with at most four
 * points per column; series shorter than 4 points per column pass through.
 */
export function decimate(
  points: readonly Point[],
  px: (x: number) => number,
  columns: number,
): readonly Point[] {
  if (points.length <= 4 * Math.max(1, columns)) return points;
  const out: Point[] = [];
  let col = NaN;
  let first = 0;
  let last = 0;
  let lo = 0;
  let hi = 0;
  const flush = () => {
    for (const k of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) out.push(points[k]);
  };
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    const c = Math.floor(px(p.x));
    if (c !== col) {
      if (k > 0) flush();
      col = c;
      first = last = lo = hi = k;
      continue;
    }
    last = k;
    if (p.y < points[lo].y) lo = k;
    if (p.y > points[hi].y) hi = k;
  }
  flush();
  return out;
}

/**
 * Index of the point whose x is closest to `target` (first on ties), -1 if
 * none is finite. With `map` (an x scale), distance is measured after
 * mapping, so "closest" means closest on screen, also on a log axis.
 */
export function nearestIndex(
  points: readonly Point[],
  target: number,
  map: (x: number) => number = (x) => x,
): number {
  let best = -1;
  let dist = Infinity;
  for (let k = 0; k < points.length; k++) {
    const d = Math.abs(map(points[k].x) - target);
    if (d < dist) {
      dist = d;
      best = k;
    }
  }
  return best;
}

/** The series with the most points: the crosshair steps through its x values. */
export function primaryIndex(series: readonly (readonly Point[])[]): number {
  let best = -1;
  for (let s = 0; s < series.length; s++) {
    if (best < 0 || series[s].length > series[best].length) best = s;
  }
  return best;
}

/**
 * Crosshair keys over n points: Left/Right one point (ten with Shift),
 * Home/End the ends. Null for other keys. From no position (-1) any key
 * starts at the last point, the newest value of a live curve.
 */
export function moveIndex(index: number, key: string, n: number, shift = false): number | null {
  if (n <= 0) return null;
  const step = shift ? 10 : 1;
  const from = index < 0 || index >= n ? n - 1 : index;
  let to: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      to = index < 0 ? n - 1 : from - step;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      to = index < 0 ? n - 1 : from + step;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = n - 1;
      break;
    default:
      return null;
  }
  return Math.min(n - 1, Math.max(0, to));
}

const fmt = format('.4~g');

/** Numbers on axes' tooltips: four significant digits, no trailing zeros. */
export function formatNumber(v: number): string {
  return Number.isFinite(v) ? fmt(v) : String(v);
}

/** A sentence per series for the chart's <desc>, e.g. "energy: 120 points, last -40.5 at x 119". */
export function describeChart(
  names: readonly string[],
  series: readonly (readonly Point[])[],
  xLabel: string,
  yLabel: string,
): string {
  const parts = series.map((pts, s) => {
    const name = names[s] ?? `series ${s + 1}`;
    if (pts.length === 0) return `${name}: no points yet.`;
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of pts) {
      if (p.y < lo) lo = p.y;
      if (p.y > hi) hi = p.y;
    }
    const end = pts[pts.length - 1];
    return (
      `${name}: ${pts.length} point${pts.length === 1 ? '' : 's'}, ` +
      `${yLabel} from ${formatNumber(lo)} to ${formatNumber(hi)}, ` +
      `last ${formatNumber(end.y)} at ${xLabel} ${formatNumber(end.x)}.`
    );
  });
  return `${yLabel} against ${xLabel}. ${parts.join(' ')}`.trim();
}
