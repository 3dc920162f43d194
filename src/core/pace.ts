/**
 * Sharing one thread with a page: a long computation runs as chunks of
 * work units (cues, rows, minibatches), and between chunks it awaits
 * `pause()`, where a page yields to the browser (src/engine/pace.ts). How
 * many units a chunk takes is the Pace's choice; `budgetPace` aims each
 * chunk at a time budget from the time the last chunks of the same job
 * took per unit.
 *
 * Convention: a computation that accepts a Pace must give the same numbers
 * whatever chunk sizes it is handed (each unit is computed on its own, or
 * the units are visited in the same order either way), so the pace is
 * about time only, never about results. UNPACED (the command line, tests,
 * scripts) runs every job in chunks of its largest size and never pauses.
 */

export interface Pace {
  /** Units for the next chunk of `job`: an integer in 1..max. */
  chunk(job: string, max: number): number;
  /** The last chunk of `job` had `units` units and took `ms` milliseconds. */
  record(job: string, units: number, ms: number): void;
  /**
   * Awaited before every chunk: a place where the computation may give the
   * thread back (a page yields here once the current task has run long
   * enough, so short steps in a row share one task and long ones do not).
   */
  pause(): Promise<void>;
}

/** Chunks of the largest size and no pauses: the whole job as fast as it goes. */
export const UNPACED: Pace = {
  chunk: (_job, max) => Math.max(1, Math.floor(max)),
  record: () => undefined,
  pause: () => Promise.resolve(),
};

/**
 * Units 0..total-1 of `job` in chunks chosen by `pace` (at most `max`
 * each), in order: `step(start, count)` does units start..start+count-1.
 * Pauses before each chunk and times it for the pace.
 */
export async function inChunks(
  pace: Pace,
  job: string,
  total: number,
  max: number,
  step: (start: number, count: number) => Promise<void> | void,
): Promise<void> {
  for (let start = 0; start < total;) {
    await pace.pause();
    const count = Math.min(total - start, clampUnits(pace.chunk(job, max), max));
    const t0 = performance.now();
    await step(start, count);
    pace.record(job, count, performance.now() - t0);
    start += count;
  }
}

/** Runs `f` and reports its time to `pace` as one chunk of `units` units of `job`. */
export async function timed<T>(
  pace: Pace,
  job: string,
  units: number,
  f: () => Promise<T> | T,
): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  pace.record(job, units, performance.now() - t0);
  return out;
}

function clampUnits(units: number, max: number): number {
  const top = Math.max(1, Math.floor(max));
  return Number.isFinite(units) ? Math.min(top, Math.max(1, Math.floor(units))) : top;
}

export interface BudgetPaceOptions {
  /** Milliseconds a chunk aims at (default 16: a frame, far under a 50 ms long task). */
  readonly budgetMs?: number;
  /** A pause gives the thread back once the task has run this long (default budgetMs / 2). */
  readonly sliceMs?: number;
  /** How to give the thread back (a page's yield). */
  readonly yield: () => Promise<void>;
  /** The clock (default performance.now). */
  readonly now?: () => number;
}

/**
 * A Pace that sizes each chunk of a job to take about `budgetMs`: units =
 * budget / (ms per unit), where ms per unit is a running average over that
 * job's last chunks (weight 1/2 on the newest). A job it has not timed yet
 * starts with one unit, and a chunk grows at most to twice the last one
 * plus one, so one fast chunk (a warm cache) cannot make the next one huge.
 * `pause()` yields when `sliceMs` have passed since the last yield, so a
 * task holds at most about sliceMs + budgetMs of work.
 */
export function budgetPace(options: BudgetPaceOptions): Pace & {
  /** The running ms per unit of `job`, or null before its first chunk. */
  msPerUnit(job: string): number | null;
} {
  const budget = options.budgetMs ?? 16;
  const slice = options.sliceMs ?? budget / 2;
  const now = options.now ?? (() => performance.now());
  const jobs = new Map<string, { perUnit: number; last: number }>();
  let since = -Infinity;
  return {
    chunk(job, max) {
      const j = jobs.get(job);
      if (!j) return clampUnits(1, max);
      const fit = j.perUnit > 0 ? Math.floor(budget / j.perUnit) : Infinity;
      return clampUnits(Math.min(fit, 2 * j.last + 1), max);
    },
    record(job, units, ms) {
      if (!(units >= 1) || !(ms >= 0)) return;
      const perUnit = ms / units;
      const j = jobs.get(job);
      jobs.set(job, { perUnit: j ? (j.perUnit + perUnit) / 2 : perUnit, last: units });
    },
    async pause() {
      if (now() - since < slice) return;
      await options.yield();
      since = now();
    },
    msPerUnit: (job) => jobs.get(job)?.perUnit ?? null,
  };
}
