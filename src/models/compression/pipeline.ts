/**
 * The whole measurement, start to end, as the command line runs it
 * (`npm run experiment -- compress`, docs/compression-cli.md): train the
 * autoencoder on a dataset, freeze it, store every record's code, write the
 * one-file archive, give the records back from it, score them, build the
 * Hopfield stage, measure recall under three kinds of corruption, and put
 * the lossless and lossy baselines next to it. A page runs the same pieces
 * one at a time (each module's own API), so it can yield between them.
 *
 * Bytes: rawBytes is the CSV (what a dataset usually ships as), binaryBytes
 * the packed binary; ratio = rawBytes / archiveBytes, where the archive is
 * the decoder-only file (everything needed to give the records back:
 * header and schema, normalisation, decoder weights, codes). The encoder
 * is needed only to encode new queries; ratioWithEncoder counts it too.
 */
import { archiveBytes, exportArchive, importArchive } from './archive';
import {
  AUTOENCODER_DEFAULTS,
  AutoencoderTrainer,
  type AutoencoderOptions,
  type TrainProgress,
} from './autoencoder';
import {
  float16Baseline,
  int8Baseline,
  pcaBaseline,
  pcaComponentsFor,
  type RatePoint,
} from './baselines';
import { distinctCodes } from './codes';
import type { Dataset } from './datasets';
import { buildStage, type StageChoice, type StageOptions } from './hopfieldStage';
import {
  BROTLI_QUALITY,
  GZIP_LEVEL,
  losslessSizes,
  portableCodecs,
  type LosslessCodecs,
} from './lossless';
import { fieldErrors, metricInfo, type FieldErrors, type MetricInfo } from './metrics';
import {
  compressInputs,
  freezeModel,
  reconstruct,
  type CompressionModel,
  type Precision,
} from './model';
import { measureRecall, type QueryKind, type RecallPoint } from './recall';
import { fitNormalisation, inputVectors, inputWidth } from './table';

export interface RecallPlan {
  readonly missing: readonly number[];
  /** Shares of K; each becomes round(share K) distinct flipped bits. */
  readonly flipShares: readonly number[];
  readonly noise: readonly number[];
  /** Query records per point. */
  readonly queries: number;
}

export const DEFAULT_RECALL_PLAN: RecallPlan = {
  missing: [0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8],
  flipShares: [0, 1 / 32, 1 / 16, 1 / 8, 1 / 4, 0.3, 1 / 2],
  noise: [0, 0.1, 0.3, 0.5, 1, 2],
  queries: 200,
};

export interface CompressionRunOptions extends AutoencoderOptions {
  readonly precision?: Precision;
  readonly stage?: StageOptions;
  readonly recall?: RecallPlan;
  readonly codecs?: LosslessCodecs;
  /** A clock in ms, for recall times; never read otherwise. */
  readonly now?: () => number;
  /** Called after every training step. */
  readonly onTrain?: (p: TrainProgress) => void;
  /** Called once with the trained model, its codes and its file (e.g. to save the file). */
  readonly onCompressed?: (c: Compressed) => void;
  /** gzip level and brotli quality of the lossless baselines (./lossless defaults). */
  readonly gzipLevel?: number;
  readonly brotliQuality?: number;
}

