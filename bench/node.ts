/**
 * Section 1: one recall step in Node, typed arrays against tfjs (cpu and
 * wasm backends, set up as the experiment CLI does in cli/tf.ts).
 */
import { initTf, tf, TF_BACKENDS, type TfBackend } from '../cli/tf';
import type { MeasureOptions } from './stats';
import {
  makeWorkload,
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
