/**
 * Experiment parameters, declared once per experiment and read by both the
 * command-line runner (as --flags) and the page (as controls and URL keys),
 * so a flag and its control have the same name, default and range.
 *
 * Kinds: 'int' and 'float' numbers within [min, max]; 'choice' one of
 * `choices`; 'list' comma-separated numbers within [min, max] ('0.05,0.1');
 * 'subset' comma-separated choices ('hebbian,storkey'). Parsing never
 * throws: it returns the value or a sentence saying what is wrong.
 */
export type ParamValue = number | string | number[] | string[];
export type ParamValues = Record<string, ParamValue>;

interface Base {
  /** kebab-case, as on the command line and in the URL */
  name: string;
  /** the control's label */
  label: string;
  describe: string;
}
export interface NumberParam extends Base {
  kind: 'int' | 'float';
  default: number;
  min: number;
  max: number;
}
export interface ChoiceParam extends Base {
  kind: 'choice';
  choices: readonly string[];
  default: string;
}
export interface ListParam extends Base {
  kind: 'list';
  /** comma-separated */
  default: string;
  min: number;
  max: number;
  integer?: boolean;
  /** most entries allowed */
  maxLength?: number;
}
export interface SubsetParam extends Base {
  kind: 'subset';
  choices: readonly string[];
  default: string;
}
export type ParamDef = NumberParam | ChoiceParam | ListParam | SubsetParam;

export type Parsed = { ok: true; value: ParamValue } | { ok: false; error: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads one raw text value. */
export function parseParam(def: ParamDef, raw: string): Parsed {
  const text = raw.trim();
  switch (def.kind) {
    case 'int':
    case 'float': {
      const v = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(v))
        return { ok: false, error: `${def.name} must be a number; got '${raw}'` };
      if (def.kind === 'int' && !Number.isInteger(v))
        return { ok: false, error: `${def.name} must be a whole number; got '${raw}'` };
      if (v < def.min || v > def.max)
        return {
          ok: false,
          error: `${def.name} must be between ${def.min} and ${def.max}; got ${v}`,
        };
      return { ok: true, value: v };
    }
    case 'choice':
      return def.choices.includes(text)
        ? { ok: true, value: text }
        : {
            ok: false,
            error: `${def.name} must be one of ${def.choices.join(', ')}; got '${raw}'`,
          };
    case 'list': {
      const parts = text
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (parts.length === 0) return { ok: false, error: `${def.name} needs at least one number` };
      const max = def.maxLength ?? 200;
      if (parts.length > max)
        return {
          ok: false,
          error: `${def.name} takes at most ${max} numbers; got ${parts.length}`,
        };
      const values: number[] = [];
      for (const p of parts) {
        const v = Number(p);
        if (!NUMBER.test(p) || !Number.isFinite(v))
          return { ok: false, error: `${def.name}: '${p}' is not a number` };
        if (def.integer && !Number.isInteger(v))
          return { ok: false, error: `${def.name}: ${p} is not a whole number` };
        if (v < def.min || v > def.max)
          return { ok: false, error: `${def.name}: ${v} is not between ${def.min} and ${def.max}` };
        values.push(v);
      }
      return { ok: true, value: [...new Set(values)].sort((a, b) => a - b) };
    }
    case 'subset': {
      const parts = text
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (parts.length === 0)
        return { ok: false, error: `${def.name} needs at least one of ${def.choices.join(', ')}` };
      for (const p of parts) {
        if (!def.choices.includes(p))
          return {
            ok: false,
            error: `${def.name}: '${p}' is not one of ${def.choices.join(', ')}`,
          };
      }
      return { ok: true, value: def.choices.filter((c) => parts.includes(c)) };
    }
  }
}

/** The value as text (the inverse of parseParam). */
export function formatParam(value: ParamValue): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Defaults of a table, parsed. */
export function defaultValues(defs: readonly ParamDef[]): ParamValues {
  const out: ParamValues = {};
  for (const d of defs) {
    const p = parseParam(d, String(d.default));
    if (!p.ok) throw new Error(`bad default for ${d.name}: ${p.error}`);
    out[d.name] = p.value;
  }
  return out;
}

/** Reads raw texts (missing keys take defaults); collects one error per bad value (which keeps its default). */
export function readValues(
  defs: readonly ParamDef[],
  raw: Readonly<Record<string, string | undefined>>,
): { values: ParamValues; errors: string[] } {
  const values = defaultValues(defs);
  const errors: string[] = [];
  for (const d of defs) {
    const text = raw[d.name];
    if (text === undefined) continue;
    const p = parseParam(d, text);
    if (p.ok) values[d.name] = p.value;
    else errors.push(p.error);
  }
  return { values, errors };
}

// Shorthands for the experiment tables.
export const int = (
  name: string,
  label: string,
  def: number,
  min: number,
  max: number,
  describe: string,
): NumberParam => ({ name, label, kind: 'int', default: def, min, max, describe });
export const float = (
  name: string,
  label: string,
  def: number,
  min: number,
  max: number,
  describe: string,
): NumberParam => ({ name, label, kind: 'float', default: def, min, max, describe });
export const choice = (
  name: string,
  label: string,
  choices: readonly string[],
  def: string,
  describe: string,
): ChoiceParam => ({ name, label, kind: 'choice', choices, default: def, describe });
export const list = (
  name: string,
  label: string,
  def: string,
  min: number,
  max: number,
  describe: string,
  integer = false,
): ListParam => ({ name, label, kind: 'list', default: def, min, max, integer, describe });
export const subset = (
  name: string,
  label: string,
  choices: readonly string[],
  def: string,
  describe: string,
): SubsetParam => ({ name, label, kind: 'subset', choices, default: def, describe });

/** The parameters most experiments share. */
export const SEED = int(
  'seed',
  'Seed',
  1,
  0,
  999_999,
  'random seed: patterns, cues and update order',
);
export const TRIALS = int(
  'trials',
  'Trials (networks) per point',
  20,
  1,
  1000,
  'networks per point, each with its own random patterns',
);
export const CUES = int(
  'cues',
  'Cues per network',
  10,
  1,
  200,
  'cues recalled at once per network (one batch); recalls per point = trials x cues',
);
export const MAX_STEPS = int(
  'max-steps',
  'Step limit',
  30,
  1,
  500,
  'synchronous steps (or sweeps) before a recall is stopped',
);
export const FLIP = float(
  'flip-fraction',
  'Flip fraction',
  0.1,
  0,
  1,
  'fraction of distinct units of the cue flipped',
);
