/**
 * The Experiments lab's benchmark in Node, standalone until it is wired into
 * `npm run bench`: one Hebbian step at D = 8000, N = 900 (batches 1, 10 and
 * 100) and one capacity-size table, on typed arrays and on tfjs (cpu, wasm),
 * and the same in NumPy (bench/reference_capacity.py) when python3 has it.
 * Prints one JSON document with the ratios NumPy time / Engram time (> 1:
 * Engram is faster).
 *
 *   npx tsx cli/bench-capacity.ts [--sizes 10,25,63,158,398,1000,2500] [--trials 10] [--skip-tfjs-table]
 */
import { spawnSync } from 'node:child_process';
import { boolParam, intParam, listParam, UsageError } from '../src/core/params';
import { parseArgs } from '../src/core/paramArgs';
import { loadSimd } from '../src/kernels/simd';
import { simdEngine } from '../src/models/experiments/batchSimd';
import { typedEngine } from '../src/models/experiments/batchTyped';
import { tensorEngine } from '../src/models/experiments/batchTensor';
import {
  BENCH_SIZES,
  benchCapacitySize,
  benchHebbianStep,
  type StepBench,
} from '../src/models/experiments/bench';
import type { BatchEngine } from '../src/models/experiments/batch';
import { initTf, TF_BACKENDS } from './tf';

const BENCH_PARAMS = {
  sizes: listParam(BENCH_SIZES, 4, 5000, 'network sizes D of the capacity-size table', {
    integer: true,
  }),
  trials: intParam(10, 1, 1000, 'networks per point of the capacity-size table'),
  skipTfjsTable: boolParam(false, 'time the capacity-size table on typed arrays only'),
};

function flags() {
  try {
    return parseArgs(BENCH_PARAMS, process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench-capacity: ${e.message}\n`);
    process.exit(2);
  }
}

const { sizes, trials, skipTfjsTable } = flags();
const batches = [1, 10, 100];
const now = () => performance.now();
const log = (m: string) => process.stderr.write(`[bench-capacity] ${m}\n`);

/** What bench/reference_capacity.py prints (or null when NumPy is missing or failed). */
interface NumpyDoc {
  error?: string;
  ms?: number;
  step?: { batch: number; medianMs: number }[];
}

function numpy(argv: string[]): NumpyDoc | null {
  const r = spawnSync('python3', ['bench/reference_capacity.py', ...argv], {
    encoding: 'utf8',
    timeout: 3_600_000,
  });
  if (r.status !== 0 || !r.stdout) return null;
  const doc: NumpyDoc = JSON.parse(r.stdout);
  return doc.error ? null : doc;
}

const engines: { name: string; make: () => Promise<BatchEngine> }[] = [
  { name: 'wasm-simd', make: async () => simdEngine((await loadSimd())!) },
  { name: 'typed-array', make: async () => typedEngine },
  ...TF_BACKENDS.map((b) => ({
    name: `tfjs-${b}`,
    make: async () => (await initTf(b), tensorEngine()),
  })),
];

const steps: StepBench[] = [];
const tables: { engine: string; ms: number; [k: string]: unknown }[] = [];
for (const e of engines) {
  const engine = await e.make();
  for (const batch of batches) {
    if (e.name === 'tfjs-cpu' && batch > 10) continue; // minutes per step
    log(`step ${e.name} batch ${batch}`);
    steps.push(await benchHebbianStep(engine, now, { batch }));
  }
  if (e.name !== 'typed-array' && skipTfjsTable) continue;
  if (e.name === 'tfjs-cpu') continue; // far slower than wasm; not the fastest backend
  log(`capacity-size table ${e.name}, sizes ${sizes}`);
  const t = await benchCapacitySize(engine, now, { sizes, trials });
  tables.push({ engine: t.engine, ms: t.ms, msByRule: t.msByRule, rows: t.result.rows });
}
log('numpy');
const npStep = numpy(['step', '8000', '900', batches.join(','), '2']);
const npTable = numpy(['table', sizes.join(','), String(trials), '10']);

const ratios: Record<string, number> = {};
for (const s of steps) {
  const ref = npStep?.step?.find((x) => x.batch === s.batch);
  if (ref) ratios[`step B=${s.batch} ${s.engine}`] = ref.medianMs / s.medianMs;
}
for (const t of tables) {
  if (npTable?.ms !== undefined) ratios[`capacity-size table ${t.engine}`] = npTable.ms / t.ms;
}
process.stdout.write(
  JSON.stringify(
    {
      machine: { node: process.version },
      steps,
      tables,
      numpy: { step: npStep, table: npTable },
      ratios,
    },
    null,
    1,
  ) + '\n',
);
