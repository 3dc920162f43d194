/**
 * The bench page (section 3 of `npm run bench`): in the browser, the
 * typed-array recall step and hebbianBatchStep on every tfjs backend that
 * starts, at D = 4096 (64x64), N = 20, batch 1 and 100. Backends start
 * through the app's own initBackend(forced); one that falls back to another
 * is reported as not started, with the app's note saying why.
 *
 * Query: ?backends=wasm,cpu,webgl,webgpu&quick=1. Results grow on
 * window.__bench as each part finishes, so a hang still leaves the rest.
 */
import * as tf from '@tensorflow/tfjs-core';
import { forEachBackend, pageLog, pageQuery, publishResults, runPage } from '../pageKit';
import type { PageResultsBase, StartedBackend } from '../pageKit';
import { createRng } from '../../src/core/random';
import { loadMnist, MNIST_PIXELS, signedImage } from '../../src/data/mnist';
import { loadSimd } from '../../src/kernels/simd';
import { SimdModernMemory } from '../../src/models/modern/modernSimd';
import {
  disposePatterns,
  effectiveBeta,
  storePatterns,
} from '../../src/models/modern/modernHopfield';
import { measureStep, retrievalSample, simdStepSample } from '../modernStep';
import {
  makeWorkload,
  reason,
  timeTensor,
  timeTyped,
  type TensorTimings,
  type TypedTimings,
} from '../workload';
import type { Timing } from '../stats';

export interface PageBackend extends StartedBackend {
  tensor?: TensorTimings;
  /** Modern Hopfield: one retrieval step with 10,000 x 784 stored, batch 1 (median ms). */
  modern?: { medianMs: number; reps: number };
}

export interface PageResults extends PageResultsBase<PageBackend> {
  d: number;
  n: number;
  typed?: TypedTimings;
  typedError?: string;
  /** Modern Hopfield step on the SIMD kernels, 10,000 real digits stored, 1 cue (median ms). */
  simdModern?: { medianMs: number; reps: number };
  simdModernError?: string;
}

const D = 4096;
const N = 20;
const { quick, wanted } = pageQuery();

const out = publishResults<PageResults>('__bench', 'typed arrays', { d: D, n: N });
const log = pageLog('bench page');

async function main(): Promise<void> {
  const w = makeWorkload(D, N);
  try {
    out.typed = await timeTyped(w, { budgetMs: quick ? 300 : 1000, maxReps: 300 });
    log(`typed sync step ${out.typed.syncStep.median.toFixed(3)} ms`);
  } catch (e) {
    out.typedError = reason(e);
  }
  out.current = 'SIMD modern step';
  try {
    out.simdModern = await timeModernSimd(quick ? 400 : 1500);
    log(`SIMD modern step ${out.simdModern.medianMs.toFixed(2)} ms`);
  } catch (e) {
    out.simdModernError = reason(e);
  }
  await forEachBackend(wanted, out, log, async (entry, part) => {
    const { name } = entry;
    try {
      entry.tensor = await timeTensor(w, { budgetMs: quick ? 500 : 1500, minReps: 3, warmup: 2 });
      log(`${name}: ${entry.tensor.batches.map((b) => b.step.median.toFixed(2)).join(' / ')} ms`);
    } catch (e) {
      entry.error = `started, but timing failed: ${reason(e)}`;
    }
    part('modern step');
    try {
      entry.modern = await timeModern(quick ? 400 : 1500);
      log(`${name}: modern step ${entry.modern.medianMs.toFixed(2)} ms`);
    } catch (e) {
      entry.error = `${entry.error ?? ''} modern step failed: ${reason(e)}`.trim();
    }
  });
}

/**
 * The Modern lab's retrieval step at full size: 10,000 stored patterns of
 * 784 values (random in [-1, 1]: the time does not depend on the content),
 * one cue, beta' = 20/sqrt(784), read back with await data().
 */
async function timeModern(budgetMs: number): Promise<{ medianMs: number; reps: number }> {
  const n = 10_000;
  const d = 784;
  const rng = createRng(7);
  const data = new Float32Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() * 2 - 1;
  const m = storePatterns(data, n, d);
  const q = tf.tensor2d(data.slice(0, d), [1, d]);
  const beta = effectiveBeta(20, d, 'sqrt');
  try {
    return medianOf(await measureStep(retrievalSample(m, q, beta), budgetMs, 100));
  } finally {
    q.dispose();
    disposePatterns(m);
  }
}

/**
 * The Modern lab's step on the WebAssembly SIMD kernels (what the lab runs on
 * a CPU): all 10,000 real digits stored (the kernels skip background blocks,
 * so the content matters), digit 0 with its bottom half masked as the cue.
 */
async function timeModernSimd(budgetMs: number): Promise<{ medianMs: number; reps: number }> {
  const simd = await loadSimd();
  if (!simd) throw new Error('no WebAssembly SIMD in this browser');
  const { set } = await loadMnist();
  const d = MNIST_PIXELS;
  const m = new SimdModernMemory(simd, set.pixels.subarray(0, set.count * d), set.count, d);
  const q = signedImage(set, 0);
  q.fill(0, d / 2);
  const beta = effectiveBeta(20, d, 'sqrt');
  try {
    return medianOf(await measureStep(simdStepSample(m, [q], beta), budgetMs, 200));
  } finally {
    m.dispose();
  }
}

const medianOf = (t: Timing) => ({ medianMs: t.median, reps: t.reps });

runPage(main, out, log);
