/**
 * Speed of one modern Hopfield retrieval step with all 10,000 digits stored
 * (X is 10,000 x 784), on a tfjs backend in Node, next to NumPy's.
 *
 *   npx tsx cli/bench-modern.ts [cpu] [wasm] [--numpy] [--budget-ms 1500]
 *
 * prints one JSON document: per backend and batch (1 and 100 cues), the
 * median and min ms of retrieveStep (both matrix products and the softmax)
 * including the read-back of the new states (await data()), and with
 * --numpy the same step in NumPy (bench/reference_modern.py, float32).
 * The bench/ harness can import benchModernStep.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MNIST_PIXELS, signedMatrix } from '../src/data/mnist';
import { loadMnistNode } from '../src/data/mnistNode';
import { disposePatterns, effectiveBeta, storePatterns } from '../src/models/modern/modernHopfield';
import { loadSimd } from '../src/kernels/simd';
import { SimdModernMemory } from '../src/models/modern/modernSimd';
import { measureStep, retrievalSample, simdStepSample } from '../bench/modernStep';
import type { Timing } from '../bench/stats';
import * as tf from '@tensorflow/tfjs-core';
import { initTf, type TfBackend } from './tf';
import { benchFlags } from './benchFlags';
import { isMain } from './isMain';

export interface StepTiming {
  batch: number;
  medianMs: number;
  minMs: number;
  reps: number;
}

export interface ModernBench {
  backend: string;
  n: number;
  d: number;
  batches: StepTiming[];
}

/** Times one retrieval step (batches 1 and 100 by default) on the given tfjs backend. */
export async function benchModernStep(
  backend: TfBackend,
  opts: { n?: number; batches?: number[]; budgetMs?: number } = {},
): Promise<ModernBench> {
  const name = await initTf(backend);
  const set = await loadMnistNode();
  const n = Math.min(opts.n ?? set.count, set.count);
  const d = MNIST_PIXELS;
  const items = Int32Array.from({ length: n }, (_, i) => i);
  const xs = signedMatrix(set, items);
  const m = storePatterns(xs, n, d);
  const b = effectiveBeta(20, d, 'sqrt');
  const out: StepTiming[] = [];
  for (const batch of opts.batches ?? [1, 100]) {
    const cues = new Float32Array(batch * d);
    for (let r = 0; r < batch; r++) {
      cues.set(xs.subarray((r % n) * d, (r % n) * d + d / 2), r * d); // bottom half 0
    }
    const q = tf.tensor2d(cues, [batch, d]);
    const t = await measureStep(retrievalSample(m, q, b), opts.budgetMs ?? 1500);
    q.dispose();
    out.push(stepTiming(batch, t));
  }
  disposePatterns(m);
  return { backend: name, n, d, batches: out };
}

const round = (v: number) => Math.round(v * 100) / 100;
const stepTiming = (batch: number, t: Timing): StepTiming => ({
  batch,
  medianMs: round(t.median),
  minMs: round(t.min),
  reps: t.reps,
});

/**
 * The same step on the WebAssembly SIMD kernels (../src/models/modern/modernSimd:
 * digits in 8-pixel blocks, background blocks skipped), one cue at a time: 'batch' B is B cues
 * stepped one after the other. Same cues and beta as benchModernStep.
 */
export async function benchModernSimd(
  opts: { n?: number; batches?: number[]; budgetMs?: number } = {},
): Promise<ModernBench> {
  const simd = await loadSimd();
  if (!simd) throw new Error('this engine has no WebAssembly SIMD');
  const set = await loadMnistNode();
  const n = Math.min(opts.n ?? set.count, set.count);
  const d = MNIST_PIXELS;
  const m = new SimdModernMemory(simd, set.pixels.subarray(0, n * d), n, d);
  const xs = signedMatrix(
    set,
    Int32Array.from({ length: Math.min(n, 100) }, (_, i) => i),
  );
  const b = effectiveBeta(20, d, 'sqrt');
  const out: StepTiming[] = [];
  try {
    for (const batch of opts.batches ?? [1, 100]) {
      const cues = Array.from({ length: batch }, (_, r) => {
        const q = new Float32Array(d);
        const k = r % Math.min(n, 100);
        q.set(xs.subarray(k * d, k * d + d / 2)); // bottom half 0
        return q;
      });
      const t = await measureStep(simdStepSample(m, cues, b), opts.budgetMs ?? 1500);
      out.push(stepTiming(batch, t));
    }
  } finally {
    m.dispose();
  }
  return { backend: 'wasm-simd', n, d, batches: out };
}

/** Runs bench/reference_modern.py; null when python3 or numpy is missing. */
export function numpyModernStep(n = 10_000, batches = [1, 100]): object | null {
  const script = fileURLToPath(new URL('../bench/reference_modern.py', import.meta.url));
  const child = spawnSync('python3', [script, String(n), batches.join(',')], { encoding: 'utf8' });
  if (child.status !== 0 || !child.stdout) return null;
  try {
    return JSON.parse(child.stdout);
  } catch {
    return null;
  }
}

if (isMain(import.meta.url)) {
  console.log = console.error;
  const { args, budgetMs, named, backends } = benchFlags(process.argv.slice(2));
  const result: Record<string, unknown> = {};
  if (!named.length || args.includes('wasm-simd')) {
    result['wasm-simd'] = await benchModernSimd({ budgetMs });
  }
  for (const be of backends) result[be] = await benchModernStep(be, { budgetMs });
  if (args.includes('--numpy')) result.numpy = numpyModernStep();
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
