/**
 * A dataset as the Hopfield autoencoder sees it (SCIENCE.md section 4): N
 * records, each a list of fields, and the one input vector per record that
 * the encoder reads and the decoder gives back.
 *
 * Fields:
 * - category: one label per record (a subclass, a region, a digit's class),
 *   held as a Uint8Array of indices. In the input it is a one-hot block of
 *   C units; "missing" is the all-zero block. The decoder's block is logits;
 *   the label that comes back is their argmax (the first on a tie).
 * - numeric: a block of `columns.length` numbers per record (coordinates,
 *   expression, pixels), a Float32Array n x width. In the input each column
 *   is standardised, z = (v - mean) / sd, with mean and sd per column
 *   (scaling 'column') or one pair for the whole block ('field'); sd below
 *   SD_FLOOR counts as SD_FLOOR, so constant columns give z = 0. Missing is
 *   z = 0 (the mean). What comes back is mean + sd z, clamped at 0 for
 *   non-negative fields.
 *
 * The unit a query can leave out ("a field missing") is one category or one
 * numeric column: a cell atlas of G genes has 2 + 3 + G + 5 of them.
 */

export interface CategoryField {
  readonly kind: 'category';
  readonly name: string;
  readonly labels: readonly string[];
  /** A coarser category implied by this one (e.g. class from subclass), also scored. */
  readonly parent?: {
    readonly name: string;
    readonly labels: readonly string[];
    readonly of: readonly number[];
  };
}

/** How a numeric field's error is scored (see ./metrics). */
export type NumericMetric = 'distance' | 'correlation' | 'rmse';

export interface NumericField {
  readonly kind: 'numeric';
  readonly name: string;
  readonly columns: readonly string[];
  readonly metric: NumericMetric;
  /** Unit of the values (um, log1p counts, ink). */
  readonly unit: string;
  readonly scaling: 'column' | 'field';
  readonly nonNegative: boolean;
}

export type Field = CategoryField | NumericField;

export interface Table {
  /** 'cell-atlas' or 'mnist'. */
  readonly dataset: string;
  /** 'generated' data is labelled so wherever it is shown. */
  readonly label: 'generated' | 'real';
  readonly n: number;
  readonly fields: readonly Field[];
  /** One entry per field: Uint8Array (category) or Float32Array n x width (numeric). */
  readonly values: readonly (Uint8Array | Float32Array)[];
}

export const SD_FLOOR = 1e-3;

/** Input units of a field: C for a category, its width for a numeric field. */
export const fieldWidth = (f: Field): number =>
  f.kind === 'category' ? f.labels.length : f.columns.length;

/** Input (and output) units of a record: the sum of the field widths. */
export const inputWidth = (fields: readonly Field[]): number =>
  fields.reduce((s, f) => s + fieldWidth(f), 0);

/** Units a query can leave out: 1 per category, 1 per numeric column. */
export const maskableUnits = (fields: readonly Field[]): number =>
  fields.reduce((s, f) => s + (f.kind === 'category' ? 1 : f.columns.length), 0);

/** Where each field's block starts in the input vector. */
export function fieldOffsets(fields: readonly Field[]): number[] {
  const out: number[] = [];
  let o = 0;
  for (const f of fields) {
    out.push(o);
    o += fieldWidth(f);
  }
  return out;
}

/** Standardisation constants: one (mean, sd) per numeric input unit, 0 and 1 for one-hot units. */
export interface Normalisation {
  /** Length inputWidth(fields). */
  readonly mean: Float32Array;
  readonly sd: Float32Array;
}

