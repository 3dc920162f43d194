/**
 * The Modern lab's retrieval step as a timed sample, shared by Node
 * (cli/bench-modern.ts, section 5) and the browser bench page
 * (bench/page/main.ts, section 3), so both time the same work:
 *
 * - tfjs: one retrieveStep (both matrix products and the softmax) and the
 *   read-back of the new states with `await data()`;
 * - SIMD kernels: SimdModernMemory.step for each cue, one after the other.
 *
 * Samples return the ms they measured, for ./stats measure (one untimed
 * warm-up, then at least 3 samples until the budget is spent).
 */
import * as tf from '@tensorflow/tfjs-core';
import { retrieveStep, type StoredPatterns } from '../src/models/modern/modernHopfield';
import type { SimdModernMemory } from '../src/models/modern/modernSimd';
import { measure, now, type Timing } from './stats';

/** One tfjs retrieval step of the queries q (B x D) at effective beta, read back; ms. */
export function retrievalSample(
  m: StoredPatterns,
  q: tf.Tensor2D,
  betaEff: number,
): () => Promise<number> {
  return async () => {
    const t0 = now();
    const r = retrieveStep(m, q, betaEff);
    await r.next.data();
    tf.dispose([r.next, r.attention, r.energy]);
    return now() - t0;
  };
}

/** One SIMD retrieval step of each cue in turn at effective beta; ms for all of them. */
export function simdStepSample(
  m: SimdModernMemory,
  cues: readonly ArrayLike<number>[],
  betaEff: number,
): () => number {
  return () => {
    const t0 = now();
    for (const q of cues) m.step(q, betaEff);
    return now() - t0;
  };
}

/** ./stats measure with the Modern benchmarks' settings: 1 warm-up, 3 to maxReps samples. */
export function measureStep(
  sample: () => number | Promise<number>,
  budgetMs: number,
  maxReps = 200,
): Promise<Timing> {
  return measure(sample, { warmup: 1, minReps: 3, maxReps, budgetMs });
}
