/**
 * The Classic Hopfield lab's store: what the visitor sees. Created with
 * zustand/vanilla so the runner, the commands and the tests use it without
 * React; components read it through small selectors.
 */
import { createStore } from 'zustand/vanilla';
import { defaults, type ParamValues } from '../../core/params';
import { blank } from '../../core/pattern';
import type { Message } from '../../engine/messages';
import type { Verdict } from '../../models/classic/classify';
import { PARAMS } from './params';

export interface StoredPattern {
  id: number;
  name: string;
  cells: Int8Array;
}

/** One point of a trace: x in steps (sync) or sweeps (async/stochastic). */
export interface TracePoint {
  x: number;
  y: number;
}

export type Phase = 'idle' | 'learning' | 'running' | 'paused' | 'done';

/** The settings of the parameter table: size, rule, dynamics, temperature, noise, seed, view, speed, demoOpen. */
export type Settings = ParamValues<typeof PARAMS>;

export interface HopfieldState extends Settings {
  patterns: StoredPattern[];
  /** The network state: what the big grid shows and what recall starts from. */
  state: Int8Array;
  /** Name for the grid's pattern when stored (a preset's name); null once drawn on. */
  stateName: string | null;
  /** Snapshot of the state when recall started ("Reset" returns here). */
  cue: Int8Array | null;
  /** Index into `patterns` of the pattern the cue is meant to recall. */
  target: number | null;
  /** Why `target` was chosen, for the verdict's wording. */
  targetReason: 'loaded' | 'closest' | null;
  phase: Phase;
  /** While the weights are learned in the background (phase 'learning'): the fraction done, 0..1. */
  learnProgress: number;
  steps: number;
  highlight: number | null;
  energy: TracePoint[];
  hammingTrace: TracePoint[];
  overlaps: Float64Array;
  verdict: Verdict | null;
  /** Recall stopped at the step cap without settling. */
  capped: boolean;
  selectedUnit: number | null;
  /** What the lab says to the visitor (engine/messages: say, dismiss). */
  messages: Message[];
}

export const DEFAULTS: Settings = defaults(PARAMS);

export function initialState(size = DEFAULTS.size): HopfieldState {
  return {
    ...defaults(PARAMS),
    size,
    patterns: [],
    state: blank(size * size),
    stateName: null,
    cue: null,
    target: null,
    targetReason: null,
    phase: 'idle',
    learnProgress: 0,
    steps: 0,
    highlight: null,
    energy: [],
    hammingTrace: [],
    overlaps: new Float64Array(0),
    verdict: null,
    capped: false,
    selectedUnit: null,
    messages: [],
  };
}

export type HopfieldStore = ReturnType<typeof createHopfieldStore>;

export function createHopfieldStore(init?: Partial<HopfieldState>) {
  return createStore<HopfieldState>(() => ({ ...initialState(init?.size), ...init }));
}

let nextPatternId = 1;
/** Ids only need to be unique within a page load (they key the runner's network cache). */
export function newPatternId(): number {
  return nextPatternId++;
}

/** Clears recall results (traces, verdict) without touching the state grid. */
export function clearRecall(): Partial<HopfieldState> {
  return {
    phase: 'idle',
    steps: 0,
    highlight: null,
    energy: [],
    hammingTrace: [],
    verdict: null,
    capped: false,
  };
}
