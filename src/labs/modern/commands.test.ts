import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommands, runCommand, runKey, shortcutRows } from '../../engine/commands';
import { signedImage } from '../../data/mnist';
import { fakeMnist } from '../../testing/fakeMnist';
import { COMMANDS, type LabContext } from './commands';
import { CompareSweep } from './compare';
import { OwnImages } from './ownImages';
import { memoryKeyValue } from '../../engine/idb';
import { UNPACED } from '../../core/pace';
import { centreOfMass } from '../../models/modern/framing';
import { ModernRunner } from './runner';
import { createModernStore, type ModernState } from './store';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A lab on 40 fake digits, with K = 10 stored and the first retrieval done. */
async function lab(init: Partial<ModernState> = {}): Promise<LabContext> {
  const store = createModernStore({ k: 10, ...init });
  const runner = new ModernRunner(store);
  runner.set = fakeMnist();
  store.setState({ status: 'ready' });
  await runner.restore();
  const images = new OwnImages(store, { kv: memoryKeyValue(), pace: UNPACED });
  return { store, runner, sweep: new CompareSweep(store), images };
}

describe('the Modern lab commands', () => {
  it('are well formed, and the shortcut help comes from them', () => {
    expect(() => checkCommands(COMMANDS)).not.toThrow();
    const keys = shortcutRows(COMMANDS).map((r) => r.keys.join());
    expect(keys).toEqual(['n', 'r', 'z', 'a']);
  });

  it('setMemory only sets the store; the runner stores again by itself', async () => {
    const ctx = await lab();
    expect(ctx.store.getState().stored).toHaveLength(10);
    runCommand(COMMANDS.setMemory, ctx, { k: 20 });
    await ctx.runner.idle();
    const s = ctx.store.getState();
    expect(s.stored).toHaveLength(20);
    expect(s.retrieval?.steps).toBeGreaterThan(0); // cued and retrieved on the new set
    ctx.runner.dispose();
  });

  it('toggling classes keeps them sorted and never empty', async () => {
    const ctx = await lab({ classes: [3] });
    runCommand(COMMANDS.toggleClass, ctx, 3);
    expect(ctx.store.getState().classes).toEqual([3]);
    runCommand(COMMANDS.toggleClass, ctx, 1);
    expect(ctx.store.getState().classes).toEqual([1, 3]);
    await ctx.runner.idle();
    const set = ctx.runner.set!;
    for (const i of ctx.store.getState().stored) expect([1, 3]).toContain(set.labels[i]);
    ctx.runner.dispose();
  });

  it('setCue makes a new cue, and a new source picks a new digit', async () => {
    const ctx = await lab({ region: 'bottom', amount: 0.5 });
    runCommand(COMMANDS.setCue, ctx, { region: 'none' });
    await ctx.runner.idle();
    const s = ctx.store.getState();
    expect(s.truthPos).not.toBeNull(); // a stored digit
    expect(Array.from(s.cue!)).toEqual(Array.from(signedImage(ctx.runner.set!, s.item)));
    runCommand(COMMANDS.setCue, ctx, { source: 'unstored' });
    await ctx.runner.idle();
    const after = ctx.store.getState();
    expect(after.stored).not.toContain(after.item);
    expect(after.truthPos).toBeNull();
    ctx.runner.dispose();
  });

  it('setBeta and the presets retrieve again from the cue', async () => {
    const ctx = await lab();
    const retune = vi.spyOn(ctx.runner, 'retune');
    runCommand(COMMANDS.setBeta, ctx, 0.001);
    await ctx.runner.idle();
    expect(retune).toHaveBeenCalledTimes(1);
    expect(ctx.store.getState().retrieval?.regime).toBe('average');
    runCommand(COMMANDS.applyPreset, ctx, 'single');
    await ctx.runner.idle();
    expect(retune).toHaveBeenCalledTimes(2); // beta and scale in one change: one retrieval
    expect(ctx.store.getState()).toMatchObject({ beta: 20, scale: 'sqrt' });
    runCommand(COMMANDS.setBeta, ctx, 20); // no change, no work
    expect(retune).toHaveBeenCalledTimes(2);
    ctx.runner.dispose();
  });

  it('the keys run the runner verbs; its own pick of a digit is not a setting change', async () => {
    const ctx = await lab();
    const recue = vi.spyOn(ctx.runner, 'recue');
    const before = ctx.store.getState().item;
    expect(runKey(COMMANDS, ctx, 'a')).toBe(true);
    await ctx.runner.idle();
    expect(recue).toHaveBeenCalledTimes(1);
    expect(ctx.store.getState().item).not.toBe(-1);
    expect(ctx.store.getState().item).not.toBe(before);
    expect(runKey(COMMANDS, ctx, 'z')).toBe(true);
    await ctx.runner.idle();
    expect(ctx.store.getState().retrieval?.steps).toBe(0);
    expect(runKey(COMMANDS, ctx, 'N')).toBe(true);
    await ctx.runner.idle();
    expect(ctx.store.getState().retrieval?.steps).toBe(1);
    expect(runKey(COMMANDS, ctx, 'q')).toBe(false);
    ctx.runner.dispose();
  });

  it('a drawing becomes the cue, framed like the digits unless framing is off', async () => {
    const ctx = await lab({ region: 'none' });
    const ink = new Float32Array(784).fill(0);
    for (let y = 2; y < 8; y++) ink[y * 28 + 3] = 1; // a short stroke in the top-left corner
    runCommand(COMMANDS.setDrawing, ctx, ink);
    await ctx.runner.idle();
    const s = ctx.store.getState();
    expect(s).toMatchObject({ source: 'drawn', item: -1, truthPos: null, frame: true });
    const unit = Float32Array.from(s.cue!, (v) => (v + 1) / 2);
    const com = centreOfMass(unit, 28, 28)!;
    expect(com.x).toBeCloseTo(14.5, 0);
    expect(com.y).toBeCloseTo(14.5, 0);
    runCommand(COMMANDS.setFrame, ctx, false);
    await ctx.runner.idle();
    const raw = ctx.store.getState().cue!;
    expect(raw[2 * 28 + 3]).toBe(1);
    expect(raw[14 * 28 + 14]).toBe(-1);
    ctx.runner.dispose();
  });

  it('after dispose the runner no longer follows the store', async () => {
    const ctx = await lab();
    const restore = vi.spyOn(ctx.runner, 'restore');
    ctx.runner.dispose();
    runCommand(COMMANDS.setMemory, ctx, { k: 30 });
    expect(restore).not.toHaveBeenCalled();
  });

  it('the sweep runs once at a time and can be cancelled', async () => {
    const ctx = await lab();
    vi.useFakeTimers();
    try {
      expect(runCommand(COMMANDS.runSweep, ctx)).toBe(true);
      expect(ctx.store.getState().sweep?.running).toBe(true);
      expect(runCommand(COMMANDS.runSweep, ctx)).toBe(false); // disabled while running
      expect(runCommand(COMMANDS.cancelSweep, ctx)).toBe(true);
      await vi.runAllTimersAsync();
      expect(ctx.store.getState().sweep?.running).toBe(false);
      expect(runCommand(COMMANDS.cancelSweep, ctx)).toBe(false);
    } finally {
      vi.useRealTimers();
      ctx.sweep.dispose();
      ctx.runner.dispose();
    }
  });
});
