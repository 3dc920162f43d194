import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { glyph } from '../../data/presets';
import { hamming } from '../../core/pattern';
import { checkCommands, runCommand, runKey } from '../../engine/commands';
import { manualFrames } from '../../testing/frames';
import { testEveryPattern } from './batchTest';
import { COMMANDS, storeCurrent } from './commands';
import { HopfieldRunner } from './runner';
import { createHopfieldStore } from './store';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A lab without React: a store, and a runner whose frames the test drives. */
function makeLab(init = {}) {
  const store = createHopfieldStore(init);
  const { loop, flush } = manualFrames();
  const runner = new HopfieldRunner(store, loop);
  runner.start();
  return { ctx: { store, runner }, store, runner, flush };
}

function storeLetters(ctx: ReturnType<typeof makeLab>['ctx'], letters: string[]) {
  for (const l of letters) {
    runCommand(COMMANDS.loadPreset, ctx, l);
    expect(storeCurrent(ctx)).toBe(true);
  }
}

describe('Classic Hopfield lab (store, commands, runner)', () => {
  it('stores presets under their names and refuses duplicates, inverses and blanks', () => {
    const { ctx, store } = makeLab();
    expect(storeCurrent(ctx)).toBe(false); // blank grid
    storeLetters(ctx, ['A', 'T']);
    expect(store.getState().patterns.map((p) => p.name)).toEqual(['A', 'T']);
    runCommand(COMMANDS.loadPreset, ctx, 'A');
    expect(storeCurrent(ctx)).toBe(false);
    runKey(COMMANDS, ctx, 'i'); // invert the grid: −A
    expect(storeCurrent(ctx)).toBe(false);
    expect(store.getState().messages.at(-1)?.text).toMatch(/inverse/);
    runCommand(COMMANDS.removePattern, ctx, 0);
    expect(store.getState().patterns.map((p) => p.name)).toEqual(['T']);
  });

  it('corrupts the cue by exactly round(noise * D) distinct units, differently each press', () => {
    const { ctx, store } = makeLab({ noise: 0.25 });
    storeLetters(ctx, ['E']);
    runCommand(COMMANDS.loadPattern, ctx, 0);
    const clean = store.getState().state.slice();
    runCommand(COMMANDS.corrupt, ctx);
    const first = store.getState().state.slice();
    expect(hamming(first, clean)).toBe(64);
    runCommand(COMMANDS.loadPattern, ctx, 0);
    runCommand(COMMANDS.corrupt, ctx);
    expect(hamming(store.getState().state, first)).toBeGreaterThan(0);
  });

  it('recalls a stored letter from a corrupted cue, stepping to a verdict', () => {
    for (const dynamics of ['async', 'sync'] as const) {
      const { ctx, store, runner } = makeLab({ noise: 0.15, dynamics, seed: 4 });
      // O, T and X are the least correlated letter triple of the font at 16 x 16.
      storeLetters(ctx, ['T', 'O', 'X']);
      runCommand(COMMANDS.loadPattern, ctx, 1);
      runCommand(COMMANDS.corrupt, ctx);
      for (let i = 0; i < 100 && store.getState().phase !== 'done'; i++) runner.stepOnce();
      const s = store.getState();
      expect(s.phase).toBe('done');
      expect(s.verdict?.outcome).toBe('target');
      expect(hamming(s.state, glyph('O', 16, 16))).toBe(0);
      // The energy trace never rises under asynchronous updates.
      if (dynamics === 'async') {
        for (let i = 1; i < s.energy.length; i++) {
          expect(s.energy[i].y).toBeLessThanOrEqual(s.energy[i - 1].y + 1e-9);
        }
      }
      expect(s.hammingTrace.at(-1)?.y).toBe(0);
    }
  });

  it('plays on animation frames, then reset returns to the cue and clears the traces', () => {
    const { ctx, store, runner, flush } = makeLab({ noise: 0.1, speed: 10 });
    storeLetters(ctx, ['K', 'S']);
    runCommand(COMMANDS.loadPattern, ctx, 0);
    runCommand(COMMANDS.corrupt, ctx);
    const cue = store.getState().state.slice();
    runner.play();
    expect(store.getState().phase).toBe('running');
    flush();
    expect(store.getState().phase).toBe('done');
    expect(store.getState().energy.length).toBeGreaterThan(1);
    runner.reset();
    const s = store.getState();
    expect(s.phase).toBe('idle');
    expect(s.energy).toEqual([]);
    expect(hamming(s.state, cue)).toBe(0);
  });

  it('holds chart updates back while playing, and publishes them on pause', () => {
    const { ctx, store, runner, flush } = makeLab({ view: 'unit', speed: 1, size: 32 });
    storeLetters(ctx, ['W']);
    runCommand(COMMANDS.loadPattern, ctx, 0);
    runCommand(COMMANDS.corrupt, ctx);
    runner.play();
    flush(5);
    const s = store.getState();
    expect(s.phase).toBe('running');
    expect(s.steps).toBeGreaterThan(0);
    const shown = s.energy.length;
    runner.pause();
    expect(store.getState().phase).toBe('paused');
    expect(store.getState().energy.length).toBeGreaterThan(shown);
  });

  it('unit-by-unit view highlights the unit it just updated', () => {
    const { ctx, store, runner } = makeLab({ view: 'unit', dynamics: 'async' });
    storeLetters(ctx, ['M']);
    runCommand(COMMANDS.loadPattern, ctx, 0);
    runCommand(COMMANDS.corrupt, ctx);
    runner.stepOnce();
    const s = store.getState();
    expect(s.highlight).not.toBeNull();
    expect(s.steps).toBeCloseTo(1 / 256, 10);
  });

  it('reports an impossible pseudo-inverse as a message, not a crash', () => {
    const { store, runner } = makeLab({ rule: 'pseudoinverse' });
    // 300 patterns of 256 units cannot be linearly independent.
    const patterns = Array.from({ length: 300 }, (_, i) => ({
      id: 10_000 + i,
      name: `p${i}`,
      cells: Int8Array.from({ length: 256 }, (_, j) => (((i * 7 + j * 13) ^ (i * j)) % 3 ? 1 : -1)),
    }));
    store.setState({ patterns });
    runner.stepOnce();
    expect(store.getState().messages.at(-1)?.kind).toBe('error');
    expect(store.getState().phase).toBe('idle');
  });

  it('resizing resamples the stored patterns instead of dropping them', () => {
    const { ctx, store } = makeLab();
    storeLetters(ctx, ['A', 'B']);
    runCommand(COMMANDS.resize, ctx, 32);
    const s = store.getState();
    expect(s.size).toBe(32);
    expect(s.patterns).toHaveLength(2);
    expect(s.patterns[0].cells).toHaveLength(1024);
    expect(s.state).toHaveLength(1024);
  });

  it('says "the grid is empty" once, counted, however often Store is pressed', () => {
    const { ctx, store } = makeLab();
    for (let i = 0; i < 15; i++) runCommand(COMMANDS.store, ctx);
    const said = store.getState().messages;
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ kind: 'warn', source: 'store', count: 15 });
    expect(said[0].text).toMatch(/grid is empty/);
  });

  it('keeps itself in step: a changed rule drops the recall, its own snapshots do not', () => {
    const { ctx, store, runner } = makeLab({ noise: 0.2 });
    storeLetters(ctx, ['T', 'O', 'X']);
    runCommand(COMMANDS.loadPattern, ctx, 1);
    runCommand(COMMANDS.corrupt, ctx);
    runCommand(COMMANDS.step, ctx);
    expect(store.getState()).toMatchObject({ phase: 'paused', steps: 1 });
    runCommand(COMMANDS.step, ctx);
    expect(store.getState().steps).toBe(2);
    runCommand(COMMANDS.setRule, ctx, 'storkey');
    expect(store.getState()).toMatchObject({ phase: 'idle', steps: 0, energy: [] });
    expect(store.getState().overlaps).toHaveLength(3);
    // After dispose the runner no longer watches; start() (a StrictMode remount) watches again.
    runCommand(COMMANDS.step, ctx);
    const after = store.getState().phase;
    expect(after).not.toBe('idle');
    runner.dispose();
    runCommand(COMMANDS.setRule, ctx, 'hebbian');
    expect(store.getState().phase).toBe(after);
    runner.start();
    runCommand(COMMANDS.setDynamics, ctx, 'sync');
    expect(store.getState().phase).toBe('idle');
  });

  it('plays at the speed level: speed 3 is one sweep every 15 frames', () => {
    const { ctx, store, flush } = makeLab({ speed: 3, noise: 0.2 });
    storeLetters(ctx, ['T', 'O', 'X']);
    runCommand(COMMANDS.loadPattern, ctx, 1);
    runCommand(COMMANDS.corrupt, ctx);
    runCommand(COMMANDS.recall, ctx);
    flush(14);
    expect(store.getState()).toMatchObject({ phase: 'running', steps: 0 });
    flush(2);
    expect(store.getState().steps).toBe(1);
  });

  it('does not let the grid be drawn on while recall plays', () => {
    const { ctx, store } = makeLab();
    storeLetters(ctx, ['T']);
    runCommand(COMMANDS.corrupt, ctx);
    runCommand(COMMANDS.recall, ctx);
    expect(store.getState().phase).toBe('running');
    expect(runCommand(COMMANDS.editCells, ctx, new Int8Array(256).fill(1))).toBe(false);
    runCommand(COMMANDS.recall, ctx); // pause
    expect(runCommand(COMMANDS.editCells, ctx, new Int8Array(256).fill(1))).toBe(true);
    expect(store.getState().phase).toBe('idle');
  });

  it('registers every command once, with distinct shortcuts', () => {
    expect(() => checkCommands(COMMANDS)).not.toThrow();
  });
});

