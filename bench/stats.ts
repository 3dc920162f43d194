/**
 * Timing and summary helpers shared by the Node benchmarks and the browser
 * bench page (so no Node imports here).
 *
 * A measurement is a list of samples (ms). `measure` repeats a sample until
 * it has at least `minReps` and either `budgetMs` of sample time or
 * `maxReps` samples, after `warmup` untimed runs, so cheap operations get
 * many samples and slow ones (seconds per step) only a few.
 */

export interface Timing {
  /** median of the samples, ms */
  median: number;
  p95: number;
  min: number;
  max: number;
  reps: number;
}

export interface MeasureOptions {
  warmup?: number;
  minReps?: number;
  maxReps?: number;
  /** stop once the samples add up to this much time (after minReps), ms */
  budgetMs?: number;
  /** each sample covers this many operations; samples are divided by it */
  perSample?: number;
}

/** The clock: performance.now exists in Node 16+ and in browsers. */
export const now = (): number => performance.now();

/**
 * Runs `sample` (which returns the ms it measured, so setup can stay outside
 * the timed part) and summarises the results.
 */
export async function measure(
  sample: () => number | Promise<number>,
  opts: MeasureOptions = {},
): Promise<Timing> {
  const warmup = opts.warmup ?? 1;
  const minReps = opts.minReps ?? 3;
  const maxReps = opts.maxReps ?? 200;
  const budgetMs = opts.budgetMs ?? 1500;
  const per = opts.perSample ?? 1;
  for (let i = 0; i < warmup; i++) await sample();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < minReps || (spent < budgetMs && samples.length < maxReps)) {
    const ms = await sample();
    spent += ms;
    samples.push(ms / per);
  }
  return summarise(samples);
}

/** Median, p95, min and max of a list (all NaN when it is empty). */
export function summarise(samples: readonly number[]): Timing {
  return {
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: samples.length ? Math.min(...samples) : NaN,
    max: samples.length ? Math.max(...samples) : NaN,
    reps: samples.length,
  };
}

/** Linear-interpolated quantile q in [0, 1]; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** A number for a table: 3 significant digits, or '–' for NaN / undefined. */
export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 10 ** digits) return v.toFixed(0);
  if (a < 1e-3) return v.toExponential(1);
  return String(+v.toPrecision(digits));
}

/** A ratio a / b for a table ("12.3x"), or '–'. */
export function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (!a || !b || !Number.isFinite(a) || !Number.isFinite(b)) return '–';
  return `${fmt(a / b)}x`;
}
