/**
 * What an experiment yields while it runs: rows as soon as they are complete
 * (so a plot fills while the sweep goes on), progress, and notes. The same
 * generator runs in the Web Worker, in the command-line runner and in tests;
 * a consumer that stops iterating (generator.return()) cancels the run, and
 * the generator's `finally` blocks free what it holds.
 */
export type Cell = number | string | boolean | null;
export type Row = Record<string, Cell>;

export type ExperimentEvent =
  /** `table` is 'rows' for the main table; some experiments add another (e.g. 'points', 'traces'). */
  | { kind: 'row'; table: string; row: Row }
  /** work done and total, in the experiment's own units (estimated cost), for a bar and a time estimate */
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'note'; text: string };

export type ExperimentRun = AsyncGenerator<ExperimentEvent, void, void>;
