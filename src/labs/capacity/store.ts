/**
 * The Experiments lab's store (zustand/vanilla): the chosen experiment, the
 * texts of its controls, the engine, and the run's state and results. The
 * runner and the tests use it without React.
 */
import { createStore } from 'zustand/vanilla';
import {
  EXPERIMENT_DEFS,
  experimentDef,
  type ExperimentName,
} from '../../models/experiments/registry';
import { readValues, type ParamValues } from '../../models/experiments/params';
import type { Row } from '../../models/experiments/types';
import type { EngineChoice } from './protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface CapacityState {
  experiment: ExperimentName;
  /** control texts per experiment, by parameter name (a bad text stays editable) */
  texts: Record<ExperimentName, Record<string, string>>;
  engine: EngineChoice;
  status: RunStatus;
  /** what the results on screen were computed from */
  ran: { experiment: ExperimentName; values: ParamValues; engine: string | null } | null;
  tables: Record<string, Row[]>;
  notes: string[];
  progress: Progress | null;
  error: string | null;
  /** lines about the link (bad values) */
  linkErrors: string[];
}

export function defaultTexts(): Record<ExperimentName, Record<string, string>> {
  const out = {} as Record<ExperimentName, Record<string, string>>;
  for (const def of EXPERIMENT_DEFS) {
    out[def.name] = Object.fromEntries(def.params.map((p) => [p.name, String(p.default)]));
  }
  return out;
}

export function initialState(): CapacityState {
  return {
    experiment: 'capacity',
    texts: defaultTexts(),
    engine: 'wasm-simd',
    status: 'idle',
    ran: null,
    tables: {},
    notes: [],
    progress: null,
    error: null,
    linkErrors: [],
  };
}

export type CapacityStore = ReturnType<typeof createCapacityStore>;

export function createCapacityStore(init?: Partial<CapacityState>) {
  return createStore<CapacityState>(() => ({ ...initialState(), ...init }));
}

/** The current experiment's control texts parsed: values, and one line per bad text. */
export function currentValues(s: CapacityState): { values: ParamValues; errors: string[] } {
  const def = experimentDef(s.experiment)!;
  return readValues(def.params, s.texts[s.experiment]);
}

/** Seconds left, extrapolated from the work done so far (null until there is something to go on). */
export function etaSeconds(p: Progress | null): number | undefined {
  if (!p || p.done <= 0 || p.total <= 0 || p.elapsedMs < 300) return undefined;
  const left = (p.elapsedMs * (p.total - p.done)) / p.done / 1000;
  return Math.max(0, left);
}
