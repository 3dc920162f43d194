/** Runs one job message (./jobs) and posts its progress and result, in a worker or in-process. */
import { generate, lossless, lossy } from './jobData';
import { compress, query, recall, verify } from './jobModel';
import type { FromWorker, Job, JobEnv, JobProgress, JobResult, ToWorker } from './jobs';
import { curve, train } from './jobTrain';

function run(job: Job, env: JobEnv, progress: (p: JobProgress) => void): Promise<JobResult> {
  switch (job.kind) {
    case 'generate':
      return generate(job.spec, env);
    case 'lossless':
      return lossless(job.spec, job.gzipLevel, job.brotliQuality, env);
    case 'lossy':
      return lossy(job.spec, job.budget, job.seed, env);
    case 'compress':
      return compress(job.spec, job.weights, job.precision, job.stage, env);
    case 'recall':
      return recall(job.spec, job.ref, job.stage, job.plan, job.seed, env, progress);
    case 'query':
      return query(job.spec, job.ref, job.stage, job, env);
    case 'verify':
      return verify(job.spec, job.file, job.current, job.stage, env);
    case 'train':
      return train(job.spec, job.options, env, progress);
    case 'curve':
      return curve(job.spec, job.options, job.precision, env, progress);
  }
}

/** The buffers a result can hand over instead of copying (the worker keeps nothing it sends). */
function transferables(r: JobResult): ArrayBuffer[] {
  if (r.kind === 'train') {
    return Object.values(r.weights)
      .filter((v): v is Float32Array => v instanceof Float32Array)
      .map((v) => v.buffer as ArrayBuffer);
  }
  return [];
}

export async function handleJob(
  msg: ToWorker,
  post: (m: FromWorker, transfer?: ArrayBuffer[]) => void,
  env: JobEnv,
): Promise<void> {
  try {
    const result = await run(msg.job, env, (progress) =>
      post({ id: msg.id, type: 'progress', progress }),
    );
    post({ id: msg.id, type: 'result', result }, transferables(result));
  } catch (e) {
    post({ id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
