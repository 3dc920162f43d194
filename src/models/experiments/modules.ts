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
import type { ParamValues } from '../../core/params';
import type { BatchEngine } from './batch';
import {
  choice,
  FLIP,
  list,
  LOCAL_RULES,
  successThreshold,
  TRIAL_PARAMS,
  units,
  withDefault,
} from './params';
import { countSweep, runSweeps } from './sweeps';
import { round, theoreticalCapacity } from './theory';
import { loadsToCounts, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const MODULES_PARAMS = {
  units: units(400, 4000, 'D, units in all, split among the modules', 8),
  modules: list(
    'Module counts k',
    [1, 2, 4, 8],
    1,
    64,
    'numbers of modules k, comma-separated (1 = one big network)',
    true,
  ),
  rule: choice('Learning rule', LOCAL_RULES, 'hebbian', 'learning rule'),
  loads: list(
    'Loads N/D',
    [0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.17, 0.2],
    0.001,
    1,
    'loads alpha = N/D (the same in every module), comma-separated',
  ),
  'flip-fraction': withDefault(FLIP, 0.05),
  threshold: successThreshold(
    'capacity = the most memories whose exact-recall rate is at least this',
  ),
  ...TRIAL_PARAMS,
};

export type ModulesValues = ParamValues<typeof MODULES_PARAMS>;

/** Modules need at least 4 units each. */
const fits = (d: number, k: number) => Math.floor(d / k) >= 4;

export function moduleSweeps(v: ModulesValues): { k: number; sweep: LoadSweep }[] {
  const d = v.units;
  return v.modules
    .filter((k) => fits(d, k))
    .map((k, stream) => {
      const dk = Math.floor(d / k);
      return {
        k,
        sweep: countSweep(v, {
          d: dk,
          counts: loadsToCounts(v.loads, dk),
          flip: v['flip-fraction'],
          kind: v.rule,
          stream,
        }),
      };
    });
}

export async function* runModules(v: ModulesValues, engine: BatchEngine): ExperimentRun {
  const dropped = v.modules.filter((k) => !fits(v.units, k));
  if (dropped.length)
    yield {
      kind: 'note',
      text: `k = ${dropped.join(', ')} left out: modules need at least 4 units`,
    };
  yield* runSweeps(moduleSweeps(v), engine, {
    row: ({ k, sweep }, { n }, s) => ({
      modules: k,
      unitsPerModule: sweep.d,
      patternsPerModule: n,
      memories: n * k,
      load: round(n / sweep.d, 6),
      weights: k * sweep.d * (sweep.d - 1),
      successRate: round(s.successRate),
      meanErrorFraction: round(s.meanErrorFraction, 5),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      meanOverlap: round(s.meanOverlap),
      recalls: s.recalls,
    }),
    // The capacity of k modules: the most memories (n k) at a point whose rate passes.
    after: ({ k, sweep }, summaries) => {
      let best: number | null = null;
      summaries.forEach((s, i) => {
        if (s.successRate >= v.threshold) best = sweep.points[i].n * k;
      });
      const dk = sweep.d;
      return {
        table: 'capacities',
        row: {
          modules: k,
          unitsPerModule: dk,
          bitsPerMemory: dk,
          weights: k * dk * (dk - 1),
          empiricalMemories: best,
          theoreticalMemories: round(k * theoreticalCapacity(v.rule, dk), 2),
        },
      };
    },
  });
}
