/**
 * The lab's heavy work as plain jobs, each a message that names its data
 * (never the data itself: a worker regenerates the seeded atlas, or
 * downloads the digits, and keeps it for the next job) and the model it
 * needs. They run in Web Workers (./worker.ts), so the page never waits on
 * a second-long loop; tests run them in-process (./client.ts).
 *
 * What each job does is the models' own code (src/models/compression), so
 * the page shows what `npm run experiment -- compress` prints for the same
 * settings and seed (docs/compression-cli.md); see ./jobData, ./jobModel
 * and ./jobTrain.
 */
import type { DatasetName } from '../../models/compression/datasets';
import type { ArchiveBytes } from '../../models/compression/archive';
import type { AutoencoderOptions, AutoencoderWeights } from '../../models/compression/autoencoder';
import type { RatePoint } from '../../models/compression/baselines';
import type { StageChoice, StageOptions } from '../../models/compression/hopfieldStage';
import type { LosslessCodecs, LosslessSizes } from '../../models/compression/lossless';
import type { MnistSet } from '../../data/mnist';
import type { FieldErrors } from '../../models/compression/metrics';
import type { CompressionModel, Precision } from '../../models/compression/model';
import type { RecallPlan } from '../../models/compression/pipeline';
import type { QueryKind, RecallPoint } from '../../models/compression/recall';
import type { Normalisation, Table } from '../../models/compression/table';
import type { QueryView } from './queryView';

/** Which records: enough to make them again anywhere. */
export interface DataSpec {
  readonly dataset: DatasetName;
  readonly records: number;
  readonly seed: number;
  readonly genes: number;
  /** Where the digits are (resolved by the page: a worker's own URL is not the page's). */
  readonly mnistUrl?: string;
}

/** A frozen model and every record's code, with an id so a worker keeps its stage between jobs. */
export interface ModelRef {
  readonly id: number;
  readonly model: CompressionModel;
  readonly codes: Uint8Array;
  /** False for a decoder-only file: only flipped-bit queries can be made. */
  readonly canEncode: boolean;
}

export type TrainOptions = AutoencoderOptions & Required<Pick<AutoencoderOptions, 'hidden'>>;

export interface TrainProgressMsg {
  readonly steps: number;
  readonly totalSteps: number;
  readonly epoch: number;
  readonly epochs: number;
  readonly loss: number;
  readonly epochLoss: readonly number[];
}

export type Job =
  | { kind: 'generate'; spec: DataSpec }
  | { kind: 'lossless'; spec: DataSpec; gzipLevel: number; brotliQuality: number }
  | { kind: 'lossy'; spec: DataSpec; budget: number; seed: number }
  | {
      kind: 'compress';
      spec: DataSpec;
      id: number;
      weights: AutoencoderWeights;
      precision: Precision;
      stage: StageOptions;
    }
  | {
      kind: 'recall';
      spec: DataSpec;
      ref: ModelRef;
      stage: StageOptions;
      plan: RecallPlan;
      seed: number;
    }
  | {
      kind: 'query';
      spec: DataSpec;
      ref: ModelRef;
      stage: StageOptions;
      record: number;
      query: QueryKind;
      amount: number;
      seed: number;
    }
  | {
      kind: 'verify';
      spec: DataSpec;
      file: Uint8Array;
      current: ModelRef | null;
      stage: StageOptions;
    }
  | { kind: 'train'; spec: DataSpec; options: TrainOptions }
  | { kind: 'curve'; spec: DataSpec; options: TrainOptions; precision: Precision };

export type JobKind = Job['kind'];

export interface GenerateResult {
  kind: 'generate';
  table: Table;
  norm: Normalisation;
  csvBytes: number;
  binaryBytes: number;
}
export interface LosslessResult {
  kind: 'lossless';
  csv: LosslessSizes;
  binary: LosslessSizes;
  /** The scores of an exact copy (what gzip and brotli give back). */
  exact: FieldErrors;
}
export interface LossyResult {
  kind: 'lossy';
  points: RatePoint[];
}
export interface CompressResult {
  kind: 'compress';
  model: CompressionModel;
  codes: Uint8Array;
  archive: Uint8Array;
  /** The same file with the encoder too (what Export writes when asked, and what is kept). */
  archiveWithEncoder: Uint8Array;
  archiveWithEncoderBytes: number;
  parts: ArchiveBytes;
  roundTrip: boolean;
  reconstructionError: FieldErrors;
  distinctCodes: number;
  choice: StageChoice;
}
export interface RecallResult {
  kind: 'recall';
  choice: StageChoice;
  points: RecallPoint[];
}
export interface QueryResult {
  kind: 'query';
  view: QueryView;
}
export interface VerifyResult {
  kind: 'verify';
  /** The file's records against the model on the page: null when there is none to compare. */
  identical: boolean | null;
  /** Values that differ from the page model's reconstructions (0 when identical). */
  differing: number;
  compared: number;
  /** The file's records scored against the dataset on the page. */
  reconstructionError: FieldErrors;
  parts: ArchiveBytes;
  distinctCodes: number;
  choice: StageChoice;
}
export interface TrainResult {
  kind: 'train';
  weights: AutoencoderWeights;
  progress: TrainProgressMsg;
  /** Wall time of the worker's steps after the first, ms. */
  stepMs: { median: number; max: number } | null;
  backend: string;
}
export interface CurveResult {
  kind: 'curve';
  point: RatePoint & { readonly bits: number };
  backend: string;
}

export type JobResult =
  | GenerateResult
  | LosslessResult
  | LossyResult
  | CompressResult
  | RecallResult
  | QueryResult
  | VerifyResult
  | TrainResult
  | CurveResult;

/** A job's result type by kind. */
export type ResultOf<K extends JobKind> = Extract<JobResult, { kind: K }>;

export interface JobProgress {
  done: number;
  total: number;
  /** Training jobs send their progress too. */
  train?: TrainProgressMsg;
}

export type ToWorker = { id: number; job: Job };
export type FromWorker =
  | { id: number; type: 'progress'; progress: JobProgress }
  | { id: number; type: 'result'; result: JobResult }
  | { id: number; type: 'error'; message: string };

/** What a job may need from where it runs. */
export interface JobEnv {
  now(): number;
  /** Makes tfjs ready for training here; returns the backend's name. */
  prepareTraining(): Promise<string>;
  /** Loads the MNIST digits from a URL. */
  loadDigits(url: string): Promise<MnistSet>;
  /** gzip and brotli (default: the browser's, pako and brotli.js: ../../models/compression/lossless). */
  codecs?: LosslessCodecs;
}