export interface CompressionReport {
  readonly dataset: string;
  readonly label: 'generated' | 'real';
  readonly records: number;
  readonly bits: number;
  readonly hidden: number;
  readonly inputs: number;
  readonly precision: Precision;
  readonly rawBytes: number;
  readonly binaryBytes: number;
  readonly gzipBytes: number;
  readonly brotliBytes: number;
  readonly gzipBinaryBytes: number;
  readonly brotliBinaryBytes: number;
  readonly gzipLevel: number;
  readonly brotliQuality: number;
  readonly codecs: string;
  readonly archiveBytes: number;
  readonly archiveWithEncoderBytes: number;
  /** archiveBytes - codeBytes: header, schema, normalisation, decoder. */
  readonly modelBytes: number;
  readonly decoderBytes: number;
  readonly encoderBytes: number;
  readonly codeBytes: number;
  readonly ratio: number;
  readonly ratioBinary: number;
  readonly ratioWithEncoder: number;
  /** Share of the CSV saved, 1 - archiveBytes / rawBytes. */
  readonly saved: number;
  readonly lossless: false;
  /** The file read back gave exactly the same records as the model in memory. */
  readonly archiveRoundTrip: boolean;
  readonly distinctCodes: number;
  readonly metrics: readonly MetricInfo[];
  readonly reconstructionError: FieldErrors;
  readonly recall: readonly RecallPoint[];
  readonly load: number;
  readonly capacity: StageChoice['capacity'];
  readonly stage: StageChoice;
  readonly baselines: readonly RatePoint[];
  /** This run's own rate-distortion point (bytes of the decoder-only file). */
  readonly autoencoder: RatePoint & { readonly bits: number };
  readonly training: {
    readonly epochs: number;
    readonly steps: number;
    readonly batchSize: number;
    readonly epochLoss: readonly number[];
  };
}

/** A trained model, its stored codes, its file, and the records read back from the file. */
export interface Compressed {
  readonly model: CompressionModel;
  readonly codes: Uint8Array;
  /** The decoder-only file (./archive) and the one with the encoder too. */
  readonly archive: Uint8Array;
  readonly archiveWithEncoder: Uint8Array;
  /** The file read back gave exactly the records the model in memory gives. */
  readonly roundTrip: boolean;
  /** Records rebuilt from the file alone, scored against the dataset. */
  readonly reconstructionError: FieldErrors;
  readonly training: TrainProgress;
}

/** Trains, freezes, stores every code and writes the file; scores what the file gives back. */
export async function compressDataset(
  dataset: Dataset,
  options: Omit<CompressionRunOptions, 'recall' | 'codecs' | 'now' | 'stage' | 'onCompressed'>,
): Promise<Compressed> {
  const { table } = dataset;
  const precision = options.precision ?? 'float16';
  const norm = fitNormalisation(table);
  const trainer = new AutoencoderTrainer(table, norm, options);
  let model: CompressionModel;
  let training: TrainProgress;
  try {
    while (!trainer.progress.done) {
      const p = await trainer.step();
      options.onTrain?.(p);
    }
    training = trainer.progress;
    model = freezeModel(table, norm, await trainer.weights(), precision);
  } finally {
    trainer.dispose();
  }
  const codes = compressInputs(model, inputVectors(table, norm));
  const archive = exportArchive(model, codes);
  const restored = importArchive(archive);
  const back = reconstruct(restored.model, restored.codes);
  const direct = reconstruct(model, codes);
  return {
    model,
    codes,
    archive,
    archiveWithEncoder: exportArchive(model, codes, true),
    roundTrip: back.values.every((v, f) => v.every((x, i) => x === direct.values[f][i])),
    reconstructionError: fieldErrors(table, back),
    training,
  };
}

/** The autoencoder's own rate-distortion point: the file's bytes against the error per field. */
export function autoencoderPoint(c: Compressed): RatePoint & { readonly bits: number } {
  const { bits, hidden } = c.model.weights;
  return {
    method: 'autoencoder',
    bits,
    bytes: c.archive.length,
    lossless: false,
    error: c.reconstructionError,
    detail: `K = ${bits} bits, H = ${hidden}, ${c.model.precision} decoder, decoder-only file`,
  };
}

