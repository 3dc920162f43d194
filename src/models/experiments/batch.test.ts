import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createRng } from '../../core/random';
import { flipFraction } from '../classic/corrupt';
import { recall } from '../classic/dynamics';
import { learn, randomPatterns, type Network } from '../classic/hopfield';
import { DenseNetwork } from '../classic/networks';
import { row } from '../../core/pattern';
import { batchRecall, type BatchMemory } from './batch';
import { tensorEngine } from './batchTensor';
import { DenseMemory, HebbianBitsMemory, packBits, popcount32, typedEngine } from './batchTyped';
import { StorkeyLearner } from './learners';

/** b cues: stored patterns (cycling) with the given noise. */
function cues(net: Network, b: number, noise: number, seed: number): Int8Array {
  const rng = createRng(seed);
  const d = net.d;
  const out = new Int8Array(b * d);
  for (let c = 0; c < b; c++)
    out.set(flipFraction(row(net.patterns, c % net.n), noise, rng), c * d);
  return out;
}

/** Checks batched recall against Stepper-based recall, cue by cue. */
async function expectSameAsOneAtATime(
  net: Network,
  memory: BatchMemory,
  s: Int8Array,
  b: number,
  maxSteps = 40,
) {
  const d = net.d;
  const batch = await batchRecall(memory, s, b, { maxSteps });
  let cycles = 0;
  for (let c = 0; c < b; c++) {
    const one = recall(net, s.subarray(c * d, c * d + d), {
      dynamics: 'sync',
      rng: createRng(0),
      maxSteps,
    });
    expect(Array.from(batch.finals.subarray(c * d, c * d + d))).toEqual(Array.from(one.final));
    expect(batch.steps[c]).toBe(one.steps);
    expect(!!batch.converged[c]).toBe(one.converged);
    expect(!!batch.cycled[c]).toBe(one.cycled);
    if (one.cycled) cycles++;
  }
  return { cycles, batch };
}

describe('bit tools', () => {
  it('popcount32 counts bits, including the sign bit', () => {
    for (const v of [0, 1, 3, 0xff, 0x80000000, 0xffffffff, 0x12345678]) {
      expect(popcount32(v)).toBe(
        v
          .toString(2)
          .split('')
          .filter((x) => x === '1').length,
      );
    }
  });
  it('packBits puts +1 units in set bits and leaves padding zero', () => {
    const s = Int8Array.from([1, -1, 1, 1, ...new Array(33).fill(-1), 1]);
    const out = new Uint32Array(2);
    packBits(s, 0, s.length, out);
    expect(out[0]).toBe(0b1101);
    expect(out[1]).toBe(1 << 5);
  });
});

describe('batched recall gives the same final states as one-at-a-time recall', () => {
  it('Hebbian (bit-packed, four Russians), loads below and above capacity, D and N not multiples of 32 and 8', async () => {
    for (const [d, n, noise] of [
      [101, 5, 0.2],
      [150, 23, 0.1],
      [97, 40, 0.3],
      [64, 1, 0.45],
    ] as const) {
      const x = randomPatterns(n, d, createRng(d + n));
      const net = learn('hebbian', x);
      const b = 24;
      const s = cues(net, b, noise, 7);
      await expectSameAsOneAtATime(net, new HebbianBitsMemory(x), s, b);
    }
  });

  it('finds 2-cycles exactly as Stepper does (overloaded Hebbian)', async () => {
    const x = randomPatterns(60, 100, createRng(3));
    const net = learn('hebbian', x);
    const b = 60;
    const { cycles } = await expectSameAsOneAtATime(
      net,
      new HebbianBitsMemory(x),
      cues(net, b, 0.3, 1),
      b,
    );
    expect(cycles).toBeGreaterThan(0);
  });

  it('Storkey through an explicit W (the incremental learner)', async () => {
    const d = 90;
    const x = randomPatterns(25, d, createRng(11));
    const learner = new StorkeyLearner(d);
    learner.growTo(x, 25);
    const net = new DenseNetwork('storkey', x, learner.weights().slice());
    const b = 30;
    await expectSameAsOneAtATime(net, new DenseMemory(net.weights(), d), cues(net, b, 0.25, 2), b);
  });

  it('pseudo-inverse through the network field', async () => {
    const x = randomPatterns(30, 80, createRng(5));
    const net = learn('pseudoinverse', x);
    const b = 20;
    await expectSameAsOneAtATime(net, typedEngine.network(net), cues(net, b, 0.2, 3), b);
  });

  it('an empty Hebbian memory (N = 0) keeps every state', async () => {
    const m = new HebbianBitsMemory({ n: 0, d: 10, data: new Int8Array(0) as never });
    const s = Int8Array.from({ length: 10 }, (_, i) => (i % 3 ? 1 : -1));
    const r = await batchRecall(m, s, 1);
    expect(Array.from(r.finals)).toEqual(Array.from(s));
    expect(r.converged[0]).toBe(1);
  });

  it('records the Hamming distance to each target per step', async () => {
    const x = randomPatterns(3, 64, createRng(9));
    const net = learn('hebbian', x);
    const s = cues(net, 3, 0.1, 4);
    const r = await batchRecall(new HebbianBitsMemory(x), s, 3, { targets: x.data });
    for (let c = 0; c < 3; c++) {
      expect(r.hamming[c][0]).toBe(Math.round(0.1 * 64));
      expect(r.hamming[c].length).toBe(r.steps[c] + 1);
      expect(r.hamming[c].at(-1)).toBe(0);
    }
  });
});

describe('the tfjs engine (cpu backend)', () => {
  it('gives the typed engine\u2019s Hebbian states exactly and leaves no tensor behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const x = randomPatterns(30, 120, createRng(21));
    const net = learn('hebbian', x);
    const b = 40;
    const s = cues(net, b, 0.2, 8);
    const mem = tensorEngine().hebbian(x);
    const t = await batchRecall(mem, s, b, { maxSteps: 30 });
    mem.dispose();
    const typed = await batchRecall(new HebbianBitsMemory(x), s, b, { maxSteps: 30 });
    expect(Array.from(t.finals)).toEqual(Array.from(typed.finals));
    expect(Array.from(t.steps)).toEqual(Array.from(typed.steps));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('agrees with the typed engine for Storkey weights and disposes them', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const d = 80;
    const x = randomPatterns(15, d, createRng(4));
    const learner = new StorkeyLearner(d);
    learner.growTo(x, 15);
    const w = learner.weights();
    const s = cues(learn('hebbian', x), 20, 0.2, 6);
    const mem = tensorEngine().dense(w, d);
    const t = await batchRecall(mem, s, 20);
    mem.dispose();
    mem.dispose(); // idempotent
    const typed = await batchRecall(new DenseMemory(w, d), s, 20);
    expect(Array.from(t.finals)).toEqual(Array.from(typed.finals));
    expect(tf.memory().numTensors).toBe(before);
  });
});
