/**
 * Jobs over a trained model: freeze it and store every record's code
 * (the file, read back, must give the same records), recall under the three
 * kinds of corruption with and without the Hopfield stage, one hand-made
 * query, and checking an imported file against the model on the page.
 * Everything is src/models/compression's own code, in the CLI's order
 * (pipeline.ts), so the numbers are the command line's.
 */
import {
  archiveBytes,
  exportArchive,
  importArchive,
  type Archive,
} from '../../models/compression/archive';
import { distinctCodes } from '../../models/compression/codes';
import {
  buildStage,
  type HopfieldStage,
  type StageOptions,
} from '../../models/compression/hopfieldStage';
import { fieldErrors } from '../../models/compression/metrics';
import {
  compressInputs,
  freezeModel,
  reconstruct,
  type CompressionModel,
} from '../../models/compression/model';
import type { RecallPlan } from '../../models/compression/pipeline';
import { RecallMeasurement, type RecallPoint } from '../../models/compression/recall';
import { inputVectors, type Table } from '../../models/compression/table';
import type { AutoencoderWeights } from '../../models/compression/autoencoder';
import { datasetOf } from './jobData';
import type {
  CompressResult,
  DataSpec,
  JobEnv,
  JobProgress,
  ModelRef,
  QueryResult,
  RecallResult,
  VerifyResult,
} from './jobs';
import { buildQueryView, type QueryRequest } from './queryView';

/** Encodes records in blocks (the same codes as one call over all of them). */
function encodeAll(model: CompressionModel, table: Table): Uint8Array {
  const block = 4096;
  const parts: Uint8Array[] = [];
  for (let s = 0; s < table.n; s += block) {
    parts.push(
      compressInputs(model, inputVectors(table, model.norm, s, Math.min(table.n, s + block))),
    );
  }
  const out = new Uint8Array(parts.reduce((t, p) => t + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const sameValues = (a: Table, b: Table): { differing: number; compared: number } => {
  let differing = 0;
  let compared = 0;
  a.values.forEach((v, f) => {
    const w = b.values[f];
    compared += v.length;
    if (w.length !== v.length) differing += v.length;
    else for (let i = 0; i < v.length; i++) if (v[i] !== w[i]) differing++;
  });
  return { differing, compared };
};

export async function compress(
  spec: DataSpec,
  weights: AutoencoderWeights,
  precision: CompressionModel['precision'],
  stageOptions: StageOptions,
  env: JobEnv,
): Promise<CompressResult> {
  const { dataset, norm } = await datasetOf(spec, env);
  const { table } = dataset;
  const model = freezeModel(table, norm, weights, precision);
  const codes = encodeAll(model, table);
  const archive = exportArchive(model, codes);
  const restored = importArchive(archive);
  const back = reconstruct(restored.model, restored.codes);
  const direct = reconstruct(model, codes);
  const stage = buildStage(codes, weights.bits, stageOptions);
  const withEncoder = exportArchive(model, codes, true);
  return {
    kind: 'compress',
    model,
    codes,
    archive,
    archiveWithEncoder: withEncoder,
    archiveWithEncoderBytes: withEncoder.length,
    parts: archiveBytes(archive),
    roundTrip: sameValues(back, direct).differing === 0,
    reconstructionError: fieldErrors(table, back),
    distinctCodes: distinctCodes(codes, weights.bits),
    choice: stage.choice,
  };
}

/** The stage of the last model this worker saw (building it over 100,000 codes takes a while). */
let stageHeld: { id: number; key: string; stage: HopfieldStage } | null = null;

function stageOf(ref: ModelRef, options: StageOptions): HopfieldStage {
  const key = JSON.stringify(options);
  if (stageHeld?.id === ref.id && stageHeld.key === key) return stageHeld.stage;
  const stage = buildStage(ref.codes, ref.model.weights.bits, options);
  stageHeld = { id: ref.id, key, stage };
  return stage;
}

/** The plan's points in the CLI's order and with its seeds (pipeline.ts runCompression). */
export function planPoints(
  plan: RecallPlan,
  bits: number,
  seed: number,
  canEncode: boolean,
): { query: RecallPoint['query']; amount: number; seed: number }[] {
  const out: { query: RecallPoint['query']; amount: number; seed: number }[] = [];
  if (canEncode)
    plan.missing.forEach((a, s) => out.push({ query: 'missing', amount: a, seed: seed + 100 + s }));
  [...new Set(plan.flipShares.map((f) => Math.round(f * bits)))].forEach((a, s) =>
    out.push({ query: 'flip', amount: a, seed: seed + 200 + s }),
  );
  if (canEncode)
    plan.noise.forEach((a, s) => out.push({ query: 'noise', amount: a, seed: seed + 300 + s }));
  return out;
}

export async function recall(
  spec: DataSpec,
  ref: ModelRef,
  stageOptions: StageOptions,
  plan: RecallPlan,
  seed: number,
  env: JobEnv,
  progress: (p: JobProgress) => void,
): Promise<RecallResult> {
  const { dataset } = await datasetOf(spec, env);
  const stage = stageOf(ref, stageOptions);
  const ctx = { table: dataset.table, model: ref.model, packed: ref.codes, stage };
  const points = planPoints(plan, ref.model.weights.bits, seed, ref.canEncode);
  const total = points.length * Math.min(plan.queries, dataset.table.n);
  const out: RecallPoint[] = [];
  let done = 0;
  let last = env.now();
  for (const p of points) {
    const run = new RecallMeasurement(ctx, {
      query: p.query,
      amount: p.amount,
      queries: plan.queries,
      seed: p.seed,
      now: env.now,
    });
    while (run.next()) {
      done++;
      if (env.now() - last > 100) {
        last = env.now();
        progress({ done, total });
      }
    }
    done++;
    out.push(run.result());
  }
  return { kind: 'recall', choice: stage.choice, points: out };
}

export async function query(
  spec: DataSpec,
  ref: ModelRef,
  stageOptions: StageOptions,
  req: QueryRequest,
  env: JobEnv,
): Promise<QueryResult> {
  const { dataset } = await datasetOf(spec, env);
  if (req.query !== 'flip' && !ref.canEncode) {
    throw new Error(
      'this model has no encoder (a decoder-only file): only flipped bits can be queried',
    );
  }
  const stage = stageOf(ref, stageOptions);
  return {
    kind: 'query',
    view: buildQueryView(dataset.table, ref.model, ref.codes, stage, req, env.now),
  };
}

/**
 * The records an imported file gives back, compared value for value with
 * the ones the model on the page gives, and scored against the dataset.
 */
export async function verify(
  spec: DataSpec,
  file: Uint8Array,
  current: ModelRef | null,
  stageOptions: StageOptions,
  env: JobEnv,
): Promise<VerifyResult> {
  const { dataset } = await datasetOf(spec, env);
  const archive: Archive = importArchive(file);
  const back = reconstruct(archive.model, archive.codes);
  let identical: boolean | null = null;
  let differing = 0;
  let compared = 0;
  if (current) {
    ({ differing, compared } = sameValues(back, reconstruct(current.model, current.codes)));
    identical = differing === 0;
  }
  const bits = archive.model.weights.bits;
  return {
    kind: 'verify',
    identical,
    differing,
    compared,
    reconstructionError: fieldErrors(dataset.table, back),
    parts: archiveBytes(file),
    distinctCodes: distinctCodes(archive.codes, bits),
    choice: buildStage(archive.codes, bits, stageOptions).choice,
  };
}
