import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker } from '../../testing/forLabs/fakeExperimentWorker';
import { ExperimentClient } from './client';
import type { FromWorker } from './protocol';

afterEach(() => vi.useRealTimers());

describe('ExperimentClient', () => {
  it('passes a run\u2019s messages on and ignores late ones from an older run', () => {
    const workers: FakeWorker[] = [];
    const client = new ExperimentClient(() => (workers.push(new FakeWorker()), workers.at(-1)!));
    const got: FromWorker[] = [];
    const id = client.run('noise', {}, 'typed-array', (m) => got.push(m));
    const w = workers[0];
    expect(w.sent[0]).toMatchObject({ type: 'run', id, experiment: 'noise' });
    w.reply({ type: 'progress', id, done: 1, total: 2, elapsedMs: 5 });
    w.reply({ type: 'progress', id: id + 99, done: 1, total: 2, elapsedMs: 5 });
    w.reply({ type: 'done', id, elapsedMs: 9 });
    expect(got.map((m) => m.type)).toEqual(['progress', 'done']);
    expect(client.running).toBe(false);
  });

  it('cancel asks the worker; an answer ends the run without terminating it', () => {
    const w = new FakeWorker();
    const client = new ExperimentClient(() => w);
    const got: FromWorker[] = [];
    const id = client.run('capacity', {}, 'typed-array', (m) => got.push(m));
    client.cancel();
    expect(w.sent.at(-1)).toEqual({ type: 'cancel', id });
    w.reply({ type: 'cancelled', id });
    expect(got.map((m) => m.type)).toEqual(['cancelled']);
    expect(w.terminated).toBe(false);
  });

  it('a worker that does not answer a cancel is terminated and replaced', () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const client = new ExperimentClient(
      () => (workers.push(new FakeWorker()), workers.at(-1)!),
      500,
    );
    const got: FromWorker[] = [];
    client.run('capacity', {}, 'typed-array', (m) => got.push(m));
    client.cancel();
    vi.advanceTimersByTime(600);
    expect(workers[0].terminated).toBe(true);
    expect(got.map((m) => m.type)).toEqual(['cancelled']);
    client.run('capacity', {}, 'typed-array', () => {});
    expect(workers).toHaveLength(2);
    client.dispose();
    expect(workers[1].terminated).toBe(true);
  });

  it('a worker error ends the run with a readable message', () => {
    const w = new FakeWorker();
    const client = new ExperimentClient(() => w);
    const got: FromWorker[] = [];
    client.run('capacity', {}, 'tfjs', (m) => got.push(m));
    w.onerror?.({ message: 'boom' });
    expect(got).toEqual([
      expect.objectContaining({ type: 'error', message: expect.stringMatching(/boom/) }),
    ]);
    expect(w.terminated).toBe(true);
  });
});
