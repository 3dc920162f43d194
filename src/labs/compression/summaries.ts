/**
 * What the Compression lab puts on screen about its records and its model,
 * made from the jobs' results (./jobs): the dataset's summary (its fields,
 * sizes and first records), and the compressed dataset's, for a model
 * trained on the page or read from a file. The runner (./runner) stores
 * them; nothing here is typed in, every number comes from a job.
 */
import type { Archive } from '../../models/compression/archive';
import { bytesPerCode } from '../../models/compression/codes';
import { metricInfo } from '../../models/compression/metrics';
import type { CompressionModel } from '../../models/compression/model';
import { inputWidth, maskableUnits } from '../../models/compression/table';
import type { CompressResult, GenerateResult, VerifyResult } from './jobs';
import type { Settings } from './params';
import { recordValues } from './queryView';
import type { CompressedSummary, DataSummary } from './store';

/** Records shown as a table under the dataset's summary. */
export const PREVIEW_RECORDS = 6;

/** The records made for `settings`: their fields, sizes and the first PREVIEW_RECORDS. */
export function dataSummary(settings: Settings, g: GenerateResult): DataSummary {
  const t = g.table;
  return {
    dataset: settings.dataset,
    label: t.label,
    records: t.n,
    seed: settings.seed,
    genes: settings.genes,
    inputs: inputWidth(t.fields),
    maskable: maskableUnits(t.fields),
    fields: t.fields.map((f) => ({
      name: f.name,
      kind: f.kind,
      width: f.kind === 'category' ? 1 : f.columns.length,
    })),
    metrics: metricInfo(t.fields),
    csvBytes: g.csvBytes,
    binaryBytes: g.binaryBytes,
    preview: Array.from({ length: Math.min(PREVIEW_RECORDS, t.n) }, (_, i) => recordValues(t, i)),
  };
}

/**
 * What both compressed summaries say of the model itself, trained here or
 * read from a file: its K code bits, H hidden units, input width and the
 * precision of its decoder's weights.
 */
function modelShape(
  model: CompressionModel,
): Pick<CompressedSummary, 'bits' | 'hidden' | 'inputs' | 'precision'> {
  const w = model.weights;
  return { bits: w.bits, hidden: w.hidden, inputs: w.inputs, precision: model.precision };
}

/** The model trained on the page, compressed (`id` names it; `epochLoss` is its training's). */
export function trainedSummary(
  id: number,
  c: CompressResult,
  epochLoss: readonly number[],
): CompressedSummary {
  return {
    id,
    source: 'trained',
    ...modelShape(c.model),
    records: c.codes.length / bytesPerCode(c.model.weights.bits),
    archiveBytes: c.archive.length,
    archiveWithEncoderBytes: c.archiveWithEncoderBytes,
    parts: c.parts,
    roundTrip: c.roundTrip,
    reconstructionError: c.reconstructionError,
    distinctCodes: c.distinctCodes,
    choice: c.choice,
    canEncode: true,
    epochLoss: [...epochLoss],
  };
}

/**
 * A model read from a file of `fileBytes` bytes, as checked against the
 * page (`v`); `archiveBytes` is the size of its file without the encoder.
 */
export function importedSummary(
  id: number,
  archive: Archive,
  archiveBytes: number,
  fileBytes: number,
  v: VerifyResult,
): CompressedSummary {
  return {
    id,
    source: 'imported',
    ...modelShape(archive.model),
    records: archive.records,
    archiveBytes,
    archiveWithEncoderBytes: archive.hasEncoder ? fileBytes : null,
    parts: v.parts,
    roundTrip: null,
    reconstructionError: v.reconstructionError,
    distinctCodes: v.distinctCodes,
    choice: v.choice,
    canEncode: archive.hasEncoder,
    epochLoss: [],
  };
}
