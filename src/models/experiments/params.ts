/**
 * Experiment parameters, declared once per experiment and read by both the
 * command-line runner (as --flags) and the page (as controls and URL keys),
 * so a flag and its control have the same name, default and range.
 *
 * Each is a parameter of the one table codec (src/core/params.ts) with its
 * kebab-case `name` (the flag, the link key and the control's name) and a
 * `label`. Kinds: 'int' and 'float' numbers within [min, max]; 'enum' one of
 * `values`; 'list' comma-separated numbers within [min, max] ('0.05,0.1');
 * 'subset' comma-separated choices ('hebbian,storkey'). Parsing never
 * throws: it returns the value or a sentence saying what is wrong.
 */
import {
  defaults,
  enumParam,
  floatParam,
  formatText,
  intParam,
  listParam,
  parseText,
  subsetParam,
  type ParamSpec,
  type ParamTable,
} from '../../core/params';

export type ParamValue = number | string | number[] | string[];
export type ParamValues = Record<string, ParamValue>;

/** A parameter of an experiment: a table entry with its name and label. */
export type ParamDef = ParamSpec<ParamValue> & { name: string; label: string };

export type Parsed = { ok: true; value: ParamValue } | { ok: false; error: string };

/** Reads one raw text value (surrounding blanks ignored). */
export function parseParam(def: ParamDef, raw: string): Parsed {
  const p = parseText(def, raw.trim());
  if (p.ok) return p;
  return { ok: false, error: `${def.name}${p.must.startsWith(':') ? '' : ' '}${p.must}` };
}

/** The value as text (the inverse of parseParam). */
export function formatParam(value: ParamValue): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The parameters as a table keyed by their names (flags, link keys). */
export function tableOf(defs: readonly ParamDef[]): ParamTable {
  return Object.fromEntries(defs.map((d) => [d.name, d]));
}

/** Defaults of a table. */
export function defaultValues(defs: readonly ParamDef[]): ParamValues {
  return defaults(tableOf(defs)) as ParamValues;
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

/** The default as the text a control starts with. */
export function defaultText(def: ParamDef): string {
  return formatText(def, def.default) ?? '';
}

// Shorthands for the experiment tables.
const named = <T extends ParamValue>(
  name: string,
  label: string,
  spec: ParamSpec<T>,
): ParamDef => ({ ...(spec as ParamSpec<ParamValue>), name, label, flag: name, link: name });

export const int = (
  name: string,
  label: string,
  def: number,
  min: number,
  max: number,
  describe: string,
): ParamDef => named(name, label, intParam(def, min, max, describe));
export const float = (
  name: string,
  label: string,
  def: number,
  min: number,
  max: number,
  describe: string,
): ParamDef => named(name, label, floatParam(def, min, max, describe));
export const choice = (
  name: string,
  label: string,
  choices: readonly string[],
  def: string,
  describe: string,
): ParamDef => named(name, label, enumParam(choices, def, describe));
/** `def` is the default's text, "0.05,0.1". */
export const list = (
  name: string,
  label: string,
  def: string,
  min: number,
  max: number,
  describe: string,
  integer = false,
): ParamDef =>
  named(name, label, listParam(def.split(',').map(Number), min, max, describe, { integer }));
/** `def` is the default's text, "hebbian,storkey". */
export const subset = (
  name: string,
  label: string,
  choices: readonly string[],
  def: string,
  describe: string,
): ParamDef => named(name, label, subsetParam(choices, def.split(','), describe));

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
