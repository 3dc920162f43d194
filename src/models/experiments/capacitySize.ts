/**
 * Experiment 2, `capacity-size`: how capacity grows with the network. For
 * each size D (log-spaced) and rule, loads from half to twice the rule's
 * theoretical capacity (Hebbian D/(2 ln D), Storkey D/sqrt(2 ln D)); the
 * empirical capacity is the largest tested N whose exact-recall rate is at
 * least the threshold. Rows ('rows') are the capacity table; every tested
 * point is in 'points'.
 *
 * The theory lines are asymptotic and for clean cues; at small D and with
 * flipped units the measured capacity sits below them, and the ratio
 * empirical / theoretical shows how fast it approaches.
 */
import type { Rule } from '../classic/hopfield';
import type { ParamValues } from '../../core/params';
import type { BatchEngine } from './batch';
import {
  flipFraction,
  int,
  list,
  LOCAL_RULES,
  subset,
  successThreshold,
  TRIAL_PARAMS,
  withDefault,
} from './params';
import { countSweep, runSweeps } from './sweeps';
import { linspace, round, theoreticalCapacity } from './theory';
import type { LoadSweep } from './trials';
import type { ExperimentRun, Row } from './types';

export const CAPACITY_SIZE_PARAMS = {
  sizes: list(
    'Sizes D',
    [10, 20, 50, 100, 200, 500],
    4,
    5000,
    'network sizes D, comma-separated',
    true,
  ),
  rule: subset(
    'Learning rules',
    LOCAL_RULES,
    LOCAL_RULES,
    'learning rules, comma-separated (hebbian, storkey)',
  ),
  'load-points': int(
    'Loads per size',
    7,
    2,
    40,
    'loads tested per size, evenly spaced from 0.5x to 2x the theoretical capacity',
  ),
  threshold: successThreshold(),
  'flip-fraction': flipFraction(0.05, 0.5),
  ...TRIAL_PARAMS,
  trials: withDefault(TRIAL_PARAMS.trials, 10),
};

export type CapacitySizeValues = ParamValues<typeof CAPACITY_SIZE_PARAMS>;

/** Pattern counts tested at size D: round(c x theory) for c from 0.5 to 2, distinct, >= 1. */
export function sizeCounts(rule: Rule, d: number, points: number): number[] {
  const cap = theoreticalCapacity(rule, d);
  const set = new Set(linspace(0.5, 2, points).map((c) => Math.max(1, Math.round(c * cap))));
  return [...set].sort((a, b) => a - b);
}

export function capacitySizeSweeps(v: CapacitySizeValues): { rule: Rule; sweep: LoadSweep }[] {
  const out: { rule: Rule; sweep: LoadSweep }[] = [];
  let stream = 0;
  for (const rule of v.rule) {
    for (const d of v.sizes) {
      const counts = sizeCounts(rule, d, v['load-points']);
      const flip = v['flip-fraction'];
      out.push({ rule, sweep: countSweep(v, { d, counts, flip, kind: rule, stream: stream++ }) });
    }
  }
  return out;
}

/**
 * The capacity row of one (rule, size) from its points' rates: the largest N
 * with rate >= threshold. `bound` says when the tested range did not bracket
 * it: 'below' (even the smallest N failed: capacity < lowest tested) or
 * 'at-least' (the largest N passed).
 */
export function capacityRow(
  rule: Rule,
  d: number,
  counts: readonly number[],
  rates: readonly number[],
  threshold: number,
): Row {
  let best = -1;
  rates.forEach((r, k) => {
    if (r >= threshold) best = k;
  });
  const theory = theoreticalCapacity(rule, d);
  const empirical = best < 0 ? null : counts[best];
  return {
    rule,
    units: d,
    theoretical: round(theory, 3),
    empirical,
    ratio: empirical === null ? null : round(empirical / theory, 4),
    empiricalLoad: empirical === null ? null : round(empirical / d, 6),
    lowestTested: counts[0],
    highestTested: counts[counts.length - 1],
    bound: best < 0 ? 'below' : best === counts.length - 1 ? 'at-least' : 'bracketed',
  };
}

export async function* runCapacitySize(v: CapacitySizeValues, engine: BatchEngine): ExperimentRun {
  yield* runSweeps(capacitySizeSweeps(v), engine, {
    table: 'points',
    row: ({ rule, sweep: { d } }, { n }, s) => ({
      rule,
      units: d,
      patterns: n,
      load: round(n / d, 6),
      ofTheory: round(n / theoreticalCapacity(rule, d), 4),
      successRate: round(s.successRate),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      meanOverlap: round(s.meanOverlap),
      recalls: s.recalls,
    }),
    after: ({ rule, sweep }, summaries) => ({
      table: 'rows',
      row: capacityRow(
        rule,
        sweep.d,
        sweep.points.map((q) => q.n),
        summaries.map((s) => s.successRate),
        v.threshold,
      ),
    }),
  });
}
