import { describe, expect, it } from 'vitest';
import { DEFAULT_CMR_PARAMS } from '../../models/human/cmrParams';
import { contextDependentRecall, freeRecallExperiment } from '../../models/human/freeRecall';
import { inProcessWorker, SimPool } from './simClient';
import { runJob } from './simJobs';

const list = { listLength: 10, lists: 100, seed: 4, params: { ...DEFAULT_CMR_PARAMS } };

describe('the lab simulation jobs', () => {
  it('draw what the command line prints for the same settings and seed', () => {
    const progress: number[] = [];
    const r = runJob({ kind: 'serial', ...list }, (done, total) => progress.push(done / total));
    if (r.kind !== 'serial') throw new Error('wrong kind');
    for (const distractor of ['none', 'delayed', 'continuous'] as const) {
      expect(r.protocols[distractor]).toEqual(freeRecallExperiment({ ...list, distractor }));
    }
    expect(progress).toEqual([0, 1 / 3, 2 / 3]);
    const c = runJob({ kind: 'context', ...list, distractor: 'none', theta: 0.1 });
    expect(c).toEqual({
      kind: 'context',
      conditions: contextDependentRecall({
        ...list,
        distractor: 'none',
        params: { ...list.params, theta: 0.1 },
      }),
    });
  });

  it('a new job of a kind replaces the old one; other kinds on the same worker still finish', async () => {
    let made = 0;
    const pool = new SimPool(() => (made++, inProcessWorker()), 1);
    const first = pool.run('serial', { kind: 'serial', ...list });
    const context = pool.run('context', { kind: 'context', ...list, distractor: 'none', theta: 0 });
    const second = pool.run('serial', { kind: 'serial', ...list, seed: 5 });
    expect(await first).toBeNull();
    expect((await context)?.result.kind).toBe('context');
    const out = await second;
    expect(out?.result).toEqual(runJob({ kind: 'serial', ...list, seed: 5 }));
    // The running serial job was stopped by replacing its worker.
    expect(made).toBe(2);
    pool.dispose();
  });

  it('a discarded job resolves with null at once; its worker runs on and takes the next job', async () => {
    let made = 0;
    const pool = new SimPool(() => (made++, inProcessWorker()), 1);
    const progress: number[] = [];
    const first = pool.run('serial', { kind: 'serial', ...list }, (d) => progress.push(d));
    pool.discard('serial');
    expect(await first).toBeNull();
    // The stale job's result and progress are ignored; once it has finished, the same
    // worker runs the next job (no new worker, unlike cancel).
    await new Promise((r) => setTimeout(r, 20));
    const second = pool.run('serial', { kind: 'serial', ...list, seed: 5 });
    expect((await second)?.result).toEqual(runJob({ kind: 'serial', ...list, seed: 5 }));
    expect(made).toBe(1);
    expect(progress).toEqual([]);
    pool.dispose();
  });
});
