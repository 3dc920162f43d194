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

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = flag('sizes')?.split(',').map(Number) ?? BENCH_SIZES;
const trials = Number(flag('trials') ?? 10);
const batches = [1, 10, 100];
const now = () => performance.now();
const log = (m: string) => process.stderr.write(`[bench-capacity] ${m}\n`);

function numpy(argv: string[]): Record<string, unknown> | null {
  const r = spawnSync('python3', ['bench/reference_capacity.py', ...argv], {
    encoding: 'utf8',
    timeout: 3_600_000,
  });
  if (r.status !== 0 || !r.stdout) return null;
  const doc = JSON.parse(r.stdout);
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
const tables: Record<string, unknown>[] = [];
for (const e of engines) {
  const engine = await e.make();
  for (const batch of batches) {
    if (e.name === 'tfjs-cpu' && batch > 10) continue; // minutes per step
    log(`step ${e.name} batch ${batch}`);
    steps.push(await benchHebbianStep(engine, now, { batch }));
  }
  if (e.name !== 'typed-array' && args.includes('--skip-tfjs-table')) continue;
  if (e.name === 'tfjs-cpu') continue; // far slower than wasm; not the fastest backend
  log(`capacity-size table ${e.name}, sizes ${sizes}`);
  const t = await benchCapacitySize(engine, now, { sizes, trials });
  tables.push({ engine: t.engine, ms: t.ms, msByRule: t.msByRule, rows: t.result.rows });
}
log('numpy');
const npStep = numpy(['step', '8000', '900', batches.join(','), '2']);
const npTable = numpy(['table', sizes.join(','), String(trials), '10']);

const ratios: Record<string, number> = {};
const npSteps = (npStep?.step as { batch: number; medianMs: number }[] | undefined) ?? [];
for (const s of steps) {
  const ref = npSteps.find((x) => x.batch === s.batch);
  if (ref) ratios[`step B=${s.batch} ${s.engine}`] = ref.medianMs / s.medianMs;
}
for (const t of tables as { engine: string; ms: number }[]) {
  if (npTable) ratios[`capacity-size table ${t.engine}`] = (npTable.ms as number) / t.ms;
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
