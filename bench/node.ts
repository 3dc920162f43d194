/**
 * Section 1: one recall step in Node, typed arrays against the WebAssembly
 * SIMD kernels (the Experiments lab's engine) and tfjs (cpu and wasm
 * backends, set up as the experiment CLI does in cli/tf.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initTf, TF_BACKENDS, type TfBackend } from '../cli/tf';
import { loadSimd } from '../src/kernels/simd';
import { Stepper } from '../src/models/classic/dynamics';
import { createRng } from '../src/core/random';
import { simdEngine } from '../src/models/experiments/batchSimd';
import { measure, now, type MeasureOptions } from './stats';
import {
  BIG_BATCH,
  makeWorkload,
  type Workload,
  reason,
  timeTensor,
  timeTyped,
  type TensorTimings,
  type TypedTimings,
} from './workload';

export const NODE_SIZES = [
  { d: 4096, n: 20, label: '64x64, N=20' },
  { d: 8000, n: 900, label: 'D=8000, N=900' },
] as const;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface NodeSize {
  d: number;
  n: number;
  label: string;
  typed: TypedTimings;
  /** the SIMD engine's synchronous step, batches 1 and 100 */
  simd?: Outcome<TensorTimings>;
  tfjs: Partial<Record<TfBackend, Outcome<TensorTimings>>>;
}

export interface NodeSection {
  node: string;
  /** what each tfjs backend reported when it started, or why it did not */
  backends: Partial<Record<TfBackend, Outcome<Record<string, unknown>>>>;
  sizes: NodeSize[];
}

export async function runNode(log: (msg: string) => void, quick: boolean): Promise<NodeSection> {
  const typedOpts: MeasureOptions = { budgetMs: quick ? 300 : 1000, maxReps: 300 };
  const tensorOpts: MeasureOptions = { budgetMs: quick ? 500 : 1500, minReps: 3, maxReps: 100 };
  const workloads = NODE_SIZES.map((s) => ({ ...s, w: makeWorkload(s.d, s.n) }));
  const sizes: NodeSize[] = [];
  for (const { d, n, label, w } of workloads) {
    log(`node: typed arrays, ${label}`);
    sizes.push({ d, n, label, typed: await timeTyped(w, typedOpts), tfjs: {} });
    log(`node: WebAssembly SIMD kernels, ${label}`);
    try {
      sizes[sizes.length - 1].simd = { ok: true, value: await timeSimd(w, typedOpts) };
    } catch (e) {
      sizes[sizes.length - 1].simd = { ok: false, error: reason(e) };
    }
  }
  const backends: NodeSection['backends'] = {};
  for (const name of TF_BACKENDS) {
    try {
      const got = await initTf(name);
      const info: Record<string, unknown> = { backend: got };
      if (name === 'wasm') {
        info.simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
        info.threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      }
      backends[name] = { ok: true, value: info };
    } catch (e) {
      backends[name] = { ok: false, error: reason(e) };
      log(`node: tfjs ${name} did not start: ${reason(e)}`);
      continue;
    }
    for (const [i, { label, w }] of workloads.entries()) {
      log(`node: tfjs ${name}, ${label}`);
      try {
        sizes[i].tfjs[name] = { ok: true, value: await timeTensor(w, tensorOpts) };
      } catch (e) {
        sizes[i].tfjs[name] = { ok: false, error: reason(e) };
      }
    }
  }
  return { node: process.version, backends, sizes };
}

/** The SIMD engine's step for 1 and 100 cues; `agrees`: cue 0's result equals Stepper's sync step. */
async function timeSimd(w: Workload, opts: MeasureOptions): Promise<TensorTimings> {
  const simd = await loadSimd();
  if (!simd) throw new Error('no WebAssembly SIMD in this Node');
  const memory = simdEngine(simd).hebbian(w.x);
  try {
    const out = new Int8Array(BIG_BATCH * w.d);
    memory.step(w.cues, 1, out);
    const st = new Stepper(w.net, w.cue, { dynamics: 'sync', rng: createRng(7) });
    st.step();
    const agrees = st.state.every((v, i) => v === out[i]);
    const batches = [];
    for (const batch of [1, BIG_BATCH]) {
      const step = await measure(() => {
        const t0 = now();
        memory.step(w.cues, batch, out);
        return now() - t0;
      }, opts);
      batches.push({ batch, step, perCueMs: step.median / batch });
    }
    return { batches, agrees };
  } finally {
    memory.dispose();
  }
}
