/**
 * The eight experiments of the Experiments lab, by the names the command line
 * and the link use. Each is a typed parameter table (./params) and a run that
 * receives the table's values typed and yields rows as they complete
 * (./types). The list itself erases the tables' types: it is what the
 * command line, the worker and the page iterate over; code that knows which
 * experiment it holds reads its values typed through `ExperimentValues`.
 */
import type { ParamTable, ParamValues } from '../../core/params';
import type { BatchEngine } from './batch';
import { CAPACITY_PARAMS, runCapacity } from './capacity';
import { CAPACITY_SIZE_PARAMS, runCapacitySize } from './capacitySize';
import { DENSE_CAPACITY_PARAMS, runDenseCapacity } from './denseCapacity';
import { DYNAMICS_PARAMS, runDynamics } from './dynamicsSweep';
import { MODULES_PARAMS, runModules } from './modules';
import { NOISE_PARAMS, runNoise } from './noise';
import { PATTERNS_PARAMS, runPatternStats } from './patternStats';
import { PRESETS_PARAMS, runPresets } from './presets';
import type { ExperimentEvent, ExperimentRun, Row } from './types';

/** The experiments' tables, by name. */
export const EXPERIMENT_TABLES = {
  capacity: CAPACITY_PARAMS,
  'capacity-size': CAPACITY_SIZE_PARAMS,
  'dense-capacity': DENSE_CAPACITY_PARAMS,
  noise: NOISE_PARAMS,
  patterns: PATTERNS_PARAMS,
  dynamics: DYNAMICS_PARAMS,
  modules: MODULES_PARAMS,
  presets: PRESETS_PARAMS,
};

export type ExperimentName = keyof typeof EXPERIMENT_TABLES;

/** The typed values of each experiment's run. */
export type ExperimentValues = {
  [E in ExperimentName]: ParamValues<(typeof EXPERIMENT_TABLES)[E]>;
};

export interface ExperimentDef<S extends ParamTable = ParamTable> {
  name: ExperimentName;
  title: string;
  describe: string;
  params: S;
  run(values: ParamValues<S>, engine: BatchEngine): ExperimentRun;
}

/** Declares one experiment, so that its run sees its table's values typed. */
function experiment<E extends ExperimentName>(
  name: E,
  def: Omit<ExperimentDef<(typeof EXPERIMENT_TABLES)[E]>, 'name' | 'params'>,
): ExperimentDef {
  return { name, params: EXPERIMENT_TABLES[name], ...def };
}

export const EXPERIMENT_DEFS: readonly ExperimentDef[] = [
  experiment('capacity', {
    title: 'Capacity sweep',
    describe:
      'exact-recall rate, final Hamming distance and overlap against the load N/D, per rule',
    run: runCapacity,
  }),
  experiment('capacity-size', {
    title: 'Capacity against size',
    describe:
      'empirical capacity (largest N with exact-recall rate >= threshold) against D, Hebbian and Storkey',
    run: runCapacitySize,
  }),
  experiment('dense-capacity', {
    title: 'Dense memory: capacity against n',
    describe:
      'dense associative memory F(x) = x^n (Krotov & Hopfield 2016): empirical capacity at n = 2, 3, 4..., growing like D^(n-1)',
    run: runDenseCapacity,
  }),
  experiment('noise', {
    title: 'Noise sweep',
    describe: 'recall rate and final overlap as the cue noise goes from 0 to 100 %',
    run: runNoise,
  }),
  experiment('patterns', {
    title: 'Pattern statistics',
    describe: 'capacity curves of random, sparse, orthogonal and correlated (letter) patterns',
    run: runPatternStats,
  }),
  experiment('dynamics', {
    title: 'Dynamics',
    describe: 'synchronous, asynchronous and stochastic recall: steps, final error, 2-cycles',
    run: runDynamics,
  }),
  experiment('modules', {
    title: 'Modularity',
    describe: 'k independent modules against one big network of the same D units',
    run: runModules,
  }),
  experiment('presets', {
    title: 'Single-run presets',
    describe: 'five classic (D, N, K) settings with the Hamming distance per step, explained',
    run: runPresets,
  }),
];

/** The names in the lab's order (its tabs, the command line's list). */
export const EXPERIMENT_NAMES: readonly ExperimentName[] = EXPERIMENT_DEFS.map((e) => e.name);

export function experimentDef(name: string): ExperimentDef | undefined {
  return EXPERIMENT_DEFS.find((e) => e.name === name);
}

export interface ExperimentResult<V = ParamValues<ParamTable>> {
  experiment: ExperimentName;
  params: V;
  engine: string;
  /** the main table; other tables ('points', 'traces', 'capacities') beside it */
  rows: Row[];
  [table: string]: unknown;
  notes: string[];
}

/** Runs an experiment to the end and gathers its tables (CLI, tests, bench). */
export async function collect<S extends ParamTable>(
  def: ExperimentDef<S>,
  values: ParamValues<S>,
  engine: BatchEngine,
  onEvent?: (ev: ExperimentEvent) => void,
): Promise<ExperimentResult<ParamValues<S>>> {
  const tables: Record<string, Row[]> = { rows: [] };
  const notes: string[] = [];
  for await (const ev of def.run(values, engine)) {
    onEvent?.(ev);
    if (ev.kind === 'row') (tables[ev.table] ??= []).push(ev.row);
    else if (ev.kind === 'note') notes.push(ev.text);
  }
  return {
    experiment: def.name,
    params: values,
    engine: engine.name,
    ...tables,
    rows: tables.rows,
    notes,
  };
}
