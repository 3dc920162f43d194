/**
 * Command lines from a parameter table (params.ts): `--name value` flags
 * (parseArgs) and their --help text (describeArgs). Command lines are strict,
 * unlike the link (paramLink.ts): an unknown flag or a bad value throws a
 * UsageError that says what is wrong.
 */
import {
  defaults,
  parseText,
  showDefault,
  UsageError,
  type ParamTable,
  type ParamValues,
} from './params';

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** The flag of each parameter that has one → its table key. */
function flagKeys(spec: ParamTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of Object.keys(spec)) {
    const f = spec[k].flag;
    if (f !== false) out.set(f ?? kebab(k), k);
  }
  return out;
}

/**
 * Parses `--name value` and `--name=value` pairs against the table (a bool
 * flag may stand alone); every flag has a default. Throws UsageError for an
 * unknown flag, a missing value, or a value the table does not accept.
 */
export function parseArgs<S extends ParamTable>(spec: S, argv: readonly string[]): ParamValues<S> {
  const flags = flagKeys(spec);
  const values: Record<string, unknown> = defaults(spec);
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const field = flags.get(name);
    if (field === undefined) {
      const known = [...flags.keys()].map((f) => `--${f}`).join(', ');
      throw new UsageError(`unknown flag --${name}; known: ${known}`);
    }
    const p = spec[field];
    let raw: string | null = null;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (k + 1 < argv.length && !(p.kind === 'bool' && argv[k + 1].startsWith('--')))
      raw = argv[++k];
    if (p.kind !== 'bool' && (raw === null || raw === ''))
      throw new UsageError(`--${name} needs a value`);
    const parsed = parseText(p, raw);
    if (!parsed.ok)
      throw new UsageError(`--${name}${parsed.must.startsWith(':') ? '' : ' '}${parsed.must}`);
    values[field] = parsed.value;
  }
  return values as ParamValues<S>;
}

/** One line per flag, for --help: `--name KIND  meaning (default X)`. */
export function describeArgs(spec: ParamTable): string {
  const rows: [string, string][] = [];
  for (const [flag, field] of flagKeys(spec)) {
    const p = spec[field];
    const kind =
      p.kind === 'enum'
        ? p.values!.join('|')
        : p.kind === 'subset'
          ? `${p.values!.join('|')}[,...]`
          : p.kind === 'list'
            ? p.integer
              ? 'N,N,...'
              : 'X,X,...'
            : p.kind === 'int'
              ? 'N'
              : p.kind === 'float'
                ? 'X'
                : p.kind === 'bool'
                  ? '[true|false]'
                  : 'TEXT';
    const range = p.kind === 'float' || p.kind === 'list' ? `, ${p.min} to ${p.max}` : '';
    rows.push([`  --${flag} ${kind}`, `${p.describe}${range} (default ${showDefault(p)})`]);
  }
  const width = Math.max(0, ...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right).join('\n');
}
