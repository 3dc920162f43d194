/**
 * Command-line experiments: `npm run experiment -- <name> [--flag value ...]`.
 *
 * Each experiment is registered once below (name -> describe, flags, run).
 * A run prints ONE JSON document on stdout and nothing else; diagnostics go
 * to stderr. Exit codes: 0 done, 1 the experiment failed, 2 bad usage
 * (unknown experiment or flag, malformed or impossible value).
 */
import { CAPACITY_EXPERIMENTS } from './capacity';
import { compressExperiment } from './compress';
import { consolidationExperiment } from './consolidation';
import { HUMAN_EXPERIMENTS } from './human';
import { HUMAN_MEMORY_EXPERIMENTS } from './humanMemory';
import { UsageError } from '../src/core/params';
import { describeArgs, parseArgs } from '../src/core/paramArgs';
import type { Experiment, Io } from './define';
import { modernExperiment, modernVsClassicExperiment } from './modern';
import { modernFramingExperiment } from './modernFraming';
import { recallExperiment } from './recall';
import { isMain } from './isMain';

/** The registry: one entry per experiment, each declared with defineExperiment. */
export const EXPERIMENTS: readonly Experiment[] = [
  recallExperiment,
  modernExperiment,
  modernVsClassicExperiment,
  modernFramingExperiment,
  ...CAPACITY_EXPERIMENTS,
  consolidationExperiment,
  compressExperiment,
  ...HUMAN_EXPERIMENTS,
  ...HUMAN_MEMORY_EXPERIMENTS,
];

export function findExperiment(name: string): Experiment | undefined {
  return EXPERIMENTS.find((e) => e.name === name);
}

function overview(): string {
  const width = Math.max(...EXPERIMENTS.map((e) => e.name.length)) + 2;
  return [
    'usage: npm run experiment -- <experiment> [--flag value ...]',
    '       npm run experiment -- <experiment> --help',
    '',
    'experiments:',
    ...EXPERIMENTS.map((e) => `  ${e.name.padEnd(width)}${e.describe}`),
    '',
  ].join('\n');
}

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h' || arg === 'help';

/** Runs one command line (without `node script`); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overview());
    return 2;
  }
  if (isHelp(name)) {
    io.out(overview());
    return 0;
  }
  const experiment = findExperiment(name);
  if (!experiment) {
    io.err(`unknown experiment '${name}'\n\n${overview()}`);
    return 2;
  }
  if (rest.some(isHelp)) {
    const csv = experiment.csv ? '\n  --csv  print the rows as CSV instead of JSON' : '';
    io.out(
      `${experiment.name}: ${experiment.describe}\n\n${describeArgs(experiment.params)}${csv}\n`,
    );
    return 0;
  }
  try {
    const csv = rest.includes('--csv');
    if (csv && !experiment.csv) throw new UsageError('--csv is not available for this experiment');
    const values = parseArgs(experiment.params, csv ? rest.filter((a) => a !== '--csv') : rest);
    const result = await experiment.run(values, io);
    io.out(csv ? experiment.csv!(result) : JSON.stringify(result) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${experiment.name}: ${error.message}\n(see: npm run experiment -- ${name} --help)\n`);
      return 2;
    }
    io.err(
      `${experiment.name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

if (isMain(import.meta.url)) {
  // Keep stdout for the one JSON document: anything a library logs goes to stderr.
  console.log = console.error;
  console.info = console.error;
  process.exitCode = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
