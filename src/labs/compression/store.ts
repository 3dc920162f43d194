/**
 * The Compression lab's store (zustand/vanilla): the settings of the
 * parameter table and what each stage of the measurement has produced so
 * far, as plain summaries the views draw. The heavy things (the records,
 * the model, the codes, the file) live in the runner; the store holds what
 * is on screen. Runners and commands write it; components read it through
 * small selectors and act through commands.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaults } from '../../core/params';
import type { WithMessages } from '../../engine/messages';
import type { ArchiveBytes } from '../../models/compression/archive';
import type { RatePoint } from '../../models/compression/baselines';
import type { StageChoice } from '../../models/compression/hopfieldStage';
import type { FieldErrors, MetricInfo } from '../../models/compression/metrics';
import type { Precision } from '../../models/compression/model';
import type { RecallPoint } from '../../models/compression/recall';
import type { TrainingMode } from './chunks';
import type { LosslessResult } from './jobs';
import type { FieldValue, QueryView } from './queryView';
import { PARAMS, type Settings } from './params';

/** One job's state: the last result stays on screen while the next one runs. */
export interface JobState<R> {
  status: 'idle' | 'running' | 'done' | 'error';
  /** Fraction done (0..1), NaN when unknown. */
  progress: number;
  result: R | null;
  error: string | null;
  /** Wall time of the last finished job, ms. */
  ms: number | null;
}

export function idleJob<R>(): JobState<R> {
  return { status: 'idle', progress: 0, result: null, error: null, ms: null };
}

export interface DataSummary {
  dataset: Settings['dataset'];
  label: 'generated' | 'real';
  records: number;
  seed: number;
  genes: number;
  /** Input units of a record, and the units a query can leave out. */
  inputs: number;
  maskable: number;
  fields: { name: string; kind: 'category' | 'numeric'; width: number }[];
  metrics: MetricInfo[];
  csvBytes: number;
  binaryBytes: number;
  /** The first few records. */
  preview: FieldValue[][];
}

export type TrainingStatus =
  'idle' | 'probing' | 'running' | 'compressing' | 'done' | 'cancelled' | 'error';

export interface TrainingState {
  status: TrainingStatus;
  mode: TrainingMode | null;
  /** Why this thread (a sentence from chunks.chooseMode). */
  reason: string | null;
  /** The backend the steps run on (the page's, or the worker's). */
  backend: string | null;
  steps: number;
  totalSteps: number;
  epoch: number;
  epochs: number;
  loss: number;
  epochLoss: number[];
  elapsedMs: number;
  etaSeconds: number | null;
  /** The longest chunk of steps on the page's thread, ms (page mode). */
  longestTaskMs: number | null;
  /** A step's time after warm-up: the probe's on the page, the worker's own in a worker. */
  stepMs: number | null;
  batchSize: number;
  error: string | null;
}

/** Training is under way (probing, stepping or compressing its result). */
export function trainingBusy(t: TrainingState): boolean {
  return t.status === 'probing' || t.status === 'running' || t.status === 'compressing';
}

export function idleTraining(): TrainingState {
  return {
    status: 'idle',
    mode: null,
    reason: null,
    backend: null,
    steps: 0,
    totalSteps: 0,
    epoch: 0,
    epochs: 0,
    loss: NaN,
    epochLoss: [],
    elapsedMs: 0,
    etaSeconds: null,
    longestTaskMs: null,
    stepMs: null,
    batchSize: 0,
    error: null,
  };
}

/** The compressed dataset on screen: trained here, or read from a file. */
export interface CompressedSummary {
  id: number;
  source: 'trained' | 'imported';
  bits: number;
  hidden: number;
  inputs: number;
  precision: Precision;
  records: number;
  archiveBytes: number;
  /** The same file with the encoder too (null: not known, e.g. a decoder-only import). */
  archiveWithEncoderBytes: number | null;
  parts: ArchiveBytes;
  /** The file read back gave exactly the records of the model in memory. */
  roundTrip: boolean | null;
  reconstructionError: FieldErrors;
  distinctCodes: number;
  choice: StageChoice;
  /** False for a decoder-only file: queries can only flip code bits. */
  canEncode: boolean;
  epochLoss: number[];
}

export interface RecallSummary {
  choice: StageChoice;
  points: RecallPoint[];
}

export interface CurveState {
  points: (RatePoint & { readonly bits: number })[];
  /** The K being trained now. */
  running: number | null;
  progress: number;
  error: string | null;
}

export interface ImportCheck {
  name: string;
  bytes: number;
  /** Why the file was refused (empty: accepted). */
  problems: string[];
  /** Its records against the page's model: null when there was none to compare. */
  identical: boolean | null;
  differing: number;
  compared: number;
  hasEncoder: boolean;
  /** The file became the compressed dataset on screen. */
  replaced: boolean;
}

export interface CompressionState extends Settings, WithMessages {
  data: JobState<DataSummary>;
  lossless: JobState<LosslessResult>;
  training: TrainingState;
  compressed: CompressedSummary | null;
  lossy: JobState<RatePoint[]>;
  curve: CurveState;
  recall: JobState<RecallSummary>;
  queryView: JobState<QueryView>;
  importCheck: JobState<ImportCheck>;
  /**
   * The compressed dataset an imported file replaced, kept (with its model)
   * so that one click brings it back; null when there is none.
   */
  replacedModel: CompressedSummary | null;
  /** The model on screen is kept in this browser (./keep): written, or read back. */
  keptInBrowser: boolean;
}

export type CompressionStore = StoreApi<CompressionState>;

export function initialState(): CompressionState {
  return {
    ...defaults(PARAMS),
    messages: [],
    data: idleJob(),
    lossless: idleJob(),
    training: idleTraining(),
    compressed: null,
    lossy: idleJob(),
    curve: { points: [], running: null, progress: 0, error: null },
    recall: idleJob(),
    queryView: idleJob(),
    importCheck: idleJob(),
    replacedModel: null,
    keptInBrowser: false,
  };
}

export function createCompressionStore(init: Partial<CompressionState> = {}): CompressionStore {
  return createStore<CompressionState>(() => ({ ...initialState(), ...init }));
}

/** Everything computed from the model: cleared when the model goes. */
export function withoutModel(): Partial<CompressionState> {
  return {
    compressed: null,
    lossy: idleJob(),
    curve: { points: [], running: null, progress: 0, error: null },
    recall: idleJob(),
    queryView: idleJob(),
    keptInBrowser: false,
  };
}
