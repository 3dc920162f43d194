/**
 * Error per field between records and what came back for them (SCIENCE.md
 * section 4: class exact, region exact, coordinate error, expression
 * correlation).
 *
 * - category ('exact'): the share of records whose label came back
 *   unchanged; a category with a parent (subclass -> class) is also scored
 *   at the parent's level under the parent's name. Higher is better.
 * - numeric 'distance': mean over records of the Euclidean distance between
 *   the true and returned vectors, in the field's unit. Lower is better.
 * - numeric 'correlation': mean over records of Pearson's r between the true
 *   and returned vectors (across the columns of one record). When either
 *   vector is constant r is undefined; such a record counts 1 if the two
 *   are equal and 0 otherwise. Higher is better.
 * - numeric 'rmse': sqrt of the mean squared difference over all records
 *   and columns, in the field's unit. Lower is better.
 */
import type { Field, Table } from './table';

export type Metric = 'exact' | 'distance' | 'correlation' | 'rmse';

/** Which number each key of FieldErrors is, for a page's legend or a plot's axis. */
export interface MetricInfo {
  readonly key: string;
  readonly metric: Metric;
  readonly unit: string;
  readonly better: 'higher' | 'lower';
}

/** Field name (and parent name) -> its score. */
export type FieldErrors = Record<string, number>;

/** The keys FieldErrors has for these fields, in order, with their meaning. */
export function metricInfo(fields: readonly Field[]): MetricInfo[] {
  const out: MetricInfo[] = [];
  for (const f of fields) {
    if (f.kind === 'category') {
      if (f.parent)
        out.push({ key: f.parent.name, metric: 'exact', unit: 'share', better: 'higher' });
      out.push({ key: f.name, metric: 'exact', unit: 'share', better: 'higher' });
    } else {
      const better = f.metric === 'correlation' ? 'higher' : 'lower';
      const unit = f.metric === 'correlation' ? 'r' : f.unit;
      out.push({ key: f.name, metric: f.metric, unit, better });
    }
  }
  return out;
}

/**
 * Adds up scores one record at a time, so a page can score queries as they
 * finish. `add(truth, i, returned, r)` compares record i of `truth` with
 * record r of `returned` (tables with the same fields).
 */
export class FieldErrorAccumulator {
  private count = 0;
  private readonly sums: number[];

  constructor(private readonly fields: readonly Field[]) {
    this.sums = new Array<number>(metricInfo(fields).length).fill(0);
  }

  get records(): number {
    return this.count;
  }

  add(truth: Table, i: number, returned: Table, r: number): void {
    let s = 0;
    this.fields.forEach((f, k) => {
      if (f.kind === 'category') {
        const a = (truth.values[k] as Uint8Array)[i];
        const b = (returned.values[k] as Uint8Array)[r];
        if (f.parent) this.sums[s++] += f.parent.of[a] === f.parent.of[b] ? 1 : 0;
        this.sums[s++] += a === b ? 1 : 0;
        return;
      }
      const w = f.columns.length;
      const a = (truth.values[k] as Float32Array).subarray(i * w, (i + 1) * w);
      const b = (returned.values[k] as Float32Array).subarray(r * w, (r + 1) * w);
      if (f.metric === 'distance') this.sums[s++] += Math.sqrt(squaredError(a, b));
      else if (f.metric === 'correlation') this.sums[s++] += pearson(a, b);
      else this.sums[s++] += squaredError(a, b) / w;
    });
    this.count++;
  }

  /** The scores so far (NaN before any record). */
  result(): FieldErrors {
    const out: FieldErrors = {};
    metricInfo(this.fields).forEach((m, s) => {
      const mean = this.sums[s] / this.count;
      out[m.key] = m.metric === 'rmse' ? Math.sqrt(mean) : mean;
    });
    return out;
  }
}

/** Scores every record of `returned` against record rows[r] (default r) of `truth`. */
export function fieldErrors(truth: Table, returned: Table, rows?: ArrayLike<number>): FieldErrors {
  const acc = new FieldErrorAccumulator(truth.fields);
  for (let r = 0; r < returned.n; r++) acc.add(truth, rows ? rows[r] : r, returned, r);
  return acc.result();
}

function squaredError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
}

/** Pearson's r of two equal-length vectors; constant vectors: 1 if equal, else 0. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const w = a.length;
  let ma = 0;
  let mb = 0;
  for (let j = 0; j < w; j++) {
    ma += a[j];
    mb += b[j];
  }
  ma /= w;
  mb /= w;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let j = 0; j < w; j++) {
    const x = a[j] - ma;
    const y = b[j] - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  if (aa === 0 || bb === 0) return squaredError(a, b) === 0 ? 1 : 0;
  return ab / Math.sqrt(aa * bb);
}
