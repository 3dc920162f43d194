/**
 * One query made by hand, shown side by side: the stored record, the query
 * (what the encoder got, or the code with bits flipped), the code the
 * Hopfield stage cleaned it up to, and the records decoded with and without
 * the stage, each scored against the record.
 *
 * The query is made exactly as src/models/compression/recall's queryCode
 * makes it (same draws from the same generator, in the same order; a test
 * checks the codes agree), but keeps what it fed the encoder so the page
 * can show it: which fields were left out, or the noisy inputs.
 */
import { createRng, sampleDistinct, type Rng } from '../../core/random';
import {
  bytesPerCode,
  flipBits,
  nearestCodes,
  packCodes,
  unpackCodes,
} from '../../models/compression/codes';
import type { HopfieldStage } from '../../models/compression/hopfieldStage';
import { fieldErrors, type FieldErrors } from '../../models/compression/metrics';
import { decodeCodes, encodeInputs, type CompressionModel } from '../../models/compression/model';
import type { QueryKind } from '../../models/compression/recall';
import {
  inputVectors,
  maskableUnits,
  outputsToTable,
  selectRecords,
  type Table,
} from '../../models/compression/table';

/** One field of one record, ready to show. */
export type FieldValue =
  | { kind: 'category'; name: string; label: string; parent?: { name: string; label: string } }
  | {
      kind: 'numeric';
      name: string;
      unit: string;
      columns: readonly string[];
      values: number[];
      /** Columns left out of the query (missing queries only). */
      missing?: boolean[];
    };

export interface QueryView {
  readonly record: number;
  readonly query: QueryKind;
  readonly amount: number;
  readonly bits: number;
  readonly truth: FieldValue[];
  /** What the encoder read (missing: the record with fields left out; noise: the noisy inputs); null for flipped bits. */
  readonly input: FieldValue[] | null;
  /** Units left out / units in all (missing queries). */
  readonly left: { readonly count: number; readonly of: number } | null;
  /** Codes as '1' / '0' strings (bit j at position j). */
  readonly stored: string;
  readonly corrupted: string;
  readonly cleaned: string;
  readonly distance: { readonly corrupted: number; readonly cleaned: number };
  /** Stored records whose codes are nearest to the code each path decodes. */
  readonly nearestWith: readonly number[];
  readonly nearestWithout: readonly number[];
  readonly decodedWith: FieldValue[];
  readonly decodedWithout: FieldValue[];
  readonly scoresWith: FieldErrors;
  readonly scoresWithout: FieldErrors;
  readonly steps: number;
  readonly converged: boolean;
  readonly ms: number;
  readonly stage: string;
}

/** The values of record r of a table, field by field. */
export function recordValues(table: Table, r: number, missing?: Set<number>): FieldValue[] {
  let unit = 0;
  return table.fields.map((f, k) => {
    if (f.kind === 'category') {
      const v = (table.values[k] as Uint8Array)[r];
      const gone = missing?.has(unit) ?? false;
      unit++;
      const label = gone ? '(missing)' : f.labels[v];
      const parent = f.parent && {
        name: f.parent.name,
        label: gone ? '(missing)' : f.parent.labels[f.parent.of[v]],
      };
      return { kind: 'category', name: f.name, label, ...(parent ? { parent } : {}) };
    }
    const w = f.columns.length;
    const values = Array.from((table.values[k] as Float32Array).subarray(r * w, (r + 1) * w));
    const gaps = missing ? values.map((_, j) => missing.has(unit + j)) : undefined;
    unit += w;
    return {
      kind: 'numeric',
      name: f.name,
      unit: f.unit,
      columns: f.columns,
      values,
      ...(gaps ? { missing: gaps } : {}),
    };
  });
}

const bitString = (code: Int8Array) => Array.from(code, (v) => (v > 0 ? '1' : '0')).join('');

function hamming(a: Int8Array, b: Int8Array): number {
  let d = 0;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) d++;
  return d;
}

/** The query's code and what the encoder read, drawing from `rng` as queryCode does. */
export function makeQuery(
  table: Table,
  model: CompressionModel,
  packed: Uint8Array,
  record: number,
  query: QueryKind,
  amount: number,
  rng: Rng,
): { code: Int8Array; input: Float32Array | null; left: Set<number> | null } {
  const k = model.weights.bits;
  if (query === 'flip') {
    const b = bytesPerCode(k);
    const own = unpackCodes(packed.subarray(record * b, (record + 1) * b), k);
    return { code: flipBits(own, amount, rng), input: null, left: null };
  }
  if (query === 'missing') {
    const units = maskableUnits(table.fields);
    const left = new Set(sampleDistinct(units, Math.round(amount * units), rng));
    const x = inputVectors(table, model.norm, record, record + 1, (_, u) => left.has(u));
    return { code: encodeInputs(model, x), input: x, left };
  }
  const x = inputVectors(table, model.norm, record, record + 1);
  if (amount > 0) for (let j = 0; j < x.length; j++) x[j] += amount * rng.normal();
  return { code: encodeInputs(model, x), input: x, left: null };
}

export interface QueryRequest {
  readonly record: number;
  readonly query: QueryKind;
  readonly amount: number;
  readonly seed: number;
}

/** Runs one hand-made query through the stage and the decoder (see the module comment). */
export function buildQueryView(
  table: Table,
  model: CompressionModel,
  packed: Uint8Array,
  stage: HopfieldStage,
  req: QueryRequest,
  now: () => number,
): QueryView {
  const k = model.weights.bits;
  const b = bytesPerCode(k);
  const { record } = req;
  const rng = createRng(req.seed);
  const own = unpackCodes(packed.subarray(record * b, (record + 1) * b), k);
  const q = makeQuery(table, model, packed, record, req.query, req.amount, rng);
  const t0 = now();
  const clean = stage.cleanup(q.code, rng);
  const ms = now() - t0;
  const decode = (code: Int8Array) =>
    outputsToTable(model.template, model.norm, decodeCodes(model, code));
  const withStage = decode(clean.code);
  const without = decode(q.code);
  const truth = selectRecords(table, [record]);
  const input =
    q.input === null
      ? null
      : q.left
        ? recordValues(table, record, q.left)
        : recordValues(outputsToTable(model.template, model.norm, q.input), 0);
  return {
    record,
    query: req.query,
    amount: req.amount,
    bits: k,
    truth: recordValues(table, record),
    input,
    left: q.left ? { count: q.left.size, of: maskableUnits(table.fields) } : null,
    stored: bitString(own),
    corrupted: bitString(q.code),
    cleaned: bitString(clean.code),
    distance: { corrupted: hamming(own, q.code), cleaned: hamming(own, clean.code) },
    nearestWith: nearestCodes(packed, packCodes(clean.code, k)).indices.slice(0, 20),
    nearestWithout: nearestCodes(packed, packCodes(q.code, k)).indices.slice(0, 20),
    decodedWith: recordValues(withStage, 0),
    decodedWithout: recordValues(without, 0),
    scoresWith: fieldErrors(truth, withStage),
    scoresWithout: fieldErrors(truth, without),
    steps: clean.steps,
    converged: clean.converged,
    ms,
    stage: stage.choice.rule,
  };
}
