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
import type { OwnImage } from './pool';

/** One stored digit with its attention weight. */
export interface Match {
  /** Position in the stored set (row of X). */
  pos: number;
  /** Index in the pool: the 10,000 digits, then the visitor's own images (./pool). */
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
  /** Total attention on each class 0..9, then on the visitor's own images (index 10) if any are stored. */
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

/** What the middle-beta preset found for a cue (runner.middle, models/modern/spread). */
export interface MiddleBeta {
  /** The beta chosen (1/sqrt(d) scaling on), to 4 significant digits. */
  beta: number;
  /** The effective count aimed at, 1 / sum p^2. */
  target: number;
  /** The cue it was chosen for (the note shows while this is the cue and beta is unchanged). */
  cue: Float32Array;
  /** The cue's attention at that beta: 1 / sum p^2, the top weight and the mass per class. */
  nEff: number;
  maxWeight: number;
  classMass: number[];
  /** False when no beta reaches the target (then the nearest end of the range is used). */
  reached: boolean;
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
  /** Pool indices of the stored digits (then the visitor's images), in stored order. */
  stored: Int32Array;
  /** How many of the stored are the visitor's own images (the last ones). */
  ownStored: number;
  /** The cue xi_0 (784 values; hidden pixels 0). */
  cue: Float32Array | null;
  /** Position of the cue's digit in the stored set, or null. */
  truthPos: number | null;
  retrieval: Retrieval | null;
  busy: boolean;
  sweep: SweepState | null;
  /** The visitor's own images (kept in this browser; stored after the K digits). */
  own: OwnImage[];
  /** Set by the middle-beta preset. */
  middle: MiddleBeta | null;
  /** Own images being decoded: how many done of how many. */
  adding: { done: number; total: number } | null;
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
    ownStored: 0,
    cue: null,
    truthPos: null,
    retrieval: null,
    busy: false,
    sweep: null,
    own: [],
    middle: null,
    adding: null,
    messages: [],
  };
}

export type ModernStore = ReturnType<typeof createModernStore>;

export function createModernStore(init?: Partial<ModernState>) {
  return createStore<ModernState>(() => ({ ...initialState(), ...init }));
}