/** Fits the constants on the table (population sd, floored at SD_FLOOR). */
export function fitNormalisation(table: Table): Normalisation {
  const d = inputWidth(table.fields);
  const mean = new Float32Array(d);
  const sd = new Float32Array(d).fill(1);
  const offsets = fieldOffsets(table.fields);
  table.fields.forEach((f, k) => {
    if (f.kind !== 'numeric') return;
    const v = table.values[k] as Float32Array;
    const w = f.columns.length;
    const groups = f.scaling === 'column' ? w : 1;
    for (let c = 0; c < groups; c++) {
      let s = 0;
      let s2 = 0;
      let count = 0;
      for (let i = 0; i < table.n; i++) {
        const from = f.scaling === 'column' ? c : 0;
        const to = f.scaling === 'column' ? c + 1 : w;
        for (let j = from; j < to; j++) {
          const x = v[i * w + j];
          s += x;
          s2 += x * x;
          count++;
        }
      }
      const m = s / count;
      const sdev = Math.max(SD_FLOOR, Math.sqrt(Math.max(0, s2 / count - m * m)));
      const cols = f.scaling === 'column' ? [c] : [...Array(w).keys()];
      for (const j of cols) {
        mean[offsets[k] + j] = m;
        sd[offsets[k] + j] = sdev;
      }
    }
  });
  return { mean, sd };
}

/**
 * The input vectors of records [start, end) (row-major, (end - start) x D):
 * one-hot categories and standardised numbers. `missing(i, unit)` says which
 * maskable units of record i are left out (they become 0).
 */
export function inputVectors(
  table: Table,
  norm: Normalisation,
  start = 0,
  end = table.n,
  missing?: (record: number, unit: number) => boolean,
): Float32Array {
  const d = inputWidth(table.fields);
  const out = new Float32Array((end - start) * d);
  const offsets = fieldOffsets(table.fields);
  for (let i = start; i < end; i++) {
    const row = (i - start) * d;
    let unit = 0;
    table.fields.forEach((f, k) => {
      const o = row + offsets[k];
      if (f.kind === 'category') {
        if (!missing?.(i, unit)) out[o + (table.values[k] as Uint8Array)[i]] = 1;
        unit++;
        return;
      }
      const v = table.values[k] as Float32Array;
      const w = f.columns.length;
      for (let j = 0; j < w; j++, unit++) {
        if (missing?.(i, unit)) continue;
        const u = offsets[k] + j;
        out[o + j] = (v[i * w + j] - norm.mean[u]) / norm.sd[u];
      }
    });
  }
  return out;
}

/**
 * Decoder outputs (rows of D) back to field values: argmax of each
 * category's logits, mean + sd z for numbers (clamped at 0 where the field
 * is non-negative). Returns a table with the same fields.
 */
export function outputsToTable(
  template: Pick<Table, 'dataset' | 'label' | 'fields'>,
  norm: Normalisation,
  outputs: Float32Array,
): Table {
  const d = inputWidth(template.fields);
  const n = outputs.length / d;
  const offsets = fieldOffsets(template.fields);
  const values = template.fields.map((f, k) => {
    const o = offsets[k];
    if (f.kind === 'category') {
      const c = f.labels.length;
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < c; j++)
          if (outputs[i * d + o + j] > outputs[i * d + o + best]) best = j;
        out[i] = best;
      }
      return out;
    }
    const w = f.columns.length;
    const out = new Float32Array(n * w);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < w; j++) {
        const v = norm.mean[o + j] + norm.sd[o + j] * outputs[i * d + o + j];
        out[i * w + j] = f.nonNegative && v < 0 ? 0 : v;
      }
    }
    return out;
  });
  return { dataset: template.dataset, label: template.label, fields: template.fields, n, values };
}

/** Records `indices` of a table, in that order. */
export function selectRecords(table: Table, indices: ArrayLike<number>): Table {
  const m = indices.length;
  const values = table.fields.map((f, k) => {
    const w = f.kind === 'category' ? 1 : f.columns.length;
    const src = table.values[k];
    const out = f.kind === 'category' ? new Uint8Array(m) : new Float32Array(m * w);
    for (let r = 0; r < m; r++) out.set(src.subarray(indices[r] * w, (indices[r] + 1) * w), r * w);
    return out;
  });
  return { ...table, n: m, values };
}
