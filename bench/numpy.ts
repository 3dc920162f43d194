/**
 * Section 4: the NumPy reference (bench/reference.py) run in a subprocess,
 * once with the BLAS's default threads and once limited to one thread (the
 * WASM backend and typed arrays use one core). Skips with a message when
 * python3 or numpy is missing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface NumpyBatch {
  batch: number;
  median: number;
  p95: number;
  min: number;
  reps: number;
}

export interface NumpyRun {
  threads: string;
  numpy?: string;
  batches?: NumpyBatch[];
  error?: string;
}

export interface NumpySection {
  d: number;
  n: number;
  runs: NumpyRun[];
  skipped?: string;
}

const SCRIPT = fileURLToPath(new URL('./reference.py', import.meta.url));
const THREAD_VARS = ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'];

export function runNumpy(
  d: number,
  n: number,
  batches: number[],
  log: (msg: string) => void,
  quick: boolean,
): NumpySection {
  const runs: NumpyRun[] = [];
  for (const threads of ['default', '1']) {
    log(`numpy: D=${d}, N=${n}, threads ${threads}`);
    const env = { ...process.env };
    for (const v of THREAD_VARS) {
      if (threads === 'default') delete env[v];
      else env[v] = threads;
    }
    const args = [SCRIPT, String(d), String(n), batches.join(','), quick ? '0.5' : '1.5'];
    const p = spawnSync('python3', args, { env, encoding: 'utf8', timeout: 120_000 });
    if (p.error) {
      const missing = (p.error as NodeJS.ErrnoException).code === 'ENOENT';
      const why = missing ? 'python3 is not installed' : p.error.message;
      return { d, n, runs, skipped: why };
    }
    if (p.status !== 0) {
      runs.push({ threads, error: (p.stderr || `exit ${p.status}`).trim().split('\n').pop() });
      continue;
    }
    try {
      const out = JSON.parse(p.stdout.trim().split('\n').pop() ?? '') as NumpyRun;
      if (out.error) return { d, n, runs, skipped: out.error };
      runs.push({ ...out, threads });
    } catch {
      runs.push({ threads, error: `unreadable output: ${p.stdout.slice(0, 200)}` });
    }
  }
  return { d, n, runs };
}
