/**
 * The Experiments lab's seven experiments on the command line: capacity,
 * capacity-size, noise, patterns, dynamics, modules, presets. Flags are the
 * lab's own parameter tables (src/models/experiments/params.ts), so every
 * flag has the name, default and range of its control in the page.
 *
 * Lists ('--loads 0.05,0.1') and subsets ('--rule hebbian,storkey') are
 * kinds of the table, parsed and checked like every other flag.
 *
 * `--backend wasm-simd` (default) runs the WebAssembly SIMD kernels (typed
 * arrays where the engine has no SIMD); `typed-array` the typed-array engine;
 * `cpu` or `wasm` the same steps as tfjs tensor products.
 */
import { loadSimd } from '../src/kernels/simd';
import { simdEngine } from '../src/models/experiments/batchSimd';
import { typedEngine } from '../src/models/experiments/batchTyped';
import { tensorEngine } from '../src/models/experiments/batchTensor';
import { toCsv } from '../src/models/experiments/csv';
import {
  collect,
  EXPERIMENT_DEFS,
  type ExperimentDef,
  type ExperimentResult,
} from '../src/models/experiments/registry';
import { enumParam, UsageError, type ParamValues } from '../src/core/params';
import { defineExperiment, type Experiment } from './define';
import { initTf, TF_BACKENDS } from './tf';

export const BACKEND_PARAM = enumParam(
  ['wasm-simd', 'typed-array', ...TF_BACKENDS] as const,
  'wasm-simd',
  'WebAssembly SIMD kernels (default), typed arrays (exact, bit-packed Hebbian), or tfjs tensor products on cpu or wasm',
);

export type BackendChoice = (typeof BACKEND_PARAM)['default'];

/** Runs one experiment with parsed values on a backend (throws UsageError for impossible values). */
export async function runFromFlags<S extends ExperimentDef['params']>(
  def: ExperimentDef<S>,
  values: ParamValues<S>,
  backend: BackendChoice,
): Promise<ExperimentResult<ParamValues<S>> & { elapsedMs: number }> {
  let engine = typedEngine;
  if (backend === 'wasm-simd') {
    const simd = await loadSimd();
    if (simd) engine = simdEngine(simd);
  } else if (backend !== 'typed-array') {
    await initTf(backend);
    engine = tensorEngine();
  }
  const t0 = performance.now();
  let result: ExperimentResult<ParamValues<S>>;
  try {
    result = await collect(def, values, engine);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  return { ...result, elapsedMs: Math.round(performance.now() - t0) };
}

function experimentOf(def: ExperimentDef): Experiment {
  return defineExperiment({
    name: def.name,
    describe: def.describe,
    params: { ...def.params, backend: BACKEND_PARAM },
    run: ({ backend, ...values }) => runFromFlags(def, values, backend),
    csv: (result) => toCsv((result as ExperimentResult).rows),
  });
}

/** The registry entries, in the lab's order. */
export const CAPACITY_EXPERIMENTS: readonly Experiment[] = EXPERIMENT_DEFS.map(experimentOf);
