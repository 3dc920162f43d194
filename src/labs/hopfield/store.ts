/**
 * The Classic Hopfield lab's store: what the visitor sees. Created with
 * zustand/vanilla so the runner, the commands and the tests use it without
 * React; components read it through small selectors.
 */
import { createStore } from 'zustand/vanilla';
import type { Dynamics, Verdict } from '../../models/classic/dynamics';
import type { Rule } from '../../models/classic/hopfield';
import { blank } from '../../core/pattern';

export interface StoredPattern {
  id: number;
  name: string;
  cells: Int8Array;
}

export interface Message {
  id: number;
  kind: 'info' | 'warn' | 'error';
  text: string;
}

/** One point of a trace: x in steps (sync) or sweeps (async/stochastic). */
export interface TracePoint {
  x: number;
  y: number;
}

export type Phase = 'idle' | 'learning' | 'running' | 'paused' | 'done';

export interface HopfieldState {
  size: number;
  rule: Rule;
  dynamics: Dynamics;
  temperature: number;
  noise: number;
  seed: number;
  view: 'unit' | 'sweep';
  speed: number;
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
  steps: number;
  highlight: number | null;
  energy: TracePoint[];
  hammingTrace: TracePoint[];
  overlaps: Float64Array;
  verdict: Verdict | null;
  /** Recall stopped at the step cap without settling. */
  capped: boolean;
  selectedUnit: number | null;
  messages: Message[];
  demoOpen: boolean;
}

export const DEFAULTS = {
  size: 16,
  rule: 'hebbian' as Rule,
  dynamics: 'async' as Dynamics,
  temperature: 0.5,
  noise: 0.2,
  seed: 1,
  view: 'sweep' as const,
  speed: 5,
};

export function initialState(size = DEFAULTS.size): HopfieldState {
  return {
    ...DEFAULTS,
    size,
    patterns: [],
    state: blank(size * size),
    stateName: null,
    cue: null,
    target: null,
    targetReason: null,
    phase: 'idle',
    steps: 0,
    highlight: null,
    energy: [],
    hammingTrace: [],
    overlaps: new Float64Array(0),
    verdict: null,
    capped: false,
    selectedUnit: null,
    messages: [],
    demoOpen: false,
  };
}

export type HopfieldStore = ReturnType<typeof createHopfieldStore>;

export function createHopfieldStore(init?: Partial<HopfieldState>) {
  return createStore<HopfieldState>(() => ({ ...initialState(init?.size), ...init }));
}

let nextMessageId = 1;

/** Adds a visitor-readable message; returns its id. */
export function say(store: HopfieldStore, kind: Message['kind'], text: string): number {
  const id = nextMessageId++;
  store.setState((s) => ({ messages: [...s.messages.slice(-4), { id, kind, text }] }));
  return id;
}

export function dismiss(store: HopfieldStore, id: number): void {
  store.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
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
