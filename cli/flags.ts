/**
 * Command-line flags for experiments: each experiment declares its flags once
 * (name, type, default, help), and parsing, validation and --help all read
 * that table.
 */

/** A mistake in how the command was called: reported on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

interface FlagBase {
  /** Without the leading dashes, e.g. 'max-steps'. */
  name: string;
  describe: string;
}
export interface IntFlag extends FlagBase {
  type: 'int';
  default: number;
  min?: number;
  max?: number;
}
export interface NumberFlag extends FlagBase {
  type: 'number';
  default: number;
  min?: number;
}
export interface ChoiceFlag extends FlagBase {
  type: 'choice';
  choices: readonly string[];
  default: string;
}
export type FlagSpec = IntFlag | NumberFlag | ChoiceFlag;

export type FlagValues = Record<string, number | string>;

/**
 * Parses `--name value` and `--name=value` pairs against the specs; every
 * flag has a default. Throws UsageError for an unknown flag, a missing value,
 * a malformed number, a value out of range or not among the choices.
 */
export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[]): FlagValues {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values: FlagValues = Object.fromEntries(specs.map((s) => [s.name, s.default]));
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) {
      throw new UsageError(
        `unknown flag --${name}; known: ${specs.map((s) => `--${s.name}`).join(', ')}`,
      );
    }
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (k + 1 < argv.length) raw = argv[++k];
    if (raw === undefined || raw === '') throw new UsageError(`--${name} needs a value`);
    values[name] = parseValue(spec, raw);
  }
  return values;
}

function parseValue(spec: FlagSpec, raw: string): number | string {
  const flag = `--${spec.name}`;
  if (spec.type === 'choice') {
    if (!spec.choices.includes(raw)) {
      throw new UsageError(`${flag} must be one of ${spec.choices.join(', ')}; got '${raw}'`);
    }
    return raw;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`${flag} must be a number; got '${raw}'`);
  if (spec.type === 'int' && !Number.isInteger(value)) {
    throw new UsageError(`${flag} must be an integer; got '${raw}'`);
  }
  if (spec.min !== undefined && value < spec.min) {
    throw new UsageError(`${flag} must be at least ${spec.min}; got ${value}`);
  }
  if (spec.type === 'int' && spec.max !== undefined && value > spec.max) {
    throw new UsageError(`${flag} must be at most ${spec.max}; got ${value}`);
  }
  return value;
}

/** One line per flag, for --help. */
export function describeFlags(specs: readonly FlagSpec[]): string {
  const rows = specs.map((s) => {
    const kind = s.type === 'choice' ? s.choices.join('|') : s.type === 'int' ? 'N' : 'X';
    return [`  --${s.name} ${kind}`, `${s.describe} (default ${s.default})`];
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right).join('\n');
}
