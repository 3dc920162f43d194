/**
 * The measurement on screen as the command line's report
 * (src/models/compression/pipeline's CompressionReport), assembled from the
 * pieces the page computed, so the seed's claims (claims.ts) are checked
 * against exactly what the page shows. Null until every piece is in.
 */
import { AUTOENCODER_DEFAULTS } from '../../models/compression/autoencoder';
import type { RatePoint } from '../../models/compression/baselines';
import { seedClaims, type ClaimCheck } from '../../models/compression/claims';
import type { CompressionReport } from '../../models/compression/pipeline';
import type { LosslessResult } from './jobs';
import type { CompressionState, CompressedSummary } from './store';

/** gzip and brotli of the CSV and of the binary, as rate-distortion points (exact). */
export function losslessPoints(l: LosslessResult): RatePoint[] {
  const point = (method: string, bytes: number, detail: string): RatePoint => ({
    method,
    bytes,
    lossless: true,
    error: l.exact,
    detail,
  });
  return [
    point('gzip-csv', l.csv.gzip, `gzip -${l.csv.gzipLevel} of the CSV`),
    point('brotli-csv', l.csv.brotli, `brotli q${l.csv.brotliQuality} of the CSV`),
    point('gzip-binary', l.binary.gzip, `gzip -${l.binary.gzipLevel} of the packed binary`),
    point(
      'brotli-binary',
      l.binary.brotli,
      `brotli q${l.binary.brotliQuality} of the packed binary`,
    ),
  ];
}

/** The model on screen as its own rate-distortion point (the decoder-only file). */
export function modelPoint(c: CompressedSummary): RatePoint & { readonly bits: number } {
  return {
    method: 'autoencoder',
    bits: c.bits,
    bytes: c.archiveBytes,
    lossless: false,
    error: c.reconstructionError,
    detail: `K = ${c.bits} bits, H = ${c.hidden}, ${c.precision} decoder, decoder-only file`,
  };
}

/** Bytes of the model's file with the encoder too (the decoder-only size when not known). */
const withEncoder = (c: CompressedSummary) => c.archiveWithEncoderBytes ?? c.archiveBytes;

/** The parts of the state a report is made of. */
export type ReportParts = Pick<
  CompressionState,
  'data' | 'compressed' | 'lossless' | 'recall' | 'lossy' | 'training'
>;

export function liveReport(s: ReportParts): CompressionReport | null {
  const data = s.data.result;
  const c = s.compressed;
  const l = s.lossless.result;
  const r = s.recall.result;
  if (!data || !c || !l || !r) return null;
  const csv = data.csvBytes;
  return {
    dataset: data.dataset,
    label: data.label,
    records: data.records,
    bits: c.bits,
    hidden: c.hidden,
    inputs: c.inputs,
    precision: c.precision,
    rawBytes: csv,
    binaryBytes: data.binaryBytes,
    gzipBytes: l.csv.gzip,
    brotliBytes: l.csv.brotli,
    gzipBinaryBytes: l.binary.gzip,
    brotliBinaryBytes: l.binary.brotli,
    gzipLevel: l.csv.gzipLevel,
    brotliQuality: l.csv.brotliQuality,
    codecs: l.csv.codecs,
    archiveBytes: c.archiveBytes,
    archiveWithEncoderBytes: withEncoder(c),
    modelBytes: c.archiveBytes - c.parts.codes,
    decoderBytes: c.parts.decoder,
    encoderBytes: withEncoder(c) - c.archiveBytes,
    codeBytes: c.parts.codes,
    ratio: csv / c.archiveBytes,
    ratioBinary: data.binaryBytes / c.archiveBytes,
    ratioWithEncoder: csv / withEncoder(c),
    saved: 1 - c.archiveBytes / csv,
    lossless: false,
    archiveRoundTrip: c.roundTrip ?? false,
    distinctCodes: c.distinctCodes,
    metrics: data.metrics,
    reconstructionError: c.reconstructionError,
    recall: r.points,
    load: r.choice.load,
    capacity: r.choice.capacity,
    stage: r.choice,
    baselines: [...losslessPoints(l), ...(s.lossy.result ?? [])],
    autoencoder: modelPoint(c),
    training: {
      epochs: s.training.epoch,
      steps: s.training.steps,
      batchSize: s.training.batchSize || AUTOENCODER_DEFAULTS.batchSize,
      epochLoss: c.epochLoss,
    },
  };
}

/** The seed's claims against the page's measurements, or null until they are all in. */
export function liveClaims(s: ReportParts): ClaimCheck[] | null {
  const r = liveReport(s);
  return r ? seedClaims(r) : null;
}
