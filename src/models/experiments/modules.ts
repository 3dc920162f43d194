/**
 * Experiment 6, `modules`: the same D units split into k independent
 * networks of D/k units, the patterns split among them (N/k each, D/k units
 * each), against one big network (k = 1) at the same load N/D.
 *
 * Modules share no weights, so a memory's recall depends only on its own
 * module: each trial builds one module of D/k units with N/k patterns. A
 * modular network has k (D/k)^2 = D^2/k weights, k times fewer; each memory
 * holds D/k bits instead of D. Theory: a module recalls exactly up to about
 * (D/k) / (2 ln(D/k)) patterns, so k modules hold D / (2 ln(D/k)) memories,
 * slightly more than one big network, each of them smaller.
 */
import { RULES, type Rule } from '../classic/hopfield';
import type { BatchEngine } from './batch';
import {
  choice,
  CUES,
  float,
  int,
  list,
  MAX_STEPS,
  SEED,
  TRIALS,
  type ParamDef,
  type ParamValues,
} from './params';
import { round, theoreticalCapacity } from './theory';
import { loadsToCounts, summarise, sweepCost, sweepRows, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const MODULES_PARAMS: readonly ParamDef[] = [
  int('units', 'Units D', 400, 8, 4000, 'D, units in all, split among the modules'),
  list(
    'modules',
    'Module counts k',
    '1,2,4,8',
    1,
    64,
    'numbers of modules k, comma-separated (1 = one big network)',
    true,
  ),
  choice(
    'rule',
    'Learning rule',
    RULES.filter((r) => r !== 'pseudoinverse'),
    'hebbian',
    'learning rule',
  ),
  list(
    'loads',
    'Loads N/D',
    '0.02,0.04,0.06,0.08,0.1,0.12,0.14,0.17,0.2',
    0.001,
    1,
    'loads alpha = N/D (the same in every module), comma-separated',
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
  float(
    'threshold',
    'Success threshold',
    0.9,
    0.01,
    1,
    'capacity = the most memories whose exact-recall rate is at least this',
  ),
  TRIALS,
  CUES,
  MAX_STEPS,
  SEED,
];

export function moduleSweeps(p: ParamValues): { k: number; sweep: LoadSweep }[] {
  const d = p.units as number;
  return (p.modules as number[])
    .filter((k) => Math.floor(d / k) >= 4)
    .map((k, stream) => {
      const dk = Math.floor(d / k);
      return {
        k,
        sweep: {
          d: dk,
          points: loadsToCounts(p.loads as number[], dk).map((n) => ({
            n,
            flip: p['flip-fraction'] as number,
          })),
          kind: p.rule as Rule,
          patterns: 'random',
          trials: p.trials as number,
          cues: p.cues as number,
          maxSteps: p['max-steps'] as number,
          seed: p.seed as number,
          stream,
        },
      };
    });
}

export async function* runModules(p: ParamValues, engine: BatchEngine): ExperimentRun {
  const d = p.units as number;
  const sweeps = moduleSweeps(p);
  const dropped = (p.modules as number[]).filter((k) => Math.floor(d / k) < 4);
  if (dropped.length)
    yield {
      kind: 'note',
      text: `k = ${dropped.join(', ')} left out: modules need at least 4 units`,
    };
  const total = sweeps.reduce((t, s) => t + sweepCost(s.sweep), 0);
  const threshold = p.threshold as number;
  let offset = 0;
  for (const { k, sweep } of sweeps) {
    const dk = sweep.d;
    let best: number | null = null;
    offset += yield* sweepRows(sweep, engine, { offset, total }, (i, stats) => {
      const n = sweep.points[i].n;
      const s = summarise(stats, dk);
      if (s.successRate >= threshold) best = n * k;
      return {
        modules: k,
        unitsPerModule: dk,
        patternsPerModule: n,
        memories: n * k,
        load: round(n / dk, 6),
        weights: k * dk * (dk - 1),
        successRate: round(s.successRate),
        meanErrorFraction: round(s.meanErrorFraction, 5),
        meanFinalHamming: round(s.meanFinalHamming, 3),
        meanOverlap: round(s.meanOverlap),
        recalls: s.recalls,
      };
    });
    const rule = p.rule as Rule;
    yield {
      kind: 'row',
      table: 'capacities',
      row: {
        modules: k,
        unitsPerModule: dk,
        bitsPerMemory: dk,
        weights: k * dk * (dk - 1),
        empiricalMemories: best,
        theoreticalMemories: round(k * theoreticalCapacity(rule, dk), 2),
      },
    };
  }
}
