import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { flipDistinct } from './corrupt';
import { Stepper } from './dynamics';
import { learn, randomPatterns, type Rule } from './hopfield';
import {
  bipolarTensor,
  hebbianBatchStep,
  patternsTensor,
  weightsBatchStep,
  weightsTensor,
} from './hopfieldTensor';
import { row, type PatternMatrix } from '../../core/pattern';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** B cues: flipped copies of the patterns plus fully random states. */
function cues(x: PatternMatrix, b: number, seed: number): Int8Array {
  const rng = createRng(seed);
  const out = new Int8Array(b * x.d);
  for (let k = 0; k < b; k++) {
    const cue =
      k % 2 === 0
        ? flipDistinct(row(x, k % x.n), rng.int(x.d), rng)
        : Int8Array.from({ length: x.d }, () => (rng.next() < 0.5 ? -1 : 1));
    out.set(cue, k * x.d);
  }
  return out;
}

/** One typed-array sync step per cue. */
function typedStep(rule: Rule, x: PatternMatrix, s: Int8Array): Int8Array {
  const net = learn(rule, x);
  const out = new Int8Array(s.length);
  for (let k = 0; k < s.length / x.d; k++) {
    const stepper = new Stepper(net, s.subarray(k * x.d, (k + 1) * x.d), {
      dynamics: 'sync',
      rng: createRng(0),
    });
    stepper.step();
    out.set(stepper.state, k * x.d);
  }
  return out;
}

describe('hebbianBatchStep', () => {
  it.each([
    [8, 64],
    [9, 101],
  ])('equals the typed-array sync step (N=%i, D=%i)', async (n, d) => {
    const x = randomPatterns(n, d, createRng(n));
    const b = 24;
    const s = cues(x, b, d);
    // With N and D odd, N h_i is even and often exactly 0: the tie rule is exercised.
    if (d % 2 === 1) {
      const net = learn('hebbian', x);
      const h = new Float32Array(d);
      let ties = 0;
      for (let k = 0; k < b; k++)
        ties += net.field(s.subarray(k * d, (k + 1) * d), h).filter((v) => v === 0).length;
      expect(ties).toBeGreaterThan(10);
    }
    const xt = patternsTensor(x);
    const st = bipolarTensor(s, b, d);
    const next = hebbianBatchStep(xt, st);
    expect(next.shape).toEqual([b, d]);
    const got = Int8Array.from(await next.data());
    tf.dispose([xt, st, next]);
    expect(got).toEqual(typedStep('hebbian', x, s));
  });

  it('keeps stored patterns fixed below capacity', async () => {
    const x = randomPatterns(5, 200, createRng(3));
    const xt = patternsTensor(x);
    const next = hebbianBatchStep(xt, xt);
    expect(Int8Array.from(await next.data())).toEqual(x.data);
    tf.dispose([xt, next]);
  });
});

describe('weightsBatchStep', () => {
  it.each(['storkey', 'pseudoinverse'] as Rule[])(
    'equals the typed-array sync step for %s weights',
    async (rule) => {
      const d = 60;
      const x = randomPatterns(7, d, createRng(4));
      const b = 16;
      const s = cues(x, b, 5);
      const wt = weightsTensor(learn(rule, x).weights(), d);
      const st = bipolarTensor(s, b, d);
      const next = weightsBatchStep(wt, st);
      const got = Int8Array.from(await next.data());
      tf.dispose([wt, st, next]);
      expect(got).toEqual(typedStep(rule, x, s));
    },
  );
});

describe('tensor ownership', () => {
  it('each step leaves exactly its result tensor, and nothing after dispose', () => {
    const x = randomPatterns(4, 32, createRng(6));
    const xt = patternsTensor(x);
    const wt = weightsTensor(learn('storkey', x).weights(), 32);
    const st = bipolarTensor(cues(x, 5, 7), 5, 32);
    const before = tf.memory().numTensors;
    const a = hebbianBatchStep(xt, st);
    expect(tf.memory().numTensors).toBe(before + 1);
    const b = weightsBatchStep(wt, st);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([a, b]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xt, wt, st]);
  });

  it('rejects data that does not fill the shape', () => {
    expect(() => bipolarTensor(new Int8Array(5), 2, 3)).toThrow(RangeError);
  });
});
