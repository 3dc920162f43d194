/**
 * What a command-line experiment is. Kept apart from the registry
 * (./experiment) so that experiment modules can declare themselves without
 * importing the registry that imports them.
 */
import type { ParamTable, ParamValues } from '../src/core/params';

/** Where an experiment writes: `out` for the JSON result, `err` for diagnostics. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * One command-line experiment. Its flags are a parameter table
 * (src/core/params.ts): each entry's flag is its key in kebab-case (or
 * `flag`), and `run` receives the values typed by the table.
 */
export interface Experiment<S extends ParamTable = ParamTable> {
  name: string;
  describe: string;
  params: S;
  /** Returns the JSON-serialisable result; throws UsageError for impossible flag combinations. */
  run(values: ParamValues<S>, io: Io): Promise<object>;
  /** With it, `--csv` prints csv(result) instead of the JSON document. */
  csv?(result: object): string;
}

/** Declares an experiment, so that `run` sees its table's values typed. */
export function defineExperiment<S extends ParamTable>(experiment: Experiment<S>): Experiment<S> {
  return experiment;
}
