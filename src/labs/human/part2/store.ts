/**
 * The part-2 store (zustand/vanilla): the settings of the four sections'
 * tables, what the runners computed from them, the day stepper, and the
 * part's messages. Runners and commands write it; components read it
 * through small selectors and act through commands.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaults } from '../../../core/params';
import type { WithMessages } from '../../../engine/messages';
import type { ForgettingFits } from './forgettingView';
import type { InterferenceAt, InterferenceRow } from './interferenceView';
import type { MemoryFrame } from './memoryView';
import { PART2_PARAMS, type Part2Settings } from './params';
import type { Crossover, GapSweepRow } from './spacingView';

/** A sweep that fills in point by point; the rows so far stay on screen. */
export interface Sweep<Row> {
  status: 'idle' | 'running' | 'done';
  rows: Row[];
  /** Points expected in all. */
  total: number;
  /** Milliseconds the finished sweep took (its chunks' work, not the waits between them). */
  ms: number | null;
}

export interface MemoryStepper {
  /** Frames computed so far (three per day: study, sleep, test). */
  frames: MemoryFrame[];
  /** The frame on screen; -1 before the first day. */
  step: number;
  /** Frames in the whole run (3 x days). */
  total: number;
  playing: boolean;
}

export interface Part2State extends Part2Settings, WithMessages {
  fits: ForgettingFits | null;
  gapSweep: Sweep<GapSweepRow>;
  /** Where massed study stops beating a one-day gap. */
  crossover: Crossover | null;
  /** The session the keyboard moves and "Remove" removes (-1: none). */
  selectedSession: number;
  interferenceSweep: Sweep<InterferenceRow>;
  interferenceAt: InterferenceAt | null;
  memory: MemoryStepper;
}

export type Part2Store = StoreApi<Part2State>;

export function idleSweep<Row>(total = 0): Sweep<Row> {
  return { status: 'idle', rows: [], total, ms: null };
}

export function initialPart2State(): Part2State {
  const settings = defaults(PART2_PARAMS);
  return {
    ...settings,
    messages: [],
    fits: null,
    gapSweep: idleSweep(),
    crossover: null,
    selectedSession: -1,
    interferenceSweep: idleSweep(),
    interferenceAt: null,
    memory: { frames: [], step: -1, total: 3 * settings.memoryDays, playing: false },
  };
}

export function createPart2Store(init: Partial<Part2State> = {}): Part2Store {
  return createStore<Part2State>(() => ({ ...initialPart2State(), ...init }));
}
