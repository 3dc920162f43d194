/**
 * Experiment 1, `capacity`: fixed D, a range of loads alpha = N / D; for each,
 * T networks of N random patterns, C cues each (a stored pattern with a
 * fraction f of distinct units flipped), recalled synchronously in one batch.
 * Reports the exact-recall rate, the mean final Hamming distance and the mean
 * final overlap m = 1 - 2 H / D, per rule.
 *
 * Theory (./theory): exact recall up to about D / (2 ln D) patterns
 * (Hebbian), D / sqrt(2 ln D) (Storkey), D - 1 independent patterns
 * (pseudo-inverse); retrieval with a few wrong bits up to 0.138 D (Hebbian).
 * Krauth-Mezard stores up to the Gardner bound alpha_c(c) (2 at c = 0);
 * unlearning moves Hebbian's limit up (SCIENCE.md section 1b).
 * `--diagonal keep` reproduces the seed's Storkey convention (docs/rules.md).
 */
import type { Rule } from '../classic/hopfield';
import type { ParamValues } from '../../core/params';
import type { BatchEngine } from './batch';
import {
  FLIP,
  list,
  MATRIX_RULES,
  RULE_SETTINGS,
  ruleSettings,
  subset,
  TRIAL_PARAMS,
  units,
} from './params';
import { countSweep, runSweeps } from './sweeps';
import { round } from './theory';
import { loadsToCounts, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const CAPACITY_PARAMS = {
  units: units(200, 4000),
  rule: subset(
    'Learning rules',
    MATRIX_RULES,
    ['hebbian'],
    `learning rules, comma-separated (${MATRIX_RULES.join(', ')})`,
  ),
  loads: list(
    'Loads N/D',
    [0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.2, 0.25, 0.3],
    0.001,
    1,
    'loads alpha = N/D, comma-separated',
  ),
  'flip-fraction': FLIP,
  ...RULE_SETTINGS,
  ...TRIAL_PARAMS,
};

export type CapacityValues = ParamValues<typeof CAPACITY_PARAMS>;

/** The sweeps of one run: one per rule (pseudo-inverse stops below N = D). */
export function capacitySweeps(v: CapacityValues): { rule: Rule; sweep: LoadSweep }[] {
  const d = v.units;
  return v.rule.map((rule, stream) => ({
    rule,
    sweep: countSweep(v, {
      d,
      counts: loadsToCounts(v.loads, d, rule === 'pseudoinverse' ? d - 1 : Infinity),
      flip: v['flip-fraction'],
      kind: rule,
      settings: ruleSettings(v),
      stream,
    }),
  }));
}

export async function* runCapacity(v: CapacityValues, engine: BatchEngine): ExperimentRun {
  const d = v.units;
  yield* runSweeps(capacitySweeps(v), engine, {
    before: ({ rule }) =>
      rule === 'pseudoinverse' && v.loads.some((a) => Math.round(a * d) >= d)
        ? `pseudo-inverse: loads with N >= D = ${d} left out (the patterns cannot be independent)`
        : null,
    row: ({ rule }, { n, flip }, s) => ({
      rule,
      diagonal: rule === 'storkey' ? v.diagonal : 'zero',
      units: d,
      patterns: n,
      load: round(n / d, 6),
      flipFraction: flip,
      successRate: round(s.successRate),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      meanOverlap: round(s.meanOverlap),
      invertedRate: round(s.invertedRate),
      meanSteps: round(s.meanSteps, 3),
      recalls: s.recalls,
    }),
  });
}
