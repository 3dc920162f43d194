/**
 * The seven experiments of the Experiments lab, by the names the command line
 * and the URL use. Each is a parameter table (./params) and a run that
 * yields rows as they complete (./types).
 */
import type { BatchEngine } from './batch';
import { CAPACITY_PARAMS, runCapacity } from './capacity';
import { CAPACITY_SIZE_PARAMS, runCapacitySize } from './capacitySize';
import { DYNAMICS_PARAMS, runDynamics } from './dynamicsSweep';
import { MODULES_PARAMS, runModules } from './modules';
import { NOISE_PARAMS, runNoise } from './noise';
import { defaultValues, type ParamDef, type ParamValues } from './params';
import { PATTERNS_PARAMS, runPatternStats } from './patternStats';
import { PRESETS_PARAMS, runPresets } from './presets';
import type { ExperimentEvent, ExperimentRun, Row } from './types';

export type ExperimentName =
  'capacity' | 'capacity-size' | 'noise' | 'patterns' | 'dynamics' | 'modules' | 'presets';

export interface ExperimentDef {
  name: ExperimentName;
  title: string;
  describe: string;
  params: readonly ParamDef[];
  run(values: ParamValues, engine: BatchEngine): ExperimentRun;
}

export const EXPERIMENT_DEFS: readonly ExperimentDef[] = [
  {
    name: 'capacity',
    title: 'Capacity sweep',
    describe:
      'exact-recall rate, final Hamming distance and overlap against the load N/D, per rule',
    params: CAPACITY_PARAMS,
    run: runCapacity,
  },
  {
    name: 'capacity-size',
    title: 'Capacity against size',
    describe:
      'empirical capacity (largest N with exact-recall rate >= threshold) against D, Hebbian and Storkey',
    params: CAPACITY_SIZE_PARAMS,
    run: runCapacitySize,
  },
  {
    name: 'noise',
    title: 'Noise sweep',
    describe: 'recall rate and final overlap as the cue noise goes from 0 to 100 %',
    params: NOISE_PARAMS,
    run: runNoise,
  },
  {
    name: 'patterns',
    title: 'Pattern statistics',
    describe: 'capacity curves of random, sparse, orthogonal and correlated (letter) patterns',
    params: PATTERNS_PARAMS,
    run: runPatternStats,
  },
  {
    name: 'dynamics',
    title: 'Dynamics',
    describe: 'synchronous, asynchronous and stochastic recall: steps, final error, 2-cycles',
    params: DYNAMICS_PARAMS,
    run: runDynamics,
  },
  {
    name: 'modules',
    title: 'Modularity',
    describe: 'k independent modules against one big network of the same D units',
    params: MODULES_PARAMS,
    run: runModules,
  },
  {
    name: 'presets',
    title: 'Single-run presets',
    describe: 'five classic (D, N, K) settings with the Hamming distance per step, explained',
    params: PRESETS_PARAMS,
    run: runPresets,
  },
];

export function experimentDef(name: string): ExperimentDef | undefined {
  return EXPERIMENT_DEFS.find((e) => e.name === name);
}

export interface ExperimentResult {
  experiment: ExperimentName;
  params: ParamValues;
  engine: string;
  /** the main table; other tables ('points', 'traces', 'capacities') beside it */
  rows: Row[];
  [table: string]: unknown;
  notes: string[];
}

/** Runs an experiment to the end and gathers its tables (CLI, tests, bench). */
export async function collect(
  def: ExperimentDef,
  values: ParamValues = defaultValues(def.params),
  engine: BatchEngine,
  onEvent?: (ev: ExperimentEvent) => void,
): Promise<ExperimentResult> {
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
