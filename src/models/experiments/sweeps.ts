/**
 * A run of sweeps: how the capacity-style experiments turn their typed
 * values into load sweeps (./trials) and their completed points into rows,
 * with one progress total over all the sweeps of a run.
 *
 *   const sweeps = rules.map((rule, stream) => ({ rule, sweep: countSweep(v, {...}) }));
 *   yield* runSweeps(sweeps, engine, { row: (item, point, s) => ({ ... }) });
 */
import type { BatchEngine } from './batch';
import type { TrialValues } from './params';
import {
  runLoadSweep,
  summarise,
  sweepCost,
  type LoadSweep,
  type PointStats,
  type SweepPoint,
} from './trials';
import type { ExperimentEvent, ExperimentRun, Row } from './types';

/**
 * Runs a sweep and turns each completed point into a row of `table` with
 * `toRow` (null: no row); progress and notes pass through. Use with yield*,
 * which also closes the sweep when the consumer stops early. Returns the
 * sweep's cost (for the next sweep's progress offset).
 */
async function* sweepRows(
  sweep: LoadSweep,
  engine: BatchEngine,
  progress: { offset: number; total: number },
  toRow: (index: number, stats: PointStats) => Row | null,
  table = 'rows',
): AsyncGenerator<ExperimentEvent, number, void> {
  const it = runLoadSweep(sweep, engine, progress);
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) return r.value;
      const ev = r.value;
      if (ev.kind === 'point') {
        const row = toRow(ev.index, ev.stats);
        if (row) yield { kind: 'row', table, row };
      } else yield ev;
    }
  } finally {
    await it.return(0);
  }
}

/** What a sweep takes from an experiment's trial settings (./params TRIAL_PARAMS). */
export function trialSettings(
  v: TrialValues,
): Pick<LoadSweep, 'trials' | 'cues' | 'maxSteps' | 'seed'> {
  return { trials: v.trials, cues: v.cues, maxSteps: v['max-steps'], seed: v.seed };
}

/** A sweep of pattern counts `counts` (ascending) at one flip fraction, random patterns unless said. */
export function countSweep(
  v: TrialValues,
  sweep: Pick<LoadSweep, 'd' | 'kind' | 'stream'> &
    Partial<Pick<LoadSweep, 'patterns' | 'codingLevel' | 'settings'>> & {
      counts: readonly number[];
      flip: number;
    },
): LoadSweep {
  const { counts, flip, patterns = 'random', ...rest } = sweep;
  return { ...rest, patterns, points: counts.map((n) => ({ n, flip })), ...trialSettings(v) };
}

export type PointSummary = ReturnType<typeof summarise>;

/** How a run of several sweeps reports: a row per point, and optional notes and rows around each sweep. */
export interface SweepReport<T> {
  /** The row of one completed point. */
  row(item: T, point: SweepPoint, s: PointSummary): Row;
  /** The table the point rows go to (default 'rows'). */
  table?: string;
  /** A note before the item's sweep (null: none). */
  before?(item: T): string | null;
  /** A row of another table after the item's sweep, from its points' summaries. */
  after?(item: T, summaries: readonly PointSummary[]): { table: string; row: Row };
}

/**
 * Runs the sweeps of a run one after the other, with one progress total
 * over all of them (each sweep's cost, ./sweepCost), reporting as `report`
 * says. Stopping the run early closes the sweep in progress.
 */
export async function* runSweeps<T extends { sweep: LoadSweep }>(
  items: readonly T[],
  engine: BatchEngine,
  report: SweepReport<T>,
): ExperimentRun {
  const total = items.reduce((t, s) => t + sweepCost(s.sweep), 0);
  let offset = 0;
  for (const item of items) {
    const { sweep } = item;
    const note = report.before?.(item);
    if (note) yield { kind: 'note', text: note };
    const summaries: PointSummary[] = [];
    const toRow = (k: number, stats: PointStats) => {
      summaries[k] = summarise(stats, sweep.d);
      return report.row(item, sweep.points[k], summaries[k]);
    };
    offset += yield* sweepRows(sweep, engine, { offset, total }, toRow, report.table);
    const extra = report.after?.(item, summaries);
    if (extra) yield { kind: 'row', ...extra };
  }
}
