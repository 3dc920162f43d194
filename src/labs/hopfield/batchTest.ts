/**
 * "Test every pattern": corrupt each stored pattern with the current noise
 * and recall all of them at once, synchronously, as one batch of matrix
 * products on the tfjs backend (SCIENCE.md, "Doing it fast"):
 *   Hebbian:  H = (S X^T) X / N - S      (never builds W)
 *   others:   H = S W
 * S is N x D, one corrupted cue per row. Ties (h = 0) keep the state. The
 * loop stops when no row changes, when a row repeats its state of two steps
 * before (a 2-cycle), or after maxSteps. Dense associative memory has no W
 * to multiply by: its cues go through its own field on typed arrays
 * (batchRecall, each cue stopping on its own), and the backend says so.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../core/random';
import { flipFraction } from '../../models/classic/corrupt';
import type { Network } from '../../models/classic/hopfield';
import { hebbianBatchStep, weightsBatchStep } from '../../models/classic/hopfieldTensor';
import { hamming, row, type PatternMatrix } from '../../core/pattern';
import { batchRecall } from '../../models/experiments/batch';
import { NetworkMemory } from '../../models/experiments/batchTyped';

export interface BatchRow {
  /** Units wrong at the end, against the pattern the cue came from. */
  hamming: number;
  exact: boolean;
  final: Int8Array;
  cue: Int8Array;
}

export interface BatchResult {
  rows: BatchRow[];
  recalled: number;
  steps: number;
  stopped: 'converged' | 'cycle' | 'max-steps';
  backend: string;
  ms: number;
}

export async function testEveryPattern(
  net: Network,
  x: PatternMatrix,
  noise: number,
  seed: number,
  maxSteps = 100,
): Promise<BatchResult> {
  const t0 = performance.now();
  const { n, d } = x;
  const rng = createRng(seed);
  const cues = Array.from({ length: n }, (_, mu) => flipFraction(row(x, mu), noise, rng));
  if (net.rule === 'dense-am') return typedTest(net, x, cues, maxSteps, t0);
  const cueData = new Float32Array(n * d);
  cues.forEach((c, mu) => cueData.set(c, mu * d));

  const memory =
    net.rule === 'hebbian'
      ? tf.tensor2d(Float32Array.from(x.data), [n, d])
      : tf.tensor2d(net.weights(), [d, d]);
  const step = (s: tf.Tensor2D) =>
    net.rule === 'hebbian'
      ? hebbianBatchStep(memory as tf.Tensor2D, s)
      : weightsBatchStep(memory as tf.Tensor2D, s);

  let prev: tf.Tensor2D | null = null;
  let s: tf.Tensor2D = tf.tensor2d(cueData, [n, d]);
  let steps = 0;
  let stopped: BatchResult['stopped'] = 'max-steps';
  try {
    while (steps < maxSteps) {
      const next = step(s);
      steps += 1;
      const flags = tf.tidy(() => {
        const changed = tf.any(tf.notEqual(next, s));
        const cycled = prev ? tf.all(tf.equal(next, prev)) : tf.scalar(false, 'bool');
        return tf.stack([tf.cast(changed, 'int32'), tf.cast(cycled, 'int32')]);
      });
      const [changed, cycled] = await flags.data();
      flags.dispose();
      prev?.dispose();
      prev = s;
      s = next;
      if (!changed) {
        stopped = 'converged';
        break;
      }
      if (cycled) {
        stopped = 'cycle';
        break;
      }
    }
    const out = await s.data();
    const rows: BatchRow[] = cues.map((cue, mu) => {
      const final = Int8Array.from(out.subarray(mu * d, (mu + 1) * d));
      const h = hamming(final, row(x, mu));
      return { hamming: h, exact: h === 0, final, cue };
    });
    return {
      rows,
      recalled: rows.filter((r) => r.exact).length,
      steps,
      stopped,
      backend: tf.getBackend(),
      ms: performance.now() - t0,
    };
  } finally {
    memory.dispose();
    s.dispose();
    prev?.dispose();
  }
}

async function typedTest(
  net: Network,
  x: PatternMatrix,
  cues: Int8Array[],
  maxSteps: number,
  t0: number,
): Promise<BatchResult> {
  const { n, d } = x;
  const all = new Int8Array(n * d);
  cues.forEach((c, mu) => all.set(c, mu * d));
  const r = await batchRecall(new NetworkMemory(net), all, n, { maxSteps });
  const rows: BatchRow[] = cues.map((cue, mu) => {
    const final = r.finals.slice(mu * d, (mu + 1) * d);
    const h = hamming(final, row(x, mu));
    return { hamming: h, exact: h === 0, final, cue };
  });
  return {
    rows,
    recalled: rows.filter((q) => q.exact).length,
    steps: Math.max(0, ...r.steps),
    stopped: r.converged.every((c) => c === 1)
      ? 'converged'
      : r.cycled.some((c) => c === 1)
        ? 'cycle'
        : 'max-steps',
    backend: 'typed arrays',
    ms: performance.now() - t0,
  };
}
