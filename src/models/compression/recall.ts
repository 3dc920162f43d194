/**
 * Recall of stored records from corrupted queries (SCIENCE.md section 4).
 *
 * A query starts from one stored record i and is corrupted one of three ways:
 * - 'missing', amount f in [0, 1]: round(f U) distinct maskable units of the
 *   record (U = one per category, one per numeric column; ./table) are left
 *   out (0 in the input), then the record is encoded;
 * - 'flip', amount k: k distinct bits of the record's stored code are
 *   flipped (no encoding);
 * - 'noise', amount sigma: independent Gaussian noise N(0, sigma^2) is added
 *   to every unit of the standardised input vector (one-hot units
 *   included), then it is encoded.
 * The query's code is cleaned up by the Hopfield stage and decoded; the same
 * code without the stage is decoded too, so every number comes twice (with
 * and "Without" the stage).
 *
 * Scores, over Q query records drawn without replacement (seeded):
 * - ownRecordRate: mean own-record credit (./codes): 1/m when record i is
 *   one of the m stored codes nearest (Hamming) to the code that reaches
 *   the decoder, else 0;
 * - exactCodeRate: share of queries whose code reaching the decoder IS the
 *   record's stored code (so the decoder gives back exactly what it gives
 *   for the record itself);
 * - perField: ./metrics of the decoded records against the TRUE records i;
 * - steps and converged of the stage; ms per cleanup when a clock is passed.
 */
import { createRng, sampleDistinct, type Rng } from '../../core/random';
import { bytesPerCode, flipBits, ownRecordCredit, packCodes, unpackCodes } from './codes';
import type { HopfieldStage } from './hopfieldStage';
import { FieldErrorAccumulator, type FieldErrors } from './metrics';
import { decodeCodes, encodeInputs, type CompressionModel } from './model';
import { inputVectors, maskableUnits, outputsToTable, type Table } from './table';

export type QueryKind = 'missing' | 'flip' | 'noise';
export const QUERY_KINDS: readonly QueryKind[] = ['missing', 'flip', 'noise'];

export interface RecallContext {
  readonly table: Table;
  readonly model: CompressionModel;
  /** Every record's stored code, packed (./codes). */
  readonly packed: Uint8Array;
  readonly stage: HopfieldStage;
}

export interface RecallPoint {
  readonly query: QueryKind;
  readonly amount: number;
  readonly queries: number;
  readonly ownRecordRate: number;
  readonly ownRecordRateWithout: number;
  readonly exactCodeRate: number;
  readonly exactCodeRateWithout: number;
  readonly perField: FieldErrors;
  readonly perFieldWithout: FieldErrors;
  /** Stage steps (sweeps for classic, updates for modern) per query. */
  readonly steps: { readonly mean: number; readonly max: number };
  readonly convergedShare: number;
  /** Wall time of the stage's cleanup per query, ms (null without a clock). */
  readonly ms: { readonly mean: number; readonly max: number } | null;
}

export interface RecallRequest {
  readonly query: QueryKind;
  readonly amount: number;
  /** Query records Q (at most the table's size). */
  readonly queries: number;
  readonly seed: number;
  /** A clock in ms (e.g. performance.now) to time each cleanup; never read otherwise. */
  readonly now?: () => number;
}

/** The corrupted code of a query from record i (see the module comment). */
export function queryCode(
  ctx: Pick<RecallContext, 'table' | 'model' | 'packed'>,
  record: number,
  query: QueryKind,
  amount: number,
  rng: Rng,
): Int8Array {
  const { table, model } = ctx;
  const k = model.weights.bits;
  if (query === 'flip') {
    if (!Number.isInteger(amount) || amount < 0 || amount > k) {
      throw new RangeError(`cannot flip ${amount} of ${k} bits`);
    }
    const b = bytesPerCode(k);
    const own = unpackCodes(ctx.packed.subarray(record * b, (record + 1) * b), k);
    return flipBits(own, amount, rng);
  }
  let x: Float32Array;
  if (query === 'missing') {
    if (!(amount >= 0 && amount <= 1))
      throw new RangeError(`missing share ${amount} not in [0, 1]`);
    const units = maskableUnits(table.fields);
    const left = new Set(sampleDistinct(units, Math.round(amount * units), rng));
    x = inputVectors(table, model.norm, record, record + 1, (_, u) => left.has(u));
  } else {
    if (!(amount >= 0)) throw new RangeError(`noise sigma ${amount} must be >= 0`);
    x = inputVectors(table, model.norm, record, record + 1);
    if (amount > 0) for (let j = 0; j < x.length; j++) x[j] += amount * rng.normal();
  }
  return encodeInputs(model, x);
}

