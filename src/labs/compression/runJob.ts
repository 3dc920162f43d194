/**
 * Runs one job message (./jobs) and posts its progress and result, in a
 * worker or in-process. Jobs come in three groups, each with a worker of
 * its own, so a worker loads only the code its jobs need: the light ones
 * (./lightJobs: records, models, recall), the lossless coders (./jobCodec:
 * brotli.js) and training (./jobTrain: TensorFlow.js).
 */
import type { FromWorker, Job, JobEnv, JobProgress, JobResult, ToWorker } from './jobs';

export type JobRunner = (
  job: Job,
  env: JobEnv,
  progress: (p: JobProgress) => void,
) => Promise<JobResult>;

/** The buffers a result can hand over instead of copying (the worker keeps nothing it sends). */
function transferables(r: JobResult): ArrayBuffer[] {
  const views =
    r.kind === 'train'
      ? Object.values(r.weights).filter((v): v is Float32Array => v instanceof Float32Array)
      : r.kind === 'generate'
        ? [...r.table.values, r.norm.mean, r.norm.sd]
        : [];
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}

export async function handleJob(
  msg: ToWorker,
  post: (m: FromWorker, transfer?: ArrayBuffer[]) => void,
  env: JobEnv,
  run: JobRunner,
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
