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
import { RULES, type Rule } from '../classic/hopfield';
import type { BatchEngine } from './batch';
import {
  choice,
  CUES,
  float,
  list,
  MAX_STEPS,
  SEED,
  subset,
  TRIALS,
  type ParamDef,
  type ParamValues,
} from './params';
import { kindProblem, maxPatterns, PATTERN_KINDS, type PatternKind } from './patterns';
import { round } from './theory';
import { loadsToCounts, summarise, sweepCost, sweepRows, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const PATTERN_UNITS = ['64', '256', '1024'] as const;

export const PATTERNS_PARAMS: readonly ParamDef[] = [
  choice(
    'units',
    'Units D',
    PATTERN_UNITS,
    '256',
    'D: a square power of two (8x8, 16x16, 32x32) so letters and Walsh-Hadamard rows both fit',
  ),
  subset(
    'kinds',
    'Pattern kinds',
    PATTERN_KINDS,
    PATTERN_KINDS.join(','),
    'pattern statistics, comma-separated',
  ),
  choice(
    'rule',
    'Rule (non-sparse kinds)',
    RULES.filter((r) => r !== 'pseudoinverse'),
    'hebbian',
    'learning rule for random, orthogonal and letters; sparse always uses the covariance rule',
  ),
  float(
    'coding-level',
    'Coding level a',
    0.1,
    0.01,
    0.5,
    'fraction of +1 units in a sparse pattern',
  ),
  list(
    'loads',
    'Loads N/D',
    '0.01,0.02,0.04,0.06,0.08,0.1,0.12,0.14,0.17,0.2,0.25,0.3,0.4',
    0.001,
    1,
    'loads alpha = N/D, comma-separated',
  ),
  {
    ...float(
      'flip-fraction',
      'Flip fraction',
      0.05,
      0,
      1,
      'fraction of distinct units of the cue flipped',
    ),
    default: 0.05,
  },
  { ...TRIALS, default: 10 },
  CUES,
  MAX_STEPS,
  SEED,
];

export function patternSweeps(p: ParamValues): { kind: PatternKind; sweep: LoadSweep }[] {
  const d = Number(p.units);
  return (p.kinds as PatternKind[]).map((kind, stream) => {
    const problem = kindProblem(kind, d);
    if (problem) throw new RangeError(problem);
    return {
      kind,
      sweep: {
        d,
        points: loadsToCounts(p.loads as number[], d, maxPatterns(kind, d)).map((n) => ({
          n,
          flip: p['flip-fraction'] as number,
        })),
        kind: kind === 'sparse' ? 'covariance' : (p.rule as Rule),
        patterns: kind,
        codingLevel: p['coding-level'] as number,
        trials: p.trials as number,
        cues: p.cues as number,
        maxSteps: p['max-steps'] as number,
        seed: p.seed as number,
        stream,
      },
    };
  });
}

export async function* runPatternStats(p: ParamValues, engine: BatchEngine): ExperimentRun {
  const sweeps = patternSweeps(p);
  const total = sweeps.reduce((t, s) => t + sweepCost(s.sweep), 0);
  let offset = 0;
  for (const { kind, sweep } of sweeps) {
    const d = sweep.d;
    const cap = maxPatterns(kind, d);
    if ((p.loads as number[]).some((a) => Math.round(a * d) > cap)) {
      yield {
        kind: 'note',
        text: `${kind}: only ${cap} patterns exist at D = ${d}; higher loads left out`,
      };
    }
    offset += yield* sweepRows(sweep, engine, { offset, total }, (k, stats) => {
      const n = sweep.points[k].n;
      const s = summarise(stats, d);
      return {
        kind,
        rule: sweep.kind,
        units: d,
        patterns: n,
        load: round(n / d, 6),
        successRate: round(s.successRate),
        meanFinalHamming: round(s.meanFinalHamming, 3),
        meanOverlap: round(s.meanOverlap),
        recalls: s.recalls,
      };
    });
  }
}