/**
 * One recall point, query by query: call next() until it returns false
 * (each call runs one query), then result(). measureRecall runs it whole.
 */
export class RecallMeasurement {
  private readonly records: Int32Array;
  private readonly rng: Rng;
  private readonly k: number;
  private done = 0;
  private credit = 0;
  private creditWithout = 0;
  private exact = 0;
  private exactWithout = 0;
  private stepSum = 0;
  private stepMax = 0;
  private converged = 0;
  private msSum = 0;
  private msMax = 0;
  private readonly withStage: FieldErrorAccumulator;
  private readonly without: FieldErrorAccumulator;

  constructor(
    private readonly ctx: RecallContext,
    private readonly request: RecallRequest,
  ) {
    const n = ctx.table.n;
    const q = Math.min(request.queries, n);
    this.rng = createRng(request.seed);
    this.records = sampleDistinct(n, q, this.rng);
    this.k = ctx.model.weights.bits;
    this.withStage = new FieldErrorAccumulator(ctx.table.fields);
    this.without = new FieldErrorAccumulator(ctx.table.fields);
  }

  get total(): number {
    return this.records.length;
  }
  get finished(): number {
    return this.done;
  }

  /** Runs the next query; false when all have run. */
  next(): boolean {
    if (this.done >= this.records.length) return false;
    const { ctx, request, k } = this;
    const i = this.records[this.done];
    const corrupted = queryCode(ctx, i, request.query, request.amount, this.rng);
    const t0 = request.now?.() ?? 0;
    const clean = ctx.stage.cleanup(corrupted, this.rng);
    if (request.now) {
      const ms = request.now() - t0;
      this.msSum += ms;
      this.msMax = Math.max(this.msMax, ms);
    }
    this.stepSum += clean.steps;
    this.stepMax = Math.max(this.stepMax, clean.steps);
    if (clean.converged) this.converged++;
    const b = bytesPerCode(k);
    const own = ctx.packed.subarray(i * b, (i + 1) * b);
    const score = (code: Int8Array, acc: FieldErrorAccumulator): [number, boolean] => {
      const p = packCodes(code, k);
      const returned = outputsToTable(
        ctx.model.template,
        ctx.model.norm,
        decodeCodes(ctx.model, code),
      );
      acc.add(ctx.table, i, returned, 0);
      return [ownRecordCredit(ctx.packed, p, i), p.every((v, j) => v === own[j])];
    };
    const [c, e] = score(clean.code, this.withStage);
    const [cw, ew] = score(corrupted, this.without);
    this.credit += c;
    this.creditWithout += cw;
    if (e) this.exact++;
    if (ew) this.exactWithout++;
    this.done++;
    return this.done < this.records.length;
  }

  result(): RecallPoint {
    const q = this.done;
    return {
      query: this.request.query,
      amount: this.request.amount,
      queries: q,
      ownRecordRate: this.credit / q,
      ownRecordRateWithout: this.creditWithout / q,
      exactCodeRate: this.exact / q,
      exactCodeRateWithout: this.exactWithout / q,
      perField: this.withStage.result(),
      perFieldWithout: this.without.result(),
      steps: { mean: this.stepSum / q, max: this.stepMax },
      convergedShare: this.converged / q,
      ms: this.request.now ? { mean: this.msSum / q, max: this.msMax } : null,
    };
  }
}

/** All queries of one recall point at once. */
export function measureRecall(ctx: RecallContext, request: RecallRequest): RecallPoint {
  const run = new RecallMeasurement(ctx, request);
  while (run.next());
  return run.result();
}
