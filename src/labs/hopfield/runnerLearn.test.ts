import { describe, expect, it } from 'vitest';
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
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().phase).toBe('running');
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
