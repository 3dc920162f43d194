import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { typedEngine } from '../../models/experiments/batchTyped';
import { tensorEngine } from '../../models/experiments/batchTensor';
import type { ExperimentName } from '../../models/experiments/registry';
import type { EngineChoice, FromWorker } from './protocol';
import { createWorkerCore, type WorkerDeps } from './workerCore';

function harness(engine: 'typed' | 'tensor', extra: Partial<WorkerDeps> = {}) {
  const posted: FromWorker[] = [];
  const core = createWorkerCore({
    post: (m) => posted.push(m),
    engine: async () => ({ engine: engine === 'typed' ? typedEngine : tensorEngine(), notes: [] }),
    now: () => performance.now(),
    yieldToLoop: () => new Promise((r) => setTimeout(r, 0)),
    sliceMs: 0,
    flushMs: 0,
    ...extra,
  });
  /** Runs experiment `experiment` with control texts `params` as run `id`. */
  const run = (
    id: number,
    experiment: ExperimentName,
    params: Record<string, string>,
    engineChoice: EngineChoice = 'typed-array',
  ) => core.handle({ type: 'run', id, experiment, params, engine: engineChoice });
  return { core, posted, run };
}

const small = { units: '60', loads: '0.05,0.1,0.15', trials: '4', cues: '4' };

describe('the experiment worker core', () => {
  it('streams started, rows, progress and done', async () => {
    const { core, posted, run } = harness('typed');
    await run(1, 'capacity', small);
    const types = posted.map((m) => m.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('progress');
    const rows = posted.flatMap((m) => (m.type === 'rows' ? m.rows : []));
    expect(rows.map((r) => r.row.patterns)).toEqual([3, 6, 9]);
    const last = posted.filter((m) => m.type === 'progress').at(-1) as Extract<
      FromWorker,
      { type: 'progress' }
    >;
    expect(last.done).toBeCloseTo(last.total, 6);
    expect(core.running).toBeNull();
  });

  it('reports bad parameters as an error, not a crash', async () => {
    const { posted, run } = harness('typed');
    await run(2, 'capacity', { units: 'x' });
    expect(posted).toEqual([
      { type: 'error', id: 2, message: expect.stringMatching(/units must be a number/) },
    ]);
  });

  it('stops on cancel, sends no rows after it, and leaves no tensors behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const { core, posted, run } = harness('tensor');
    const done = run(
      3,
      'capacity',
      {
        units: '80',
        rule: 'hebbian,storkey',
        loads: '0.05,0.1,0.15,0.2',
        trials: '30',
        cues: '5',
      },
      'tfjs',
    );
    // Cancel once the first progress arrives.
    while (!posted.some((m) => m.type === 'progress')) await new Promise((r) => setTimeout(r, 1));
    await core.handle({ type: 'cancel', id: 3 });
    await done;
    const at = posted.findIndex((m) => m.type === 'cancelled');
    expect(at).toBeGreaterThan(0);
    expect(posted.slice(at + 1)).toEqual([]);
    expect(posted.some((m) => m.type === 'done')).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
    expect(core.running).toBeNull();
  });

  it('a tfjs run to the end leaves no tensors behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const { posted, run } = harness('tensor');
    await run(
      4,
      'noise',
      { units: '40', patterns: '3', 'flip-fractions': '0.1,0.7', trials: '2', cues: '3' },
      'tfjs',
    );
    expect(posted.at(-1)?.type).toBe('done');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a new run cancels the one before', async () => {
    const { posted, run } = harness('typed');
    const first = run(5, 'capacity', { ...small, trials: '200' });
    while (!posted.some((m) => m.type === 'progress')) await new Promise((r) => setTimeout(r, 1));
    const second = run(6, 'capacity', small);
    await Promise.all([first, second]);
    expect(posted.find((m) => m.id === 5 && m.type === 'cancelled')).toBeTruthy();
    expect(posted.filter((m) => m.id === 6).at(-1)?.type).toBe('done');
  });
});
