import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../models/consolidation/registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../data/mnistNode';
import {
  createConsolidationSession,
  type ConsolidationSession,
} from '../../models/consolidation/session';
import type { EpochStats } from '../../models/consolidation/vaeTrain';
import { inProcessTrainWorker, startWorkerTraining } from './trainClient';
import { TrainJob, type FromTrainWorker } from './trainJob';
import { replayAll, TINY_CONSOLIDATION as TINY } from '../../testing/tinyConsolidation';

let session: ConsolidationSession;

beforeAll(async () => {
  await tf.setBackend('cpu');
  session = createConsolidationSession(await loadMnistNode(), TINY);
  await replayAll(session);
});

/** The page path: the session's own cursor over a fresh VAE. */
async function onThePage(epochs: number) {
  const vae = session.createVae();
  const trainer = session.trainer(vae);
  const stats: EpochStats[] = [];
  while (trainer.epochsDone < epochs) {
    const s = await trainer.train(3);
    if (s) stats.push(s);
  }
  const w = await vae.getWeights();
  vae.dispose();
  return { stats, weights: w.weights, step: w.step };
}

async function freshWeights() {
  const vae = session.createVae();
  const w = await vae.getWeights();
  vae.dispose();
  return w;
}

describe('the training job (the worker side, run here without a Worker)', () => {
  it('trains the same VAE as the page path for a seed', async () => {
    const page = await onThePage(2);
    const posted: FromTrainWorker[] = [];
    const job = new TrainJob(
      { type: 'start', weights: await freshWeights(), ...session.trainingSpec(0) },
      (m) => posted.push(m),
      { now: () => 0, turn: () => Promise.resolve() },
    );
    await job.run(2);
    job.dispose();
    const epochs = posted.filter((m) => m.type === 'epoch');
    expect(epochs.map((m) => m.stats)).toEqual(page.stats);
    const last = epochs.at(-1)!;
    expect(last.weights.step).toBe(page.step);
    expect(Array.from(last.weights.weights)).toEqual(Array.from(page.weights));
    expect(posted.at(-1)).toMatchObject({ type: 'stopped', epochsDone: 2, position: 0 });
  });

  it('paused mid-epoch and run on, through the client, gives the same VAE', async () => {
    const page = await onThePage(2);
    const remote = startWorkerTraining(
      await freshWeights(),
      session.trainingSpec(0),
      inProcessTrainWorker,
    )!;
    remote.run(2);
    remote.pause();
    let ev = await remote.next();
    while (ev.type !== 'stopped') ev = await remote.next();
    expect(remote.epochsDone).toBeLessThan(2);
    remote.run(2);
    const stats: EpochStats[] = [];
    let weights: Float32Array | null = null;
    for (ev = await remote.next(); ev.type !== 'stopped'; ev = await remote.next()) {
      if (ev.type === 'epoch') {
        stats.push(ev.stats);
        weights = ev.weights.weights;
      }
    }
    remote.dispose();
    expect(remote.epochsDone).toBe(2);
    expect(stats.map((s) => s.epoch)).toEqual([1, 2].slice(2 - stats.length));
    expect(stats.at(-1)).toEqual(page.stats[1]);
    expect(Array.from(weights!)).toEqual(Array.from(page.weights));
  });

  it('gives null where there are no workers (the page trains then)', async () => {
    expect(
      startWorkerTraining(await freshWeights(), session.trainingSpec(0), () => null),
    ).toBeNull();
  });
});
