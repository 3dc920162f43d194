/**
 * Experiment 4, `patterns`: capacity curves for four kinds of pattern at the
 * same D (see ./patterns): random, sparse with coding level a (covariance
 * rule with threshold, ./learners), orthogonal (Walsh-Hadamard rows) and
 * correlated (letters and digits). Random, orthogonal and letters use the
 * chosen rule.
 *
 * What to expect: correlated letters interfere long before 0.138 D;
 * orthogonal patterns do not interfere at all (xi^mu . xi^nu = 0, so every
 * stored pattern is a fixed point of the Hebbian rule up to N = D - 1, though
 * basins shrink); sparse patterns with the covariance rule store more than
 * random ones as a shrinks (Tsodyks & Feigelman 1988).
 */
import type { ParamValues } from '../../core/params';
import type { BatchEngine } from './batch';
import {
  choice,
  float,
  FLIP,
  list,
  LOCAL_RULES,
  subset,
  TRIAL_PARAMS,
  withDefault,
} from './params';
import { kindProblem, maxPatterns, PATTERN_KINDS, type PatternKind } from './patterns';
import { countSweep, runSweeps } from './sweeps';
import { round } from './theory';
import { loadsToCounts, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const PATTERN_UNITS = ['64', '256', '1024'] as const;

export const PATTERNS_PARAMS = {
  units: choice(
    'Units D',
    PATTERN_UNITS,
    '256',
    'D: a square power of two (8x8, 16x16, 32x32) so letters and Walsh-Hadamard rows both fit',
  ),
  kinds: subset(
    'Pattern kinds',
    PATTERN_KINDS,
    PATTERN_KINDS,
    'pattern statistics, comma-separated',
  ),
  rule: choice(
    'Rule (non-sparse kinds)',
    LOCAL_RULES,
    'hebbian',
    'learning rule for random, orthogonal and letters; sparse always uses the covariance rule',
  ),
  'coding-level': float(
    'Coding level a',
    0.1,
    0.01,
    0.5,
    'fraction of +1 units in a sparse pattern',
  ),
  loads: list(
    'Loads N/D',
    [0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.17, 0.2, 0.25, 0.3, 0.4],
    0.001,
    1,
    'loads alpha = N/D, comma-separated',
  ),
  'flip-fraction': withDefault(FLIP, 0.05),
  ...TRIAL_PARAMS,
  trials: withDefault(TRIAL_PARAMS.trials, 10),
};

export type PatternsValues = ParamValues<typeof PATTERNS_PARAMS>;

export function patternSweeps(v: PatternsValues): { kind: PatternKind; sweep: LoadSweep }[] {
  const d = Number(v.units);
  return v.kinds.map((kind, stream) => {
    const problem = kindProblem(kind, d);
    if (problem) throw new RangeError(problem);
    return {
      kind,
      sweep: countSweep(v, {
        d,
        counts: loadsToCounts(v.loads, d, maxPatterns(kind, d)),
        flip: v['flip-fraction'],
        kind: kind === 'sparse' ? 'covariance' : v.rule,
        patterns: kind,
        codingLevel: v['coding-level'],
        stream,
      }),
    };
  });
}

export async function* runPatternStats(v: PatternsValues, engine: BatchEngine): ExperimentRun {
  yield* runSweeps(patternSweeps(v), engine, {
    before: ({ kind, sweep: { d } }) => {
      const cap = maxPatterns(kind, d);
      return v.loads.some((a) => Math.round(a * d) > cap)
        ? `${kind}: only ${cap} patterns exist at D = ${d}; higher loads left out`
        : null;
    },
    row: ({ kind, sweep }, { n }, s) => ({
      kind,
      rule: sweep.kind,
      units: sweep.d,
      patterns: n,
      load: round(n / sweep.d, 6),
      successRate: round(s.successRate),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      meanOverlap: round(s.meanOverlap),
      recalls: s.recalls,
    }),
  });
}
