/**
 * The command line the benchmark scripts share (cli/bench-modern.ts,
 * cli/bench-vae.ts): `--budget-ms N` (time budget per
 * measurement, default 1500) and the tfjs backends named among the
 * arguments (cpu, wasm).
 */
import type { TfBackend } from './tf';

export interface BenchFlags {
  /** every argument, for script-specific switches (`--numpy`, `wasm-simd`, ...) */
  args: string[];
  budgetMs: number;
  /** the tfjs backends named, in order (possibly none) */
  named: TfBackend[];
  /** the backends to run: those named, or wasm and cpu when none is */
  backends: TfBackend[];
}

export function benchFlags(argv: string[]): BenchFlags {
  const k = argv.indexOf('--budget-ms');
  const budgetMs = k >= 0 ? Number(argv[k + 1]) : 1500;
  const named = argv.filter((a): a is TfBackend => a === 'cpu' || a === 'wasm');
  return { args: argv, budgetMs, named, backends: named.length ? named : ['wasm', 'cpu'] };
}
