/**
 * Jobs over the dataset alone: make it (and keep it for the next job in
 * the same worker), its file sizes, and the lossy baselines on the same
 * records (src/models/compression/baselines, the CLI's settings). The
 * lossless ones are ./jobCodec's.
 */
import { cellAtlasDataset, mnistDataset, type Dataset } from '../../models/compression/datasets';
import {
  float16Baseline,
  int8Baseline,
  pcaBaseline,
  pcaComponentsFor,
} from '../../models/compression/baselines';
import { fitNormalisation, inputWidth, type Normalisation } from '../../models/compression/table';
import type { DataSpec, GenerateResult, JobEnv, LossyResult } from './jobs';

interface Held {
  key: string;
  dataset: Dataset;
  norm: Normalisation;
}

let held: Held | null = null;

const keyOf = (s: DataSpec) =>
  s.dataset === 'mnist'
    ? `mnist:${s.records}:${s.seed}`
    : `atlas:${s.records}:${s.seed}:${s.genes}`;

/** The dataset of a spec and its normalisation (fitted on all records), made once per worker. */
export async function datasetOf(spec: DataSpec, env: JobEnv): Promise<Held> {
  const key = keyOf(spec);
  if (held?.key === key) return held;
  held = null; // let the old one go before making a large new one
  let dataset: Dataset;
  if (spec.dataset === 'mnist') {
    if (!spec.mnistUrl) throw new Error('the digits are needed, but no address for them was given');
    dataset = mnistDataset(await env.loadDigits(spec.mnistUrl), spec.records, spec.seed);
  } else {
    dataset = cellAtlasDataset(spec.records, spec.seed, spec.genes);
  }
  held = { key, dataset, norm: fitNormalisation(dataset.table) };
  return held;
}

/**
 * The records for the page. Their arrays are handed over to the page, not
 * copied (100,000 cells are 50 MB), so this worker lets go of them.
 */
export async function generate(spec: DataSpec, env: JobEnv): Promise<GenerateResult> {
  const { dataset, norm } = await datasetOf(spec, env);
  held = null;
  return {
    kind: 'generate',
    table: dataset.table,
    norm,
    // The CSV is ASCII, so its length in characters is its length in bytes.
    csvBytes: dataset.csv().length,
    binaryBytes: dataset.packed().length,
  };
}

/** float16, int8 and PCA at `budget` bytes (the archive's size), as the CLI computes them. */
export async function lossy(
  spec: DataSpec,
  budget: number,
  seed: number,
  env: JobEnv,
): Promise<LossyResult> {
  const { dataset, norm } = await datasetOf(spec, env);
  const { table } = dataset;
  const d = inputWidth(table.fields);
  return {
    kind: 'lossy',
    points: [
      float16Baseline(table),
      int8Baseline(table),
      pcaBaseline(table, norm, pcaComponentsFor(budget, table.n, d), seed),
    ],
  };
}
