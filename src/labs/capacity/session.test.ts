import { describe, expect, it } from 'vitest';
import { FakeWorker } from '../../testing/forLabs/fakeExperimentWorker';
import { mounted } from '../../testing/forLabs/mounted';
import { runCommand } from '../../engine/commands';
import { ExperimentClient } from './client';
import { COMMANDS } from './commands';
import { makeLab } from './lab';
import { guardUnload, SessionKeeper } from './session';
import { createCapacityStore } from './store';

const QUERY = 'exp=noise&units=50&patterns=4';

/** A keeper and a worker client whose workers the test answers for. */
function setup() {
  const workers: FakeWorker[] = [];
  const client = new ExperimentClient(() => (workers.push(new FakeWorker()), workers.at(-1)!));
  const keeper = new SessionKeeper();
  /** Opens the page (make + mount), as useLabLifecycle does. */
  const open = (query: string) => mounted(makeLab(query, client, keeper));
  /** Opens the page on QUERY and runs: the page, the worker the run went to and its request id. */
  const openAndRun = () => {
    const first = open(QUERY);
    runCommand(COMMANDS.run, first);
    const w = workers.at(-1)!;
    return { first, w, id: w.sent[0].id };
  };
  return { workers, keeper, open, openAndRun };
}

const row = (i: number) => ({ table: 'rows', row: { flips: i, overlap: 1 - i / 10 } });

describe('the kept run', () => {
  it('goes on while the visitor is in another lab; back, the rows and progress are there', () => {
    const { keeper, open, openAndRun } = setup();
    const { first, w, id } = openAndRun();
    w.reply({ type: 'rows', id, rows: [row(0), row(1)] });
    first.dispose(); // to another lab
    expect(keeper.holding).toBe(true);
    expect(w.terminated).toBe(false);
    // The worker goes on answering while the page is away.
    w.reply({ type: 'rows', id, rows: [row(2)] });
    w.reply({ type: 'progress', id, done: 3, total: 5, elapsedMs: 900 });

    const back = open(QUERY);
    expect(back.store).toBe(first.store);
    const s = back.store.getState();
    expect(s.status).toBe('running');
    expect(s.tables.rows).toHaveLength(3);
    expect(s.progress).toEqual({ done: 3, total: 5, elapsedMs: 900 });
    expect(s.messages).toEqual([]); // the same link: nothing to say
    w.reply({ type: 'done', id, elapsedMs: 1500 });
    expect(back.store.getState().status).toBe('done');
    expect(w.terminated).toBe(false); // on screen: the worker stays for the next run
  });

  it('that ends while away frees its worker; its rows stay for the next visit', () => {
    const { workers, keeper, open, openAndRun } = setup();
    const { first, w, id } = openAndRun();
    first.dispose();
    w.reply({ type: 'rows', id, rows: [row(0)] });
    expect(w.terminated).toBe(false);
    w.reply({ type: 'done', id, elapsedMs: 10 });
    expect(w.terminated).toBe(true);
    expect(keeper.holding).toBe(true);
    const back = open('');
    expect(back.store.getState()).toMatchObject({ status: 'done', tables: { rows: [row(0).row] } });
    // A new run makes a new worker.
    runCommand(COMMANDS.run, back);
    expect(workers).toHaveLength(2);
  });

  it('while it goes on, a link with other settings is not applied, and the lab says so', () => {
    const { open, openAndRun } = setup();
    const { first } = openAndRun();
    first.dispose();
    const back = open('exp=capacity&units=80');
    const s = back.store.getState();
    expect(s.experiment).toBe('noise');
    expect(s.texts.noise.units).toBe('50');
    expect(s.messages.map((m) => m.text).join(' ')).toMatch(/Noise sweep run is still going/);
  });

  it('with results on screen, a link with other settings applies them and keeps the results', () => {
    const { open, openAndRun } = setup();
    const { first, w, id } = openAndRun();
    w.reply({ type: 'rows', id, rows: [row(0)] });
    w.reply({ type: 'done', id, elapsedMs: 10 });
    first.dispose();
    expect(w.terminated).toBe(true); // results kept, worker freed
    const back = open('exp=capacity&units=80&trials=xx');
    const s = back.store.getState();
    expect(s.experiment).toBe('capacity');
    expect(s.texts.capacity.units).toBe('80');
    expect(s.ran?.experiment).toBe('noise');
    expect(s.tables.rows).toHaveLength(1);
    expect(s.messages.map((m) => m.text).join(' ')).toMatch(/trials must be a number/);
  });

  it('is not kept when nothing was run: the next visit starts from its link', () => {
    const { workers, keeper, open } = setup();
    const first = open(QUERY);
    runCommand(COMMANDS.setParam, first, { name: 'units', text: '70' });
    first.dispose();
    expect(keeper.holding).toBe(false);
    expect(workers).toHaveLength(0);
    const back = open(QUERY);
    expect(back.store).not.toBe(first.store);
    expect(back.store.getState().texts.noise.units).toBe('50');
  });
});

describe('closing the tab during a run', () => {
  it('asks first (beforeunload) only while a run goes on', () => {
    const target = new EventTarget();
    const store = createCapacityStore();
    const unguard = guardUnload(store, target);
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      target.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    store.setState({ status: 'running' });
    expect(leave()).toBe(true);
    store.setState({ status: 'done' });
    expect(leave()).toBe(false);
    store.setState({ status: 'running' });
    unguard();
    expect(leave()).toBe(false);
  });

  it('the lab guards its run whether or not its page is on screen', () => {
    const { openAndRun } = setup();
    const calls: string[] = [];
    const win = globalThis as { window?: unknown };
    const had = 'window' in win;
    win.window = {
      addEventListener: (t: string) => calls.push(`add ${t}`),
      removeEventListener: (t: string) => calls.push(`remove ${t}`),
    };
    try {
      const { first, w, id } = openAndRun();
      first.dispose();
      expect(calls).toEqual(['add beforeunload']);
      first.runner.cancel();
      w.reply({ type: 'cancelled', id });
      expect(first.store.getState().status).toBe('cancelled');
      expect(calls).toEqual(['add beforeunload', 'remove beforeunload']);
    } finally {
      if (!had) delete win.window;
    }
  });
});
