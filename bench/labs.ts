/**
 * Section 5 of `npm run bench`: the labs' own heavy steps in Node, next to
 * NumPy doing the same math on the same machine.
 *
 *   Modern Hopfield: one retrieval step with all 10,000 MNIST digits stored,
 *   batches of 1 and 100 cues, on the WebAssembly SIMD kernels (digits in
 *   8-pixel blocks, background blocks skipped; a batch is its cues one after
 *   the other) and on tfjs wasm and cpu (cli/bench-modern.ts), against bench/reference_modern.py.
 *
 *   Human memory: the context maintenance and retrieval model simulating
 *   and scoring 1,000 free-recall lists of 20 words (the Human memory lab's
 *   "run the model" work, which runs in its worker), per distractor
 *   protocol; there is no NumPy reference for it, so it is reported in lists
 *   per second.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchModernSimd, benchModernStep, type ModernBench } from '../cli/bench-modern';
import { benchFreeRecall, type FreeRecallBench } from '../src/models/human/freeRecall';
import { table } from './report';
import { ROOT } from './serve';
import { reason } from './workload';

interface NumpyModern {
  numpy: string;
  threads: string;
  batches: { batch: number; median: number; min: number }[];
}

export interface LabsSection {
  modern: { engram: ModernBench[]; numpy: NumpyModern[]; errors: string[] };
  /** CMR free recall, 1,000 lists of 20 words per protocol (absent in older results). */
  freeRecall?: FreeRecallBench[];
}

/** bench/reference_modern.py with BLAS threads left alone and pinned to 1. */
function numpyModern(quick: boolean): NumpyModern[] {
  const out: NumpyModern[] = [];
  for (const threads of [null, '1']) {
    const env = { ...process.env };
    if (threads) {
      for (const k of ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'])
        env[k] = threads;
    }
    const child = spawnSync(
      'python3',
      [join(ROOT, 'bench', 'reference_modern.py'), '10000', '1,100', quick ? '1' : '3'],
      { encoding: 'utf8', env },
    );
    if (child.status !== 0) continue;
    try {
      out.push(JSON.parse(child.stdout) as NumpyModern);
    } catch {
      // not JSON: numpy missing or the asset unreadable; reported as absent
    }
  }
  return out;
}

export async function runLabs(log: (m: string) => void, quick: boolean): Promise<LabsSection> {
  const engram: ModernBench[] = [];
  const errors: string[] = [];
  log('labs: modern retrieval step, 10,000 stored, WebAssembly SIMD kernels');
  try {
    engram.push(await benchModernSimd({ budgetMs: quick ? 500 : 2000 }));
  } catch (e) {
    errors.push(`wasm-simd: ${reason(e)}`);
  }
  for (const backend of ['wasm', 'cpu'] as const) {
    log(`labs: modern retrieval step, 10,000 stored, tfjs ${backend}`);
    try {
      engram.push(await benchModernStep(backend, { budgetMs: quick ? 500 : 2000 }));
    } catch (e) {
      errors.push(`${backend}: ${reason(e)}`);
    }
  }
  log('labs: modern retrieval step in NumPy');
  const numpy = numpyModern(quick);
  const freeRecall: FreeRecallBench[] = [];
  for (const distractor of ['none', 'delayed', 'continuous'] as const) {
    log(`labs: CMR free recall, 1,000 lists of 20 words, ${distractor} distractor`);
    freeRecall.push(benchFreeRecall(quick ? 200 : 1000, 20, distractor, quick ? 3 : 5));
  }
  return { modern: { engram, numpy, errors }, freeRecall };
}

export function reportLabs(s: LabsSection | undefined): string {
  if (!s) return '';
  const rows: string[][] = [
    ['path', 'batch 1 ms', 'batch 100 ms', 'vs NumPy 1 thread (b1)', '(b100)'],
  ];
  const ref = s.modern.numpy.find((n) => n.threads === '1');
  const refAt = (b: number) => ref?.batches.find((x) => x.batch === b)?.median;
  const ratio = (v: number | undefined, r: number | undefined) =>
    v !== undefined && r ? `${(v / r).toFixed(2)}x` : '';
  const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));
  for (const e of s.modern.engram) {
    const b1 = e.batches.find((b) => b.batch === 1)?.medianMs;
    const b100 = e.batches.find((b) => b.batch === 100)?.medianMs;
    rows.push([
      e.backend === 'wasm-simd'
        ? 'WebAssembly SIMD kernels (block-sparse; b100 = 100 cues one by one)'
        : `tfjs ${e.backend}`,
      fmt(b1),
      fmt(b100),
      ratio(b1, refAt(1)),
      ratio(b100, refAt(100)),
    ]);
  }
  for (const n of s.modern.numpy) {
    const at = (b: number) => n.batches.find((x) => x.batch === b)?.median;
    rows.push([
      `numpy ${n.numpy}, BLAS threads ${n.threads}`,
      fmt(at(1)),
      fmt(at(100)),
      ratio(at(1), refAt(1)),
      ratio(at(100), refAt(100)),
    ]);
  }
  if (!s.modern.numpy.length) rows.push(['numpy: not available', '', '', '', '']);
  const errs = s.modern.errors.length ? `\nerrors: ${s.modern.errors.join('; ')}\n` : '';
  return (
    `## 5. Modern Hopfield: one retrieval step, 10,000 digits stored (Node, median ms)\n${table(rows)}\n${errs}` +
    reportFreeRecall(s.freeRecall)
  );
}

function reportFreeRecall(runs: FreeRecallBench[] | undefined): string {
  if (!runs?.length) return '';
  const rows = [['distractor', 'lists', 'median ms', 'lists per second']];
  for (const r of runs)
    rows.push([r.distractor, String(r.lists), r.ms.toFixed(1), r.listsPerSecond.toFixed(0)]);
  return `\n## 5b. Human memory: CMR free recall, simulated and scored (Node)\n${table(rows)}\n`;
}
