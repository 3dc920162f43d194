/**
 * The Modern Hopfield lab's store: what the visitor sees. Created with
 * zustand/vanilla so the runner, the commands and the tests use it without
 * React; components read it through small selectors. The settings' defaults
 * come from the parameter table (./params); messages are engine/messages'.
 */
import { createStore } from 'zustand/vanilla';
import { defaults } from '../../core/params';
import type { LoadingFields } from '../../engine/digitsLab';
import type { WithMessages } from '../../engine/messages';
import type { SweepPoint } from '../../models/modern/classicVsModern';
import type { Regime } from '../../models/modern/modernHopfield';
import { PARAMS, type ModernSettings } from './params';

/** One stored digit with its attention weight. */
export interface Match {
  /** Position in the stored set (row of X). */
  pos: number;
  /** Index in the 10,000 digits. */
  item: number;
  label: number;
  weight: number;
}

export interface Retrieval {
  /** The current state xi (784 values). */
  state: Float32Array;
  /** Updates applied since the cue. */
  steps: number;
  /** E of the cue, then after each update. */
  energy: number[];
  /** Largest pixel change of the last update (Infinity before the first). */
  change: number;
  settled: boolean;
  /** Attention of the current state, p = softmax(beta' X^T xi). */
  regime: Regime;
  nEff: number;
  maxWeight: number;
  top: Match[];
  /** The largest weights, sorted, for the bar chart (at most 40). */
  sorted: number[];
  /** Total attention on each class 0..9. */
  classMass: number[];
  /** Weight on the cue's own digit (when it is stored). */
  ownWeight: number | null;
  /** Stored digit nearest to the state. */
  nearest: Match;
  /** Cosine between the state and the cue's own digit (null for a drawn cue). */
  cosineTruth: number | null;
  /** Wall time of the last update (both products and the read-back), ms. */
  stepMs: number;
}

export interface SweepState {
  running: boolean;
  done: number;
  total: number;
  points: SweepPoint[];
  /** Settings the points were made with, for the caption. */
  caption: string;
}

/** What the visitor sees: the settings of the parameter table plus what the runner computes. */
export interface ModernState extends ModernSettings, LoadingFields, WithMessages {
  loadInfo: { bytes: number; ms: number } | null;
  storeMs: number | null;
  /** where the steps run: 'wasm-simd' or 'tfjs-<backend>' (labMemory.ts) */
  engine: string | null;
  /** Dataset indices of the stored digits, in stored order. */
  stored: Int32Array;
  /** The cue xi_0 (784 values; hidden pixels 0). */
  cue: Float32Array | null;
  /** Position of the cue's digit in the stored set, or null. */
  truthPos: number | null;
  retrieval: Retrieval | null;
  busy: boolean;
  sweep: SweepState | null;
}

export function initialState(): ModernState {
  return {
    ...defaults(PARAMS),
    status: 'loading',
    loadError: null,
    loadInfo: null,
    storeMs: null,
    engine: null,
    stored: new Int32Array(0),
    cue: null,
    truthPos: null,
    retrieval: null,
    busy: false,
    sweep: null,
    messages: [],
  };
}

export type ModernStore = ReturnType<typeof createModernStore>;

export function createModernStore(init?: Partial<ModernState>) {
  return createStore<ModernState>(() => ({ ...initialState(), ...init }));
}
