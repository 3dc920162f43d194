/**
 * The lossless baselines: the records' CSV and packed binary through gzip
 * and brotli (src/models/compression/lossless, the CLI's levels). brotli.js
 * is 1.3 MB of JavaScript and takes about 2 s per MB, so this job has a
 * worker of its own (./codecWorker).
 */
import { losslessSizes } from '../../models/compression/lossless';
import { fieldErrors } from '../../models/compression/metrics';
import { datasetOf } from './jobData';
import type { DataSpec, JobEnv, LosslessResult } from './jobs';
import type { JobRunner } from './runJob';

export async function lossless(
  spec: DataSpec,
  gzipLevel: number,
  brotliQuality: number,
  env: JobEnv,
): Promise<LosslessResult> {
  const { dataset } = await datasetOf(spec, env);
  const csv = new TextEncoder().encode(dataset.csv());
  const csvSizes = await losslessSizes(csv, env.codecs, gzipLevel, brotliQuality);
  const binary = await losslessSizes(dataset.packed(), env.codecs, gzipLevel, brotliQuality);
  // A lossless file gives every record back exactly: its scores are those of the records themselves.
  const exact = fieldErrors(dataset.table, dataset.table);
  return { kind: 'lossless', csv: csvSizes, binary, exact };
}

export const runCodecJob: JobRunner = (job, env) => {
  if (job.kind !== 'lossless') throw new Error(`the codec worker does not run ${job.kind} jobs`);
  return lossless(job.spec, job.gzipLevel, job.brotliQuality, env);
};