describe('test every pattern (batched tensor recall)', () => {
  it('recalls well-separated patterns and leaks no tensors', async () => {
    for (const rule of ['hebbian', 'storkey', 'pseudoinverse'] as const) {
      const { ctx, runner } = makeLab({ rule });
      storeLetters(ctx, ['T', 'O', 'X']);
      const learned = runner.network()!;
      const before = tf.memory().numTensors;
      const r = await testEveryPattern(learned.net, learned.x, 0.05, 2);
      expect(tf.memory().numTensors).toBe(before);
      expect(r.rows).toHaveLength(3);
      expect(r.recalled).toBeGreaterThanOrEqual(2);
      expect(['converged', 'cycle', 'max-steps']).toContain(r.stopped);
      r.rows.forEach((row, mu) => {
        const stored = learned.x.data.subarray(mu * 256, (mu + 1) * 256);
        expect(row.hamming).toBe(hamming(row.final, stored));
        expect(row.exact).toBe(row.hamming === 0);
      });
    }
  });

  it('agrees with one-at-a-time synchronous recall', async () => {
    const { ctx, runner, store } = makeLab({
      rule: 'hebbian',
      dynamics: 'sync',
      noise: 0.2,
      seed: 9,
    });
    storeLetters(ctx, ['C', 'U', 'Z', '4']);
    const learned = runner.network()!;
    const batch = await testEveryPattern(learned.net, learned.x, 0.2, 9);
    // Recall each cue alone with the typed-array stepper and compare final states.
    for (const [mu, row] of batch.rows.entries()) {
      store.setState({ state: row.cue.slice(), target: mu, targetReason: 'loaded', cue: null });
      for (let i = 0; i < 100 && store.getState().phase !== 'done'; i++) runner.stepOnce();
      if (store.getState().verdict?.outcome === 'cycle') continue;
      expect(hamming(store.getState().state, row.final)).toBe(0);
    }
  });
});
