/**
 * Section 6 of `npm run bench`: the Experiments lab's work in Node, next to
 * NumPy doing the same algorithms (bench/reference_capacity.py).
 *
 *   - one synchronous Hebbian step at D = 8000, N = 900, batches of 1 and
 *     100 cues, on the WebAssembly SIMD engine and the typed engine (both
 *     bit-packed, exact) and tfjs wasm (float32 tensors);
 *   - one whole capacity-size table (Hebbian and Storkey, 10 trials of 10
 *     cues a point, 7 loads a size, sizes to 2500) on the SIMD engine and in
 *     NumPy; the typed and tfjs engines take minutes for it (Storkey learning
 *     is O(N D^2) a trial in plain JS), so their tables run with --full only.
 *     --quick stops every table at 398.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { initTf } from '../cli/tf';
import type { BatchEngine } from '../src/models/experiments/batch';
import { tensorEngine } from '../src/models/experiments/batchTensor';
import { typedEngine } from '../src/models/experiments/batchTyped';
import { simdEngine } from '../src/models/experiments/batchSimd';
import { loadSimd } from '../src/kernels/simd';
import { benchCapacitySize, benchHebbianStep, BENCH_SIZES } from '../src/models/experiments/bench';
import { table } from './report';
import { ROOT } from './serve';
import { reason } from './workload';

interface Step {
  engine: string;
  batch: number;
  medianMs: number;
  perCueMs: number;
}
interface Table {
  engine: string;
  ms: number;
  msByRule: Record<string, number>;
}
export interface CapacitySection {
  sizes: number[];
  steps: Step[];
  tables: Table[];
  errors: string[];
}

const now = () => performance.now();

function numpy(args: string[], threads: string | null): unknown {
  const env = { ...process.env };
  if (threads) {
    for (const k of ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'])
      env[k] = threads;
  }
  const child = spawnSync('python3', [join(ROOT, 'bench', 'reference_capacity.py'), ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(child.stderr.trim().split('\n').pop() || 'numpy failed');
  return JSON.parse(child.stdout);
}

export async function runCapacity(
  log: (m: string) => void,
  { quick, full }: { quick: boolean; full: boolean },
): Promise<CapacitySection> {
  const sizes = BENCH_SIZES.filter((d) => d <= (quick ? 398 : 2500));
  const out: CapacitySection = { sizes, steps: [], tables: [], errors: [] };
  await initTf('wasm');
  const simd = await loadSimd();
  if (!simd) out.errors.push('no WebAssembly SIMD in this Node');
  const engines: BatchEngine[] = [...(simd ? [simdEngine(simd)] : []), typedEngine, tensorEngine()];
  const budgetMs = quick ? 500 : 2000;
  for (const engine of engines) {
    for (const batch of [1, 100]) {
      log(`capacity: Hebbian step D=8000 N=900 batch ${batch}, ${engine.name}`);
      try {
        const s = await benchHebbianStep(engine, now, { batch, budgetMs });
        out.steps.push({ engine: engine.name, batch, medianMs: s.medianMs, perCueMs: s.perCueMs });
      } catch (e) {
        out.errors.push(`${engine.name} step: ${reason(e)}`);
      }
    }
  }
  for (const threads of ['1', null]) {
    const label = `numpy (BLAS threads ${threads ?? 'default'})`;
    log(`capacity: Hebbian step in ${label}`);
    try {
      const r = numpy(['step', '8000', '900', '1,100', quick ? '1' : '2'], threads) as {
        step: { batch: number; medianMs: number; perCueMs: number }[];
      };
      for (const s of r.step) out.steps.push({ engine: label, ...s });
    } catch (e) {
      out.errors.push(`${label} step: ${reason(e)}`);
    }
  }
  for (const engine of engines) {
    if (engine.name !== 'wasm-simd' && !full && !quick) continue; // minutes each: --full
    log(`capacity: capacity-size table, sizes ${sizes.join(',')}, ${engine.name}`);
    try {
      const t = await benchCapacitySize(engine, now, { sizes });
      out.tables.push({ engine: engine.name, ms: t.ms, msByRule: t.msByRule });
    } catch (e) {
      out.errors.push(`${engine.name} table: ${reason(e)}`);
    }
  }
  log('capacity: capacity-size table in numpy (BLAS threads 1)');
  try {
    const t = numpy(['table', sizes.join(','), '10', '10'], '1') as Table;
    out.tables.push({ engine: 'numpy (BLAS threads 1)', ms: t.ms, msByRule: t.msByRule });
  } catch (e) {
    out.errors.push(`numpy table: ${reason(e)}`);
  }
  return out;
}

export function reportCapacity(s: CapacitySection | undefined): string {
  if (!s) return '';
  const f = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));
  const ref = (batch: number) =>
    s.steps.find((x) => x.engine === 'numpy (BLAS threads 1)' && x.batch === batch)?.perCueMs;
  const steps = [['engine', 'batch', 'median ms', 'ms per cue', 'NumPy 1 thread / this']];
  for (const x of s.steps) {
    const r = ref(x.batch);
    steps.push([
      x.engine,
      String(x.batch),
      f(x.medianMs),
      f(x.perCueMs),
      r ? `${(r / x.perCueMs).toFixed(2)}x` : '',
    ]);
  }
  const np = s.tables.find((t) => t.engine.startsWith('numpy'))?.ms;
  const tables = [['engine', 'whole table s', 'hebbian s', 'storkey s', 'NumPy / this']];
  for (const t of s.tables) {
    tables.push([
      t.engine,
      (t.ms / 1000).toFixed(1),
      ((t.msByRule.hebbian ?? NaN) / 1000).toFixed(1),
      ((t.msByRule.storkey ?? NaN) / 1000).toFixed(1),
      np ? `${(np / t.ms).toFixed(2)}x` : '',
    ]);
  }
  const errs = s.errors.length ? `\nerrors: ${s.errors.join('; ')}\n` : '';
  return (
    `## 6. Experiments lab (Node; ratios > 1 mean Engram is faster than NumPy)\n` +
    `One Hebbian step, D=8000, N=900:\n${table(steps)}\n\n` +
    `One capacity-size table, sizes ${s.sizes.join(',')}, Hebbian and Storkey, 10 trials x 10 cues a point:\n${table(tables)}\n${errs}`
  );
}
