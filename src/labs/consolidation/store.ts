/**
 * The Consolidation lab's store: what the visitor sees. zustand/vanilla, so
 * the runner and tests use it without React.
 */
import { createStore } from 'zustand/vanilla';
import { defaults } from '../../core/params';
import { say, type Message } from '../../engine/messages';
import type { PartialRecall } from '../../models/consolidation/partialRecall';
import type { FewShotPoint } from '../../models/consolidation/fewShot';
import type { BoundaryPoint } from '../../models/consolidation/boundaryExtension';
import type { SweepPoint } from '../../models/consolidation/extendedModel';
import type { EpochRecord } from '../../models/consolidation/pipeline';
import { PARAMS, type Picks } from './params';

/** Where the VAE on screen came from: shipped with the app, trained here, or from a file. */
export type VaeSource = 'pretrained' | 'live' | 'imported';

/** What this browser keeps of the visitor's work (./keep), as the page says it. */
export interface KeptSummary {
  /** N of the kept stored episodes, or null. */
  episodes: number | null;
  /** R of the kept replay set on screen, or null. */
  replays: number | null;
  /** The kept VAE: its origin and completed epochs, or null. */
  model: { origin: 'live' | 'imported'; epochs: number } | null;
  /** A write is under way. */
  saving: boolean;
}

export interface ReplayView {
  /** The first replays (at most SHOWN), d values each in [-1, 1]. */
  images: Float32Array[];
  /** Their episode (row of the stored set) and its class. */
  episodes: number[];
  labels: number[];
  count: number;
  distinct: number;
  coverage: number;
  expectedCoverage: number;
  /** Share of replays within EXACT_REPLAY_TOLERANCE of their episode in every pixel. */
  exact: number;
  /** Per digit class: stored episodes, and replays so far whose episode is of that class. */
  byDigit: { stored: number; replayed: number }[];
  /** The most replays any one episode has had so far. */
  mostOfOne: number;
  ms: number;
}

/** How the map draws the latent space: directly (L = 2) or through PCA (L > 2). */
export interface MapFrame {
  /** L of the VAE whose latent means are drawn. */
  latentSize: number;
  /** PCA of the L-D latent means (null when L = 2: drawn directly). */
  pca: {
    mean: Float64Array;
    /** 2 x L, row-major. */
    components: Float64Array;
    /** Share of the variance along PC1 and PC2. */
    explained: [number, number];
  } | null;
}

/** Step 6 for one episode at one threshold. */
export interface ExtendedView {
  threshold: number;
  index: number;
  label: number;
  episode: Float32Array;
  /** decode(mu(x)), the VAE's prediction. */
  prediction: Float32Array;
  /** 0/1 stored mask. */
  mask: Float32Array;
  cue: Float32Array;
  recalled: Float32Array;
  stored: number;
  valuesPerTrace: number;
  /** Mean |recalled - episode| on [0, 1], over all pixels. */
  error: number;
  /** The recall's strongest trace is the episode's own. */
  ownTrace: boolean;
  traces: number;
}

export interface ConsolidationState {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** Settings (./params: the link's table). */
  episodes: number;
  replays: number;
  epochs: number;
  seed: number;
  /** Latent size L of the next "Train from scratch". */
  latentSize: number;
  /** The stepper's current step, 1 to STEPS.length (highlighted, scrolled to). */
  step: number;
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
  /** Held-out latents on the plane (n x 2: the means, or their PCA projection) and labels. */
  map: ({ points: Float32Array; labels: Uint8Array } & MapFrame) | null;
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
  /** Vector arithmetic on class means: a - b + c. */
  arithmeticPicks: Picks;
  arithmetic: {
    picks: Picks;
    /** Decoded class means of a, b, c, then the decoded result. */
    images: Float32Array[];
    nearest: number;
    confidence: number;
  } | null;
  boundary: BoundaryPoint[] | null;
  /** Step 6, the extended model. */
  extendedThreshold: number;
  extendedEpisode: number;
  extended: ExtendedView | null;
  extendedSweep: { points: SweepPoint[]; vaeOnly: number; traces: number; probes: number } | null;
  busy: string | null;
  /** What this browser keeps (./keep); null until it was read. */
  kept: KeptSummary | null;
  /** "Start over" was pressed and waits for its confirmation. */
  confirmingStartOver: boolean;
  messages: Message[];
}

export function initialState(): ConsolidationState {
  return {
    // The link's table (./params) gives the settings, so an empty link is the default state.
    ...defaults(PARAMS),
    status: 'loading',
    loadError: null,
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
    arithmetic: null,
    boundary: null,
    extended: null,
    extendedSweep: null,
    busy: null,
    kept: null,
    confirmingStartOver: false,
    messages: [],
  };
}

export type ConsolidationStore = ReturnType<typeof createConsolidationStore>;

export function createConsolidationStore(init?: Partial<ConsolidationState>) {
  return createStore<ConsolidationState>(() => ({ ...initialState(), ...init }));
}

/**
 * A visible message for a step that failed, shown next to the control that
 * ran it (`source`, its command id); `backendChanged`: the usual cause, and
 * what to do.
 */
export function sayFailed(
  store: ConsolidationStore,
  what: string,
  e: unknown,
  source: string,
  backendChanged = false,
): void {
  const hint = backendChanged ? ' The maths backend changed meanwhile: run this step again.' : '';
  say(store, 'error', `${what} failed: ${(e as Error).message}.${hint}`, source);
}
