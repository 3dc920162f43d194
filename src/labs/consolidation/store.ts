/**
 * The Consolidation lab's store: what the visitor sees. zustand/vanilla, so
 * the runner and tests use it without React.
 */
import { createStore } from 'zustand/vanilla';
import type { EpochRecord } from '../../models/consolidation';
import type { PartialRecall } from '../../models/partialRecall';
import type { FewShotPoint } from '../../models/fewShot';

export interface Message {
  id: number;
  kind: 'info' | 'warn' | 'error';
  text: string;
}

/** Where the VAE on screen came from. */
export type VaeSource = 'pretrained' | 'live';

export interface ReplayView {
  /** The first replays (at most SHOWN), 784 values each in [-1, 1]. */
  images: Float32Array[];
  /** Their episode (row of the stored set) and its class. */
  episodes: number[];
  labels: number[];
  count: number;
  distinct: number;
  coverage: number;
  expectedCoverage: number;
  /** Share of replays within 0.05 of their episode in every pixel. */
  exact: number;
  ms: number;
}

export interface ConsolidationState {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** Settings. */
  episodes: number;
  replays: number;
  epochs: number;
  seed: number;
  /** Step 1: stored episodes (count, ms) and a few of them to show. */
  encoded: { count: number; ms: number; sample: Float32Array[]; sampleLabels: number[] } | null;
  replay: ReplayView | null;
  source: VaeSource;
  /** A short line about the VAE on screen (how it was trained). */
  vaeNote: string;
  training: 'idle' | 'running' | 'paused' | 'done';
  /** Training progress: samples seen / samples planned. */
  progress: number;
  samplesPerSecond: number | null;
  trainSeconds: number;
  history: EpochRecord[];
  /** Held-out latent means (n x 2) and labels, for the map. */
  map: { points: Float32Array; labels: Uint8Array } | null;
  /** Metrics of the VAE on screen (held-out). */
  metrics: { reconError: number; kl: number; decodingAccuracy: number } | null;
  /** The decoded point of the plane (click) or the hovered digit. */
  probe: {
    kind: 'decoded' | 'digit';
    z: [number, number];
    image: Float32Array;
    original: Float32Array | null;
    label: number | null;
  } | null;
  interpolation: Float32Array[] | null;
  imagination: Float32Array[] | null;
  /** A stored episode recalled from its top half by the hippocampus and by the VAE. */
  partial: (PartialRecall & { truth: Float32Array; index: number; label: number }) | null;
  distortion: { originals: number[]; reconstructions: number[]; ratio: number } | null;
  fewShot: FewShotPoint[] | null;
  busy: string | null;
  messages: Message[];
}

export function initialState(): ConsolidationState {
  return {
    status: 'loading',
    loadError: null,
    episodes: 3000,
    replays: 6000,
    epochs: 15,
    seed: 1,
    encoded: null,
    replay: null,
    source: 'pretrained',
    vaeNote: '',
    training: 'idle',
    progress: 0,
    samplesPerSecond: null,
    trainSeconds: 0,
    history: [],
    map: null,
    metrics: null,
    probe: null,
    interpolation: null,
    imagination: null,
    partial: null,
    distortion: null,
    fewShot: null,
    busy: null,
    messages: [],
  };
}

export type ConsolidationStore = ReturnType<typeof createConsolidationStore>;

export function createConsolidationStore(init?: Partial<ConsolidationState>) {
  return createStore<ConsolidationState>(() => ({ ...initialState(), ...init }));
}

let nextId = 1;

export function say(store: ConsolidationStore, kind: Message['kind'], text: string): void {
  const id = nextId++;
  store.setState((s) => ({ messages: [...s.messages.slice(-3), { id, kind, text }] }));
}

export function dismiss(store: ConsolidationStore, id: number): void {
  store.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
}
