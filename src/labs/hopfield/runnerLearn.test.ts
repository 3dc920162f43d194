import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../../core/random';
import { randomPattern } from '../../data/presets';
import { runCommand } from '../../engine/commands';
import { learn, type Network } from '../../models/classic/hopfield';
import { manualFrames } from '../../testing/frames';
import { COMMANDS } from './commands';
import { CancelledError, type Learner } from './learnClient';
import { HopfieldRunner } from './runner';
import { createHopfieldStore, newPatternId } from './store';

/** A learner whose jobs the test finishes by hand (the page's is a Web Worker). */
function manualLearner() {
  const jobs: { resolve: () => void; cancelled: boolean; progress: (f: number) => void }[] = [];
  const learner: Learner = {
    learn(rule, x, opts, progress) {
      let done!: (net: Network) => void;
      let fail!: (e: Error) => void;
      const promise = new Promise<Network>((res, rej) => ((done = res), (fail = rej)));
      const job = { resolve: () => done(learn(rule, x, opts)), cancelled: false, progress };
      jobs.push(job);
      return {
        promise,
        cancel: () => {
          job.cancelled = true;
          fail(new CancelledError());
        },
      };
    },
    dispose() {},
  };
  return { learner, jobs };
}

/** 64 x 64 units, Storkey, a few random patterns: big enough to learn in the worker. */
function bigLab() {
  const rng = createRng(5);
  const d = 64 * 64;
  const patterns = Array.from({ length: 3 }, (_, i) => ({
    id: newPatternId(),
    name: `R${i}`,
    cells: randomPattern(d, rng),
  }));
  const store = createHopfieldStore({ size: 64, rule: 'storkey', patterns });
  store.setState({ state: patterns[0].cells.slice() });
  const { loop, flush } = manualFrames();
  const { learner, jobs } = manualLearner();
  const runner = new HopfieldRunner(store, loop, learner);
  runner.start();
  return { ctx: { store, runner }, store, runner, jobs, flush };
}

describe('learning in the background', () => {
  it('shows learning, then recalls once the weights arrive', async () => {
    const { ctx, store, jobs, flush } = bigLab();
    runCommand(COMMANDS.recall, ctx);
    expect(store.getState().phase).toBe('learning');
    expect(jobs).toHaveLength(1);
    jobs[0].progress(0.5);
    expect(store.getState().learnProgress).toBe(0.5);
    runCommand(COMMANDS.recall, ctx); // while learning: stops it
    expect(jobs[0].cancelled).toBe(true);
    expect(store.getState().phase).toBe('idle');
    runCommand(COMMANDS.recall, ctx);
    expect(jobs).toHaveLength(2);
    jobs[1].resolve();
    // Then the first field pass over W, in chunks on the page's pace (fieldsPass.ts).
    await vi.waitFor(() => expect(store.getState().phase).toBe('running'));
    flush(20);
    expect(store.getState().phase).toBe('done');
    expect(store.getState().verdict?.outcome).toBe('target');
  });

  it('drops a result learned for patterns or a rule the visitor has since changed', async () => {
    const { ctx, store, jobs } = bigLab();
    runCommand(COMMANDS.recall, ctx);
    runCommand(COMMANDS.setRule, ctx, 'krauth-mezard');
    expect(jobs[0].cancelled).toBe(true);
    expect(store.getState().phase).toBe('idle');
    jobs[0].resolve(); // too late: nothing happens
    await Promise.resolve();
    expect(store.getState().phase).toBe('idle');
  });

  it('keeps learning when only the grid changes', () => {
    const { ctx, store, jobs } = bigLab();
    runCommand(COMMANDS.step, ctx);
    runCommand(COMMANDS.invert, ctx);
    expect(jobs[0].cancelled).toBe(false);
    expect(store.getState().phase).toBe('learning');
  });
});

describe('the first field pass in chunks', () => {
  it('starts recall from exactly the fields the Stepper would compute', async () => {
    const { pacedFields } = await import('./fieldsPass');
    const rng = createRng(2);
    const d = 48 * 48;
    const x = {
      n: 2,
      d,
      data: Int8Array.from({ length: 2 * d }, () => (rng.next() < 0.5 ? -1 : 1)),
    };
    const net = learn('storkey', x as never);
    const s = x.data.slice(d);
    const h = await pacedFields(net as never, s, () => false);
    const ref = net.fieldCache(s);
    for (let i = 0; i < d; i += 97) expect(h![i]).toBe(ref.at(i));
    expect(await pacedFields(net as never, s, () => true)).toBeNull();
  });
});
