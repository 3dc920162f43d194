/**
 * The Experiments lab's store (zustand/vanilla): the chosen experiment, the
 * texts of its controls, the engine, the run's state and results, and the
 * lab's messages. The runner, the commands and the tests use it without
 * React.
 */
import { createStore } from 'zustand/vanilla';
import { defaults, type ParamValues } from '../../core/params';
import type { Message } from '../../engine/messages';
import { defaultTexts, readValues } from '../../models/experiments/params';
import {
  EXPERIMENT_DEFS,
  EXPERIMENT_TABLES,
  type ExperimentName,
  type ExperimentValues,
} from '../../models/experiments/registry';
import type { Row } from '../../models/experiments/types';
import { PARAMS } from './params';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
}

/** What the results on screen were computed from. */
export interface RanSettings {
  experiment: ExperimentName;
  values: ExperimentValues[ExperimentName];
  /** the engine that ran ('wasm-simd', 'typed-array', 'tfjs-<backend>'), once the worker said */
  engine: string | null;
}

export interface CapacityState extends ParamValues<typeof PARAMS> {
  /** control texts per experiment, by parameter name (a bad text stays editable) */
  texts: Record<ExperimentName, Record<string, string>>;
  status: RunStatus;
  ran: RanSettings | null;
  tables: Record<string, Row[]>;
  notes: string[];
  progress: Progress | null;
  /** why the last run failed */
  error: string | null;
  /** what the link the lab opened with could not say (also said as a message) */
  linkErrors: string[];
  messages: Message[];
}

export function allDefaultTexts(): Record<ExperimentName, Record<string, string>> {
  const out = {} as Record<ExperimentName, Record<string, string>>;
  for (const def of EXPERIMENT_DEFS) out[def.name] = defaultTexts(def.params);
  return out;
}

/** What a run leaves on screen: its status, what it ran, its rows and notes. */
export type RunResults = Pick<
  CapacityState,
  'status' | 'ran' | 'tables' | 'notes' | 'progress' | 'error'
>;

/** The results before any run (fresh tables and notes each call). */
export function noResults(): RunResults {
  return { status: 'idle', ran: null, tables: {}, notes: [], progress: null, error: null };
}

export function initialState(): CapacityState {
  return {
    ...defaults(PARAMS),
    texts: allDefaultTexts(),
    ...noResults(),
    linkErrors: [],
    messages: [],
  };
}

export type CapacityStore = ReturnType<typeof createCapacityStore>;

export function createCapacityStore(init?: Partial<CapacityState>) {
  return createStore<CapacityState>(() => ({ ...initialState(), ...init }));
}

/** An experiment's control texts parsed: typed values, and one line per bad text. */
export function valuesOf(experiment: ExperimentName, texts: Readonly<Record<string, string>>) {
  return readValues(EXPERIMENT_TABLES[experiment], texts);
}

/** The current experiment's control texts parsed. */
export function currentValues(s: Pick<CapacityState, 'experiment' | 'texts'>) {
  return valuesOf(s.experiment, s.texts[s.experiment]);
}

/** Seconds left, extrapolated from the work done so far (null until there is something to go on). */
export function etaSeconds(p: Progress | null): number | undefined {
  if (!p || p.done <= 0 || p.total <= 0 || p.elapsedMs < 300) return undefined;
  const left = (p.elapsedMs * (p.total - p.done)) / p.done / 1000;
  return Math.max(0, left);
}
