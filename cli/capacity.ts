/**
 * The Experiments lab's seven experiments on the command line: capacity,
 * capacity-size, noise, patterns, dynamics, modules, presets. Flags are the
 * lab's own parameter tables (src/models/experiments/params.ts), so every
 * flag has the name, default and range of its control in the page.
 *
 * Lists ('--loads 0.05,0.1') and subsets ('--rule hebbian,storkey') pass
 * through flags.ts as 'choice' flags whose choice list accepts any value the
 * parameter table would (ParamChoices below); the table then parses them.
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
import { readValues, type ParamDef } from '../src/models/experiments/params';
import {
  collect,
  EXPERIMENT_DEFS,
  type ExperimentDef,
  type ExperimentResult,
} from '../src/models/experiments/registry';
import type { Experiment } from './experiment';
import { UsageError, type FlagSpec, type FlagValues } from './flags';
import { initTf, TF_BACKENDS, type TfBackend } from './tf';

/** A 'choice' list that accepts whatever the parameter accepts (a list, a subset). */
class ParamChoices extends Array<string> {
  constructor(private readonly hint: string) {
    super();
  }
  override includes(): boolean {
    return true; // validated by the parameter table in run()
  }
  override join(): string {
    return this.hint;
  }
}

function flagOf(p: ParamDef): FlagSpec {
  const describe = `${p.describe}`;
  switch (p.kind) {
    case 'int':
      return { name: p.name, type: 'int', default: p.default, min: p.min, max: p.max, describe };
    case 'float':
      return {
        name: p.name,
        type: 'number',
        default: p.default,
        min: p.min,
        describe: `${describe}, at most ${p.max}`,
      };
    case 'choice':
      return { name: p.name, type: 'choice', choices: p.choices, default: p.default, describe };
    case 'list':
      return {
        name: p.name,
        type: 'choice',
        choices: new ParamChoices(p.integer ? 'N,N,...' : 'X,X,...'),
        default: p.default,
        describe,
      };
    case 'subset':
      return {
        name: p.name,
        type: 'choice',
        choices: new ParamChoices(`${p.choices.join('|')}[,...]`),
        default: p.default,
        describe,
      };
  }
}

export const BACKEND_FLAG: FlagSpec = {
  name: 'backend',
  type: 'choice',
  choices: ['wasm-simd', 'typed-array', ...TF_BACKENDS],
  default: 'wasm-simd',
  describe:
    'WebAssembly SIMD kernels (default), typed arrays (exact, bit-packed Hebbian), or tfjs tensor products on cpu or wasm',
};

/** Runs one experiment from parsed flags (throws UsageError for bad values). */
export async function runFromFlags(
  def: ExperimentDef,
  flags: FlagValues,
): Promise<ExperimentResult & { elapsedMs: number }> {
  const raw: Record<string, string> = {};
  for (const p of def.params) raw[p.name] = String(flags[p.name]);
  const { values, errors } = readValues(def.params, raw);
  if (errors.length) throw new UsageError(errors.join('; '));
  const backend = String(flags.backend);
  let engine = typedEngine;
  if (backend === 'wasm-simd') {
    const simd = await loadSimd();
    if (simd) engine = simdEngine(simd);
  } else if (backend !== 'typed-array') {
    await initTf(backend as TfBackend);
    engine = tensorEngine();
  }
  const t0 = performance.now();
  let result: ExperimentResult;
  try {
    result = await collect(def, values, engine);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  return { ...result, elapsedMs: Math.round(performance.now() - t0) };
}

function experimentOf(def: ExperimentDef): Experiment {
  return {
    name: def.name,
    describe: def.describe,
    flags: [...def.params.map(flagOf), BACKEND_FLAG],
    run: (flags) => runFromFlags(def, flags),
    csv: (result) => toCsv((result as ExperimentResult).rows),
  };
}

/** The registry entries, in the lab's order. */
export const CAPACITY_EXPERIMENTS: readonly Experiment[] = EXPERIMENT_DEFS.map(experimentOf);