/** Runs the whole measurement (see the module comment). Needs registered gradients (./gradients). */
export async function runCompression(
  dataset: Dataset,
  options: CompressionRunOptions,
): Promise<CompressionReport> {
  const { table } = dataset;
  const plan = options.recall ?? DEFAULT_RECALL_PLAN;
  const codecs = options.codecs ?? portableCodecs;
  const compressed = await compressDataset(dataset, options);
  options.onCompressed?.(compressed);
  const { model, codes, archive, archiveWithEncoder: withEncoder, training: progress } = compressed;
  const { precision } = model;
  const norm = model.norm;
  const k = model.weights.bits;
  const parts = archiveBytes(archive);
  const roundTrip = compressed.roundTrip;
  const reconstructionError = compressed.reconstructionError;

  const stage = buildStage(codes, k, options.stage);
  const ctx = { table, model, packed: codes, stage };
  const recall: RecallPoint[] = [];
  const point = (query: QueryKind, amount: number, s: number) =>
    recall.push(
      measureRecall(ctx, {
        query,
        amount,
        queries: plan.queries,
        seed: options.seed + s,
        now: options.now,
      }),
    );
  plan.missing.forEach((a, s) => point('missing', a, 100 + s));
  [...new Set(plan.flipShares.map((f) => Math.round(f * k)))].forEach((a, s) =>
    point('flip', a, 200 + s),
  );
  plan.noise.forEach((a, s) => point('noise', a, 300 + s));

  const csv = new TextEncoder().encode(dataset.csv());
  const packed = dataset.packed();
  const level = options.gzipLevel ?? GZIP_LEVEL;
  const quality = options.brotliQuality ?? BROTLI_QUALITY;
  const onCsv = await losslessSizes(csv, codecs, level, quality);
  const onBinary = await losslessSizes(packed, codecs, level, quality);
  const exact = fieldErrors(table, table);
  const d = inputWidth(table.fields);
  const baselines: RatePoint[] = [
    {
      method: 'gzip-csv',
      bytes: onCsv.gzip,
      lossless: true,
      error: exact,
      detail: `gzip -${onCsv.gzipLevel} of the CSV`,
    },
    {
      method: 'brotli-csv',
      bytes: onCsv.brotli,
      lossless: true,
      error: exact,
      detail: `brotli q${onCsv.brotliQuality} of the CSV`,
    },
    {
      method: 'gzip-binary',
      bytes: onBinary.gzip,
      lossless: true,
      error: exact,
      detail: `gzip -${onBinary.gzipLevel} of the packed binary`,
    },
    {
      method: 'brotli-binary',
      bytes: onBinary.brotli,
      lossless: true,
      error: exact,
      detail: `brotli q${onBinary.brotliQuality} of the packed binary`,
    },
    float16Baseline(table),
    int8Baseline(table),
    pcaBaseline(table, norm, pcaComponentsFor(archive.length, table.n, d), options.seed),
  ];
  return {
    dataset: table.dataset,
    label: table.label,
    records: table.n,
    bits: k,
    hidden: model.weights.hidden,
    inputs: d,
    precision,
    rawBytes: csv.length,
    binaryBytes: packed.length,
    gzipBytes: onCsv.gzip,
    brotliBytes: onCsv.brotli,
    gzipBinaryBytes: onBinary.gzip,
    brotliBinaryBytes: onBinary.brotli,
    gzipLevel: onCsv.gzipLevel,
    brotliQuality: onCsv.brotliQuality,
    codecs: codecs.name,
    archiveBytes: archive.length,
    archiveWithEncoderBytes: withEncoder.length,
    modelBytes: archive.length - parts.codes,
    decoderBytes: parts.decoder,
    encoderBytes: withEncoder.length - archive.length,
    codeBytes: parts.codes,
    ratio: csv.length / archive.length,
    ratioBinary: packed.length / archive.length,
    ratioWithEncoder: csv.length / withEncoder.length,
    saved: 1 - archive.length / csv.length,
    lossless: false,
    archiveRoundTrip: roundTrip,
    distinctCodes: distinctCodes(codes, k),
    metrics: metricInfo(table.fields),
    reconstructionError,
    recall,
    load: stage.choice.load,
    capacity: stage.choice.capacity,
    stage: stage.choice,
    baselines,
    autoencoder: autoencoderPoint(compressed),
    training: {
      epochs: progress.epoch,
      steps: progress.steps,
      batchSize: options.batchSize ?? AUTOENCODER_DEFAULTS.batchSize,
      epochLoss: progress.epochLoss,
    },
  };
}
