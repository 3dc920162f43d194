/** The light jobs (no TensorFlow.js, no brotli.js): records, baselines, the model's codes, recall. */
import { generate, lossy } from './jobData';
import { compress, query, recall, verify } from './jobModel';
import type { JobRunner } from './runJob';

export const runLightJob: JobRunner = (job, env, progress) => {
  switch (job.kind) {
    case 'generate':
      return generate(job.spec, env);
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
    default:
      throw new Error(`the light worker does not run ${job.kind} jobs`);
  }
};
