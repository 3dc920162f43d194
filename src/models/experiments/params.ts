/**
 * Experiment parameters, declared once per experiment as a typed table of
 * the core codec (src/core/params.ts) and read by both the command-line
 * runner (as --flags) and the page (as controls and link keys), so a flag and
 * its control have the same name, default and range.
 *
 * A table's keys are the parameters' kebab-case names: the flag
 * (`--flip-fraction`), the link key (`flip-fraction=0.1`), the control's
 * name and the key of the values an experiment's run receives, typed by the
 * table (`values['flip-fraction']` is a number, `values.rule` a Rule[]).
 * Each entry also has a control `label`.
 *
 * Kinds: 'int' and 'float' numbers within [min, max]; 'enum' one of
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
  type ParamValues,
} from '../../core/params';
import { DIAGONALS, RULES, type Rule } from '../classic/hopfield';
import { KM_DEFAULT_MARGIN } from '../classic/rules';
import { UNLEARNING_DEFAULTS } from '../classic/unlearning';

/** A parameter of an experiment: a table entry with a control label. */
export type ParamDef<T> = ParamSpec<T> & { label: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads one raw text value of parameter `name` (surrounding blanks ignored). */
export function parseParam<T>(name: string, def: ParamSpec<T>, raw: string): Parsed<T> {
  const p = parseText(def, raw.trim());
  if (p.ok) return p;
  return { ok: false, error: `${name}${p.must.startsWith(':') ? '' : ' '}${p.must}` };
}

/** The value as the text a control shows (the inverse of parseParam). */
export function formatParam<T>(def: ParamSpec<T>, value: T): string {
  return formatText(def, value) ?? '';
}

/** The defaults as the texts the controls start with, by parameter name. */
export function defaultTexts(table: ParamTable): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table).map(([name, d]) => [name, formatParam(d, d.default)]),
  );
}

/**
 * Reads raw texts by parameter name (missing names take defaults), typed by
 * the table; one error per bad text, which keeps its default.
 */
export function readValues<S extends ParamTable>(
  table: S,
  raw: Readonly<Record<string, string | undefined>>,
): { values: ParamValues<S>; errors: string[] } {
  const values: Record<string, unknown> = defaults(table);
  const errors: string[] = [];
  for (const [name, def] of Object.entries(table)) {
    const text = raw[name];
    if (text === undefined) continue;
    const p = parseParam(name, def, text);
    if (p.ok) values[name] = p.value;
    else errors.push(p.error);
  }
  return { values: values as ParamValues<S>, errors };
}

// Shorthands for the experiment tables: the label first, then the codec's arguments.
const labelled = <T>(label: string, spec: ParamSpec<T>): ParamDef<T> => ({ ...spec, label });

export const int = (label: string, def: number, min: number, max: number, describe: string) =>
  labelled(label, intParam(def, min, max, describe));

export const float = (label: string, def: number, min: number, max: number, describe: string) =>
  labelled(label, floatParam(def, min, max, describe));

export const choice = <const V extends readonly string[]>(
  label: string,
  choices: V,
  def: V[number],
  describe: string,
) => labelled(label, enumParam(choices, def, describe));

export const list = (
  label: string,
  def: readonly number[],
  min: number,
  max: number,
  describe: string,
  integer = false,
) => labelled(label, listParam(def, min, max, describe, { integer }));

export const subset = <const V extends readonly string[]>(
  label: string,
  choices: V,
  def: readonly V[number][],
  describe: string,
) => labelled(label, subsetParam(choices, def, describe));

/** The same parameter with another default (a shared entry tuned for one experiment). */
export function withDefault<T>(def: ParamDef<T>, value: T): ParamDef<T> {
  return { ...def, default: value };
}

/** The local, incremental learning rules (the pseudo-inverse is neither). */
export const LOCAL_RULES = ['hebbian', 'storkey'] as const satisfies readonly Rule[];
export type LocalRule = (typeof LOCAL_RULES)[number];

/** The rules a weight-matrix sweep can grow (dense-am has its own experiment, dense-capacity). */
export const MATRIX_RULES = RULES.filter((r) => r !== 'dense-am') as Exclude<Rule, 'dense-am'>[];

/**
 * The settings of the rules that take some, shared by the experiments that
 * sweep rules (capacity, noise) and by the command line's recall.
 */
export const RULE_SETTINGS = {
  diagonal: choice(
    "Storkey's diagonal",
    DIAGONALS,
    'zero',
    "Storkey's diagonal: zero (w_ii = 0, the default) or keep (the update applied for i = j too, as Storkey 1997 and the seed's capacity table)",
  ),
  margin: float(
    'Krauth-Mezard margin c',
    KM_DEFAULT_MARGIN,
    0,
    5,
    'Krauth-Mezard: learn until every stability xi_i (W xi)_i / ||w_i|| is at least c',
  ),
  dreams: float(
    'Unlearning: dreams per pattern',
    UNLEARNING_DEFAULTS.dreamsPerPattern,
    0,
    200,
    'unlearning: random states relaxed and subtracted, per stored pattern',
  ),
  epsilon: float(
    'Unlearning strength epsilon',
    UNLEARNING_DEFAULTS.epsilon,
    0,
    1,
    'unlearning: each dream subtracts (epsilon / D) s*_i s*_j',
  ),
};

/** The RuleSettings of ./trials from the values of RULE_SETTINGS. */
export function ruleSettings(v: ParamValues<typeof RULE_SETTINGS>) {
  return {
    diagonal: v.diagonal,
    margin: v.margin,
    dreamsPerPattern: v.dreams,
    epsilon: v.epsilon,
  };
}

/** D, units per pattern, in [min, max]. */
export const units = (def: number, max: number, describe = 'D, units per pattern', min = 4) =>
  int('Units D', def, min, max, describe);

/** N, random patterns stored in each network. */
export const storedPatterns = (def: number) =>
  int('Stored patterns N', def, 1, 2000, 'N, random patterns stored in each network');

/** The fraction of distinct units of each cue flipped, in [0, max]. */
export const flipFraction = (def: number, max = 1) =>
  float('Flip fraction', def, 0, max, 'fraction of distinct units of the cue flipped');

export const FLIP = flipFraction(0.1);

/** The exact-recall rate that a capacity sweep counts as success (0.9 by default). */
export const successThreshold = (
  describe = 'capacity = the largest N whose exact-recall rate is at least this',
) => float('Success threshold', 0.9, 0.01, 1, describe);

export const SEED = int('Seed', 1, 0, 999_999, 'random seed: patterns, cues and update order');

/**
 * The trial settings every sweep of batched recalls takes: networks per
 * point, cues per network, the step limit and the seed.
 */
export const TRIAL_PARAMS = {
  trials: int(
    'Trials (networks) per point',
    20,
    1,
    1000,
    'networks per point, each with its own random patterns',
  ),
  cues: int(
    'Cues per network',
    10,
    1,
    200,
    'cues recalled at once per network (one batch); recalls per point = trials x cues',
  ),
  'max-steps': int(
    'Step limit',
    30,
    1,
    500,
    'synchronous steps (or sweeps) before a recall is stopped',
  ),
  seed: SEED,
};

export type TrialValues = ParamValues<typeof TRIAL_PARAMS>;
