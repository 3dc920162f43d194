/**
 * Experiment `dense-capacity`: the capacity of a dense associative memory
 * (Krotov & Hopfield 2016; ../classic/denseAM) against the power n of
 * F(x) = x^n, at one size D or a few. For each (D, n), pattern counts from
 * a quarter of to four times the theory D^(n-1) / (2 (2n-3)!! ln D),
 * log-spaced; cues are stored patterns with a fraction of distinct units
 * flipped, recalled synchronously (all units from the same state, ties
 * keep). The empirical capacity is the largest tested N whose exact-recall
 * rate is at least the threshold, as in capacity-size.
 *
 * Rows ('rows'): one per (D, n), the capacity and its growth from n - 1 at
 * the same D (theory: a factor D / (2n - 3) per order); with two sizes or
 * more, 'exponents' fits log C against log D per n (theory: n - 1).
 * Every tested point is in 'points'.
 */
import type { ParamValues } from '../../core/params';
import { MAX_POWER, MIN_POWER } from '../classic/denseAM';
import type { BatchEngine } from './batch';
import { capacityRow } from './capacitySize';
import { flipFraction, int, list, successThreshold, TRIAL_PARAMS, withDefault } from './params';
import { countSweep, runSweeps, type PointSummary } from './sweeps';
import { denseCapacity, logspace, round } from './theory';
import type { LoadSweep } from './trials';
import type { ExperimentRun, Row } from './types';

export const DENSE_CAPACITY_PARAMS = {
  sizes: list('Sizes D', [40], 8, 400, 'network sizes D, comma-separated', true),
  powers: list(
    'Powers n',
    [2, 3, 4],
    MIN_POWER,
    6,
    'powers n of F(x) = x^n, comma-separated (n = 2 is the classic network)',
    true,
  ),
  'load-points': int(
    'Counts per (D, n)',
    9,
    2,
    30,
    'pattern counts tested per size and power, log-spaced from 1/4 to 4 times the theory',
  ),
  threshold: successThreshold(),
  'flip-fraction': flipFraction(0.1, 0.5),
  ...TRIAL_PARAMS,
  trials: withDefault(TRIAL_PARAMS.trials, 10),
  'max-steps': withDefault(TRIAL_PARAMS['max-steps'], 20),
};

export type DenseCapacityValues = ParamValues<typeof DENSE_CAPACITY_PARAMS>;

/** The most patterns one (D, n) may test: keeps n = 6 at large D from asking for millions. */
export const DENSE_MAX_PATTERNS = 20_000;

/** Pattern counts tested for (D, n): log-spaced from theory/4 to 4 theory, distinct, in [1, DENSE_MAX_PATTERNS]. */
export function denseCounts(power: number, d: number, points: number): number[] {
  const cap = denseCapacity(power, d);
  const set = new Set(
    logspace(0.25, 4, points).map((c) =>
      Math.min(DENSE_MAX_PATTERNS, Math.max(1, Math.round(c * cap))),
    ),
  );
  return [...set].sort((a, b) => a - b);
}

interface Item {
  d: number;
  power: number;
  sweep: LoadSweep;
}

export function denseCapacitySweeps(v: DenseCapacityValues): Item[] {
  if (v.powers.some((n) => n > MAX_POWER))
    throw new RangeError(`powers must be at most ${MAX_POWER}`);
  const out: Item[] = [];
  let stream = 0;
  for (const d of v.sizes) {
    for (const power of v.powers) {
      const counts = denseCounts(power, d, v['load-points']);
      out.push({
        d,
        power,
        sweep: countSweep(v, {
          d,
          counts,
          flip: v['flip-fraction'],
          kind: 'dense-am',
          settings: { power },
          stream: stream++,
        }),
      });
    }
  }
  return out;
}

/** Least-squares slope of y on x (null with fewer than two distinct x). */
function slope(xs: readonly number[], ys: readonly number[]): number | null {
  const k = xs.length;
  if (k < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / k;
  const my = ys.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : null;
}

export async function* runDenseCapacity(
  v: DenseCapacityValues,
  engine: BatchEngine,
): ExperimentRun {
  const items = denseCapacitySweeps(v);
  const found = new Map<string, number | null>();
  yield {
    kind: 'note',
    text:
      'dense associative memory, E = -sum_mu (xi^mu . s)^n (scaled by D^(1-n)); synchronous recall; ' +
      'theory D^(n-1) / (2 (2n-3)!! ln D) (Krotov & Hopfield 2016)',
  };
  const rows: Row[] = [];
  yield* runSweeps(items, engine, {
    table: 'points',
    row: ({ d, power }, { n }, s: PointSummary) => ({
      units: d,
      power,
      patterns: n,
      ofTheory: round(n / denseCapacity(power, d), 4),
      successRate: round(s.successRate),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      meanOverlap: round(s.meanOverlap),
      meanSteps: round(s.meanSteps, 3),
      recalls: s.recalls,
    }),
    after: ({ d, power, sweep }, summaries) => {
      const base = capacityRow(
        'dense-am',
        d,
        sweep.points.map((q) => q.n),
        summaries.map((s) => s.successRate),
        v.threshold,
      );
      const empirical = base.empirical as number | null;
      found.set(`${d}:${power}`, empirical);
      const prev = found.get(`${d}:${power - 1}`);
      const theory = denseCapacity(power, d);
      const row: Row = {
        units: d,
        power,
        theoretical: round(theory, 3),
        empirical,
        ratio: empirical === null ? null : round(empirical / theory, 4),
        growthFromPrevious: empirical && prev ? round(empirical / prev, 3) : null,
        theoryGrowth: power > MIN_POWER ? round(d / (2 * power - 3), 3) : null,
        lowestTested: base.lowestTested,
        highestTested: base.highestTested,
        bound: base.bound,
      };
      rows.push(row);
      return { table: 'rows', row };
    },
  });
  if (v.sizes.length < 2) return;
  for (const power of v.powers) {
    const pts = v.sizes
      .map((d) => ({ d, c: found.get(`${d}:${power}`) ?? null }))
      .filter((p): p is { d: number; c: number } => p.c !== null && p.c > 0);
    const k = slope(
      pts.map((p) => Math.log(p.d)),
      pts.map((p) => Math.log(p.c)),
    );
    yield {
      kind: 'row',
      table: 'exponents',
      row: {
        power,
        sizes: pts.map((p) => p.d).join(' '),
        exponent: k === null ? null : round(k, 3),
        theoryExponent: power - 1,
      },
    };
  }
}
