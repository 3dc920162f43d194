/**
 * Learning the weights away from the page: what a Web Worker computes for
 * the rules that take long at 64 x 64 (Storkey, Krauth-Mezard, unlearning),
 * and how the page rebuilds the very same network from it. No DOM here, so
 * the worker, the page and the tests share it.
 *
 * The worker sends back only what learning produced (W for Storkey and
 * Krauth-Mezard, the dream rows for unlearning), transferred, not copied;
 * the page wraps it without learning again, so the network is identical to
 * learn(rule, x, opts) on the page (the unit test compares them).
 */
import type { Bipolar, PatternMatrix } from '../../core/pattern';
import { learn, type LearnOptions, type Network, type Rule } from '../../models/classic/hopfield';
import { DenseNetwork } from '../../models/classic/networks';
import {
  UNLEARNING_DEFAULTS,
  UnlearningNetwork,
  type UnlearnedRows,
} from '../../models/classic/unlearning';

/** The rules whose learning is worth a worker; the others learn in a few ms on the page. */
export const SLOW_RULES: readonly Rule[] = ['storkey', 'krauth-mezard', 'unlearning'];

/**
 * Learning this big goes to the worker (about N D^2 operations; at 16 x 16
 * units it stays on the page, a millisecond or two, so lessons and small
 * networks recall at once).
 */
export function learnsInWorker(rule: Rule, n: number, d: number, opts: LearnOptions): boolean {
  if (!SLOW_RULES.includes(rule) || n === 0) return false;
  // Unlearning: each dream relaxes for a few sweeps of D units, each O(rows).
  const dreams = opts.dreams ?? UNLEARNING_DEFAULTS.dreamsPerPattern * n;
  const work = rule === 'unlearning' ? dreams * (n + dreams) * d * 4 : n * d * d;
  return work >= 4e6;
}

export interface LearnJob {
  id: number;
  rule: Rule;
  n: number;
  d: number;
  data: Int8Array;
  opts: Omit<LearnOptions, 'progress'>;
}

export type Learned = { kind: 'weights'; w: Float32Array } | { kind: 'rows'; rows: UnlearnedRows };

export type FromLearnWorker =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; learned: Learned }
  | { id: number; type: 'error'; message: string };

/** What learning produced, for one of SLOW_RULES. */
export function learnPart(job: LearnJob, progress?: (fraction: number) => void): Learned {
  const x: PatternMatrix = { n: job.n, d: job.d, data: job.data as Bipolar };
  const net = learn(job.rule, x, {
    ...job.opts,
    progress: progress && ((done, total) => progress(total > 0 ? done / total : 1)),
  });
  if (net instanceof UnlearningNetwork) return { kind: 'rows', rows: net.learnedRows() };
  return { kind: 'weights', w: net.weights() };
}

/** The buffers to transfer with a result. */
export function transferables(learned: Learned): ArrayBuffer[] {
  if (learned.kind === 'weights') return [learned.w.buffer as ArrayBuffer];
  return [learned.rows.vt.buffer as ArrayBuffer, learned.rows.c.buffer as ArrayBuffer];
}

/** The network learn(rule, x, opts) gives, rebuilt from what the worker learned (no learning here). */
export function networkFrom(
  rule: Rule,
  x: PatternMatrix,
  opts: LearnOptions,
  learned: Learned,
): Network {
  if (learned.kind === 'rows') {
    if (rule !== 'unlearning') throw new Error(`${rule} learns weights, not rows`);
    return new UnlearningNetwork(
      x,
      {
        dreams: opts.dreams ?? UNLEARNING_DEFAULTS.dreamsPerPattern * x.n,
        epsilon: opts.epsilon ?? UNLEARNING_DEFAULTS.epsilon,
        seed: opts.seed ?? 1,
      },
      learned.rows,
    );
  }
  if (rule === 'storkey') return new DenseNetwork('storkey', x, learned.w);
  if (rule === 'krauth-mezard') return new DenseNetwork('krauth-mezard', x, learned.w, false);
  throw new Error(`${rule} is not learned in the worker`);
}
