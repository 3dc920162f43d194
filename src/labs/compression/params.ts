/**
 * Every setting of the Compression lab, listed once. The keys are the
 * store's field names: the store's defaults are `defaults(PARAMS)`, the link
 * reads and writes them through this table, and `setParam` checks a value
 * against its row. The link keys are the field names (`dataset`, `records`,
 * `bits`, `seed`, `epochs`, `query`, `amount`, ...), the names the command
 * line uses too (cli/compress.ts).
 *
 * Two settings depend on others, so they are checked together
 * (`crossCheck`): MNIST has 10,000 digits, so `records` is at most that for
 * it; and `amount` means a share of fields (missing, 0..1), a number of
 * code bits (flip, a whole number 0..K) or a noise sd (noise, 0..MAX_SIGMA).
 */
import {
  boolParam,
  enumParam,
  floatParam,
  intParam,
  stringParam,
  type ParamSpec,
  type ParamValues,
} from '../../core/params';
import { checkTableValue } from '../../core/paramCheck';
import { MAX_BITS, MIN_BITS } from '../../models/compression/autoencoder';
import { DATASETS } from '../../models/compression/datasets';
import { STAGE_DEFAULTS, STAGE_REQUESTS } from '../../models/compression/hopfieldStage';
import { PRECISIONS } from '../../models/compression/model';
import { QUERY_KINDS, type QueryKind } from '../../models/compression/recall';
import { DEFAULT_GENES, MAX_GENES, MIN_GENES } from '../../data/cellAtlas';

export const MIN_RECORDS = 1000;
export const MAX_RECORDS = 100_000;
/** The app's MNIST asset holds this many digits. */
export const MNIST_RECORDS = 10_000;
export const MAX_SIGMA = 3;

export const PARAMS = {
  dataset: enumParam(DATASETS, 'cell-atlas', 'the generated cell atlas or real MNIST digits', {
    label: 'Dataset',
  }),
  records: intParam(2000, MIN_RECORDS, MAX_RECORDS, 'N, records (cells or digits)', {
    label: 'Records N',
  }),
  genes: intParam(DEFAULT_GENES, MIN_GENES, MAX_GENES, 'genes per cell (cell atlas)', {
    label: 'Genes per cell',
  }),
  seed: intParam(
    1,
    0,
    999_999,
    'seeds the data, the initial weights, the batches and the queries',
    {
      label: 'Seed',
    },
  ),
  bits: intParam(64, MIN_BITS, MAX_BITS, 'K, bits per code', { label: 'Code bits K' }),
  hidden: intParam(256, 16, 512, 'H, hidden units of the encoder and of the decoder', {
    label: 'Hidden units H',
  }),
  epochs: intParam(8, 1, 200, 'E, passes over the records', { label: 'Epochs' }),
  batchSize: intParam(64, 8, 1024, 'B, records per training step (one minibatch)', {
    link: 'batch',
    label: 'Batch B',
  }),
  precision: enumParam(PRECISIONS, 'float16', 'precision the weights are stored (and used) at', {
    label: 'Weights stored as',
  }),
  stage: enumParam(STAGE_REQUESTS, STAGE_DEFAULTS.request, 'Hopfield stage (auto: by load)', {
    label: 'Hopfield stage',
  }),
  beta: floatParam(STAGE_DEFAULTS.beta, 0.01, 100, 'modern stage inverse temperature', {
    label: 'β (modern stage)',
  }),
  queries: intParam(100, 10, 2000, 'query records per recall point', {
    label: 'Queries per point',
  }),
  query: enumParam(QUERY_KINDS, 'missing', 'how the hand-made query is corrupted', {
    label: 'Corruption',
  }),
  amount: floatParam(0.3, 0, 256, 'share missing, bits flipped, or noise sigma', {
    label: 'Amount',
  }),
  record: intParam(0, 0, MAX_RECORDS - 1, 'the record the hand-made query starts from', {
    label: 'Record',
  }),
  plotField: stringParam('', 'the score on the rate-distortion plot (a field)', 40, {
    link: 'rd',
  }),
  recallScore: stringParam('', 'the score on the recall plots (own record, or a field)', 40, {
    link: 'score',
  }),
  exportEncoder: boolParam(false, 'the exported file also holds the encoder', { link: 'enc' }),
};

export type Settings = ParamValues<typeof PARAMS>;
export type SettingKey = keyof Settings;

/** The row of a setting (for controls: range, label, meaning). */
export function paramSpec<K extends SettingKey>(key: K): ParamSpec<Settings[K]> {
  return PARAMS[key] as ParamSpec<Settings[K]>;
}

/** Largest record count of a dataset. */
export const maxRecords = (dataset: Settings['dataset']): number =>
  dataset === 'mnist' ? MNIST_RECORDS : MAX_RECORDS;

/** What `amount` may be for a kind of query with K code bits. */
export function amountRange(query: QueryKind, bits: number) {
  if (query === 'missing') return { min: 0, max: 1, step: 0.05, integer: false };
  if (query === 'flip') return { min: 0, max: bits, step: 1, integer: true };
  return { min: 0, max: MAX_SIGMA, step: 0.05, integer: false };
}

/** A sensible amount when the kind of query changes (the seed's "30 % noise" each way). */
export function defaultAmount(query: QueryKind, bits: number): number {
  if (query === 'missing') return 0.3;
  if (query === 'flip') return Math.round(0.3 * bits);
  return 0.3;
}

/** Why `value` is not a valid `key`, or null when it is (core/paramCheck). */
export const checkSetting = (key: string, value: unknown): string | null =>
  checkTableValue(PARAMS, key, value);

/**
 * The settings made consistent with each other, and one visitor-readable
 * line per value that had to change (records over MNIST's 10,000, an amount
 * out of its kind's range, a record past the last one).
 */
export function crossCheck(s: Settings): { settings: Settings; notes: string[] } {
  const notes: string[] = [];
  const out = { ...s };
  const top = maxRecords(s.dataset);
  if (out.records > top) {
    notes.push(`MNIST has ${top.toLocaleString('en')} digits; using ${top.toLocaleString('en')}.`);
    out.records = top;
  }
  if (out.record >= out.records) {
    notes.push(`There is no record ${out.record} among ${out.records}; using record 0.`);
    out.record = 0;
  }
  const r = amountRange(out.query, out.bits);
  let amount = Math.min(r.max, Math.max(r.min, out.amount));
  if (r.integer) amount = Math.round(amount);
  if (amount !== out.amount) {
    notes.push(
      `Amount ${out.amount} does not fit a ${out.query} query (${r.min} to ${r.max}${r.integer ? ', whole bits' : ''}); using ${amount}.`,
    );
    out.amount = amount;
  }
  return { settings: out, notes };
}
