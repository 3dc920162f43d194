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
import type { BatchEngine } from './batch';
import {
  CUES,
  float,
  int,
  list,
  MAX_STEPS,
  SEED,
  subset,
  TRIALS,
  type ParamDef,
  type ParamValues,
} from './params';
import { linspace, round, theoreticalCapacity } from './theory';
import { summarise, sweepCost, sweepRows, type LoadSweep } from './trials';
import type { ExperimentRun, Row } from './types';

export const SIZE_RULES: readonly Rule[] = ['hebbian', 'storkey'];

export const CAPACITY_SIZE_PARAMS: readonly ParamDef[] = [
  list(
    'sizes',
    'Sizes D',
    '10,20,50,100,200,500',
    4,
    5000,
    'network sizes D, comma-separated',
    true,
  ),
  subset(
    'rule',
    'Learning rules',
    SIZE_RULES,
    'hebbian,storkey',
    'learning rules, comma-separated (hebbian, storkey)',
  ),
  int(
    'load-points',
    'Loads per size',
    7,
    2,
    40,
    'loads tested per size, evenly spaced from 0.5x to 2x the theoretical capacity',
  ),
  float(
    'threshold',
    'Success threshold',
    0.9,
    0.01,
    1,
    'capacity = the largest N whose exact-recall rate is at least this',
  ),
  {
    ...float(
      'flip-fraction',
      'Flip fraction',
      0.05,
      0,
      0.5,
      'fraction of distinct units of the cue flipped',
    ),
    default: 0.05,
  },
  { ...TRIALS, default: 10 },
  CUES,
  MAX_STEPS,
  SEED,
];

/** Pattern counts tested at size D: round(c x theory) for c from 0.5 to 2, distinct, >= 1. */
export function sizeCounts(rule: Rule, d: number, points: number): number[] {
  const cap = theoreticalCapacity(rule, d);
  const set = new Set(linspace(0.5, 2, points).map((c) => Math.max(1, Math.round(c * cap))));
  return [...set].sort((a, b) => a - b);
}

export function capacitySizeSweeps(p: ParamValues): { rule: Rule; sweep: LoadSweep }[] {
  const out: { rule: Rule; sweep: LoadSweep }[] = [];
  let stream = 0;
  for (const rule of p.rule as Rule[]) {
    for (const d of p.sizes as number[]) {
      out.push({
        rule,
        sweep: {
          d,
          points: sizeCounts(rule, d, p['load-points'] as number).map((n) => ({
            n,
            flip: p['flip-fraction'] as number,
          })),
          kind: rule,
          patterns: 'random',
          trials: p.trials as number,
          cues: p.cues as number,
          maxSteps: p['max-steps'] as number,
          seed: p.seed as number,
          stream: stream++,
        },
      });
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

export async function* runCapacitySize(p: ParamValues, engine: BatchEngine): ExperimentRun {
  const sweeps = capacitySizeSweeps(p);
  const total = sweeps.reduce((t, s) => t + sweepCost(s.sweep), 0);
  const threshold = p.threshold as number;
  let offset = 0;
  for (const { rule, sweep } of sweeps) {
    const d = sweep.d;
    const counts = sweep.points.map((q) => q.n);
    const rates = counts.map(() => NaN);
    offset += yield* sweepRows(
      sweep,
      engine,
      { offset, total },
      (k, stats) => {
        const s = summarise(stats, d);
        rates[k] = s.successRate;
        return {
          rule,
          units: d,
          patterns: counts[k],
          load: round(counts[k] / d, 6),
          ofTheory: round(counts[k] / theoreticalCapacity(rule, d), 4),
          successRate: round(s.successRate),
          meanFinalHamming: round(s.meanFinalHamming, 3),
          meanOverlap: round(s.meanOverlap),
          recalls: s.recalls,
        };
      },
      'points',
    );
    yield { kind: 'row', table: 'rows', row: capacityRow(rule, d, counts, rates, threshold) };
  }
}
