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
 */
import { RULES, type Rule } from '../classic/hopfield';
import type { BatchEngine } from './batch';
import {
  CUES,
  FLIP,
  list,
  MAX_STEPS,
  SEED,
  subset,
  TRIALS,
  int,
  type ParamDef,
  type ParamValues,
} from './params';
import { round } from './theory';
import { loadsToCounts, summarise, sweepCost, sweepRows, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const CAPACITY_PARAMS: readonly ParamDef[] = [
  int('units', 'Units D', 200, 4, 4000, 'D, units per pattern'),
  subset(
    'rule',
    'Learning rules',
    RULES,
    'hebbian',
    'learning rules, comma-separated (hebbian, storkey, pseudoinverse)',
  ),
  list(
    'loads',
    'Loads N/D',
    '0.02,0.04,0.06,0.08,0.1,0.12,0.14,0.16,0.2,0.25,0.3',
    0.001,
    1,
    'loads alpha = N/D, comma-separated',
  ),
  FLIP,
  TRIALS,
  CUES,
  MAX_STEPS,
  SEED,
];

/** The sweeps of one run: one per rule (pseudo-inverse stops below N = D). */
export function capacitySweeps(p: ParamValues): { rule: Rule; sweep: LoadSweep }[] {
  const d = p.units as number;
  return (p.rule as Rule[]).map((rule, stream) => ({
    rule,
    sweep: {
      d,
      points: loadsToCounts(
        p.loads as number[],
        d,
        rule === 'pseudoinverse' ? d - 1 : Infinity,
      ).map((n) => ({
        n,
        flip: p['flip-fraction'] as number,
      })),
      kind: rule,
      patterns: 'random',
      trials: p.trials as number,
      cues: p.cues as number,
      maxSteps: p['max-steps'] as number,
      seed: p.seed as number,
      stream,
    },
  }));
}

export async function* runCapacity(p: ParamValues, engine: BatchEngine): ExperimentRun {
  const sweeps = capacitySweeps(p);
  const total = sweeps.reduce((t, s) => t + sweepCost(s.sweep), 0);
  let offset = 0;
  for (const { rule, sweep } of sweeps) {
    const d = sweep.d;
    if (rule === 'pseudoinverse' && (p.loads as number[]).some((a) => Math.round(a * d) >= d)) {
      yield {
        kind: 'note',
        text: `pseudo-inverse: loads with N >= D = ${d} left out (the patterns cannot be independent)`,
      };
    }
    offset += yield* sweepRows(sweep, engine, { offset, total }, (k, stats) => {
      const n = sweep.points[k].n;
      const s = summarise(stats, d);
      return {
        rule,
        units: d,
        patterns: n,
        load: round(n / d, 6),
        flipFraction: sweep.points[k].flip,
        successRate: round(s.successRate),
        meanFinalHamming: round(s.meanFinalHamming, 3),
        meanOverlap: round(s.meanOverlap),
        invertedRate: round(s.invertedRate),
        meanSteps: round(s.meanSteps, 3),
        recalls: s.recalls,
      };
    });
  }
}
