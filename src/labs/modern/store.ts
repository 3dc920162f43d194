/**
 * The Modern Hopfield lab's store: what the visitor sees. Created with
 * zustand/vanilla so the runner, the commands and the tests use it without
 * React; components read it through small selectors.
 */
import { createStore } from 'zustand/vanilla';
import type { SweepPoint } from '../../models/modern/classicVsModern';
import type { CueRegion } from '../../models/modern/imageCue';
import type { LogitScale, Regime } from '../../models/modern/modernHopfield';

export type CueSource = 'stored' | 'unstored' | 'drawn';

export interface Message {
  id: number;
  kind: 'info' | 'warn' | 'error';
  text: string;
}

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

export interface ModernState {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
  loadInfo: { bytes: number; ms: number } | null;
  storeMs: number | null;
  /** where the steps run: 'wasm-simd' or 'tfjs-<backend>' (labMemory.ts) */
  engine: string | null;
  k: number;
  classes: number[];
  seed: number;
  beta: number;
  scale: LogitScale;
  source: CueSource;
  item: number;
  region: CueRegion;
  amount: number;
  noise: number;
  /** Drawn ink, 784 values in [0, 1]. */
  drawing: Float32Array;
  /** Dataset indices of the stored digits, in stored order. */
  stored: Int32Array;
  /** The cue xi_0 (784 values; hidden pixels 0). */
  cue: Float32Array | null;
  /** Position of the cue's digit in the stored set, or null. */
  truthPos: number | null;
  retrieval: Retrieval | null;
  busy: boolean;
  compareK: number;
  compareCue: 'flip' | 'mask-bottom';
  compareAmount: number;
  sweep: SweepState | null;
  messages: Message[];
}

export const ALL_CLASSES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export function initialState(): ModernState {
  return {
    status: 'loading',
    loadError: null,
    loadInfo: null,
    storeMs: null,
    engine: null,
    k: 1000,
    classes: ALL_CLASSES,
    seed: 1,
    beta: 20,
    scale: 'sqrt',
    source: 'stored',
    item: -1,
    region: 'bottom',
    amount: 0.5,
    noise: 0,
    drawing: new Float32Array(784),
    stored: new Int32Array(0),
    cue: null,
    truthPos: null,
    retrieval: null,
    busy: false,
    compareK: 20,
    compareCue: 'flip',
    compareAmount: 0.15,
    sweep: null,
    messages: [],
  };
}

export type ModernStore = ReturnType<typeof createModernStore>;

export function createModernStore(init?: Partial<ModernState>) {
  return createStore<ModernState>(() => ({ ...initialState(), ...init }));
}

let nextMessageId = 1;

export function say(store: ModernStore, kind: Message['kind'], text: string): number {
  const id = nextMessageId++;
  store.setState((s) => ({ messages: [...s.messages.slice(-4), { id, kind, text }] }));
  return id;
}

export function dismiss(store: ModernStore, id: number): void {
  store.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
}
