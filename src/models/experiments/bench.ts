/**
 * Benchmarks of the Experiments lab, for `npm run bench` (Node and the
 * browser bench page): one Hebbian recall step at D = 8000, N = 900, and one
 * whole `capacity-size` table (Hebbian and Storkey, sizes to 2500, 10 trials
 * a point), each on a given engine. Like the models, these read no clock of
 * their own: the caller passes `now` (performance.now).
 *
 * The NumPy reference (bench/reference_capacity.py) runs the same two
 * computations with the same algorithms (factorised Hebbian step; the
 * capacity-size table with incrementally learned Storkey weights, batched
 * synchronous recall, 7 loads from 0.5x to 2x theory), so their ratio
 * compares engines, not algorithms.
 */
import { randomPatterns } from '../classic/hopfield';
import { createRng } from '../../core/random';
import { flipFraction } from '../classic/corrupt';
import { row } from '../../core/pattern';
import { defaults } from '../../core/params';
import type { BatchEngine } from './batch';
import { CAPACITY_SIZE_PARAMS } from './capacitySize';
import { LOCAL_RULES, type LocalRule } from './params';
import { collect, experimentDef, type ExperimentResult } from './registry';

export interface Timing {
  medianMs: number;
  minMs: number;
  reps: number;
}

export interface StepBench extends Timing {
  engine: string;
  d: number;
  n: number;
  batch: number;
  perCueMs: number;
}

/** Median and minimum of repeated async runs: at least minReps, then until budgetMs is spent. */
export async function measure(
  f: () => Promise<unknown> | unknown,
  now: () => number,
  { budgetMs = 2000, minReps = 5, maxReps = 200, warmup = 2 } = {},
): Promise<Timing> {
  for (let k = 0; k < warmup; k++) await f();
  const samples: number[] = [];
  const start = now();
  while (samples.length < minReps || (now() - start < budgetMs && samples.length < maxReps)) {
    const t0 = now();
    await f();
    samples.push(now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median = samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
  return { medianMs: median, minMs: samples[0], reps: samples.length };
}

/**
 * One synchronous Hebbian step, N H = (S X^T) X - N S, for `batch` cues (20 %
 * of a stored pattern's units flipped) at D units and N patterns.
 */
export async function benchHebbianStep(
  engine: BatchEngine,
  now: () => number,
  { d = 8000, n = 900, batch = 1, budgetMs = 2000, seed = 1 } = {},
): Promise<StepBench> {
  const rng = createRng(seed);
  const x = randomPatterns(n, d, rng);
  const cues = new Int8Array(batch * d);
  for (let b = 0; b < batch; b++) cues.set(flipFraction(row(x, b % n), 0.2, rng), b * d);
  const out = new Int8Array(batch * d);
  const memory = engine.hebbian(x);
  try {
    const t = await measure(() => memory.step(cues, batch, out), now, { budgetMs });
    return { engine: engine.name, d, n, batch, ...t, perCueMs: t.medianMs / batch };
  } finally {
    memory.dispose();
  }
}

export const BENCH_SIZES = [10, 25, 63, 158, 398, 1000, 2500];

export interface TableBench {
  engine: string;
  sizes: number[];
  trials: number;
  cues: number;
  /** wall time of the whole table, and of each rule's part */
  ms: number;
  msByRule: Record<string, number>;
  result: ExperimentResult;
}

/**
 * One whole capacity-size table: rules hebbian and storkey, the given sizes,
 * 7 loads per size from 0.5x to 2x theory, `trials` networks a point with
 * `cues` cues each (5 % flipped), seed 1. Runs the rules one after the other
 * to time each.
 */
export async function benchCapacitySize(
  engine: BatchEngine,
  now: () => number,
  {
    sizes = BENCH_SIZES,
    trials = 10,
    cues = 10,
    rules = LOCAL_RULES,
  }: { sizes?: number[]; trials?: number; cues?: number; rules?: readonly LocalRule[] } = {},
): Promise<TableBench> {
  const def = experimentDef('capacity-size')!;
  const msByRule: Record<string, number> = {};
  let result: ExperimentResult | null = null;
  const t0 = now();
  for (const rule of rules) {
    const values = { ...defaults(CAPACITY_SIZE_PARAMS), sizes, rule: [rule], trials, cues };
    const r0 = now();
    const r = await collect(def, values, engine);
    msByRule[rule] = now() - r0;
    if (!result) result = r;
    else {
      result.rows.push(...r.rows);
      if (Array.isArray(result.points) && Array.isArray(r.points)) result.points.push(...r.points);
    }
  }
  return { engine: engine.name, sizes, trials, cues, ms: now() - t0, msByRule, result: result! };
}
