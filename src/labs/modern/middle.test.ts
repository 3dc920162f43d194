import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../engine/commands';
import { loadMnistNode } from '../../data/mnistNode';
import type { MnistSet } from '../../data/mnist';
import { cosine } from '../../models/modern/modernHopfield';
import { COMMANDS } from './commands';
import { ModernRunner, MIDDLE_SPREAD } from './runner';
import { createModernStore } from './store';

let set: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  set = await loadMnistNode();
});

/** The lab on the real digits (K = 1,000, the defaults), cued with stored digit `item`. */
async function middleFor(item: number) {
  const store = createModernStore({ item });
  const runner = new ModernRunner(store);
  runner.set = set;
  store.setState({ status: 'ready' });
  await runner.restore();
  const ctx = { store, runner } as unknown as Parameters<typeof COMMANDS.applyPreset.perform>[0];
  runCommand(COMMANDS.applyPreset, ctx, 'blend');
  await runner.idle();
  const s = store.getState();
  runner.dispose();
  return s;
}

describe('the middle-beta preset', () => {
  it('picks, for each cue, the beta that spreads its attention over ~10 digits, then one update', async () => {
    const stored = (await middleFor(-1)).stored;
    // Two stored digits of different classes, cued as the lab cues them (bottom half hidden).
    const a = stored.find((i) => set.labels[i] === 7)!;
    const b = stored.find((i) => set.labels[i] === 3)!;
    const [sa, sb] = [await middleFor(a), await middleFor(b)];
    for (const [s, label] of [
      [sa, 7],
      [sb, 3],
    ] as const) {
      expect(s.scale).toBe('sqrt');
      expect(s.middle!.beta).toBe(s.beta);
      expect(s.middle!.target).toBe(MIDDLE_SPREAD);
      expect(s.middle!.reached).toBe(true);
      // "A handful to a few dozen": 1/sum p^2 at the cue, to the 4 digits beta is kept to.
      expect(s.middle!.nEff).toBeGreaterThan(9);
      expect(s.middle!.nEff).toBeLessThan(11);
      // Mostly digits of the cue's class, and the state is their blend after one update.
      expect(s.middle!.classMass.indexOf(Math.max(...s.middle!.classMass))).toBe(label);
      expect(s.retrieval!.steps).toBe(1);
    }
    expect(sa.beta).not.toBe(sb.beta);
    expect(Math.max(sa.beta, sb.beta) / Math.min(sa.beta, sb.beta)).toBeGreaterThan(1.1);
    expect(cosine(sa.retrieval!.state, sb.retrieval!.state)).toBeLessThan(0.97);
  });
});
