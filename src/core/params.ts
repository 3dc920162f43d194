/**
 * One typed parameter table per lab (and per command-line experiment), from
 * which come the store's defaults, reading and writing the link, the
 * command-line flags, and every bad-value message. TensorFlow Playground's
 * state.ts is the model: each parameter is listed once (name, kind, default,
 * range, meaning).
 *
 *   const PARAMS = {
 *     rule: enumParam(['hebbian', 'storkey', 'pinv'], 'hebbian', 'learning rule'),
 *     dynamics: enumParam(['async', 'sync'], 'async', 'recall dynamics', { link: 'dyn' }),
 *     noise: floatParam(0.2, 0, 1, 'fraction of cue units flipped'),
 *     loads: listParam([0.05, 0.1], 0, 2, 'loads N/D'),
 *   };
 *   defaults(PARAMS)                    // { rule: 'hebbian', dynamics: 'async', ... }, typed
 *   decodeParams(PARAMS, query)         // { values, errors } from "rule=storkey&dyn=sync"
 *   encodeParams(PARAMS, values)        // "rule=storkey&dyn=sync"
 *   parseArgs(PARAMS, ['--noise', '0.3'])  // the same values from a command line
 *
 * The table's keys are the store's field names. A parameter's key in the
 * link is `link` (default: the table key; `false`: not in the link), its
 * command-line flag is `flag` (default: the key in kebab-case; `false`: no
 * flag).
 *
 * This file holds the kinds, their constructors, one value's text form
 * (parseText, formatText, sameValue) and the table helpers (defaults, pick,
 * changedIn). The link codec (decodeParams, encodeParams, namedIn,
 * updateQuery, parseHash, formatHash) is in paramLink.ts; command lines
 * (parseArgs, describeArgs) are in paramArgs.ts.
 */
import {
  decodePatterns,
  encodeShortPatterns,
  samePatternSet,
  type PatternSet,
} from './patternCodec';

export type ParamKind =
  'int' | 'float' | 'enum' | 'bool' | 'string' | 'patterns' | 'list' | 'subset' | 'custom';

/** Why a text is not a value: `why` for the link ("is not ..."), `must` for flags ("must be ..."). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string; must: string };

export interface ParamSpec<T> {
  kind: ParamKind;
  default: T;
  /** What the parameter means, for help text and error lines. */
  describe: string;
  /** A control's label, where a page builds controls from the table. */
  label?: string;
  /** The key in the link (default: the table key); false: not in the link. */
  link?: string | false;
  /** The command-line flag without dashes (default: the table key in kebab-case); false: none. */
  flag?: string | false;
  /** int, float, list: inclusive bounds. */
  min?: number;
  max?: number;
  /** list: whole numbers only. */
  integer?: boolean;
  /** enum, subset: the allowed values. */
  values?: readonly string[];
  /** string: the longest accepted value (default 200); list: most entries (default 200). */
  maxLength?: number;
  /** custom: reads a text (never throws). */
  read?(text: string): Parsed<T>;
  /** custom: writes a value (null: cannot be written). */
  write?(value: T): string | null;
  /** custom: equality (default ===). */
  same?(a: T, b: T): boolean;
  /** custom: how messages name the default ("using an empty pad"); default: its text. */
  shown?: string;
}

export interface ParamOptions {
  link?: string | false;
  flag?: string | false;
  label?: string;
}

export type ValueOf<P> = P extends ParamSpec<infer T> ? T : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ParamTable = Record<string, ParamSpec<any>>;
export type ParamValues<S extends ParamTable> = { [K in keyof S]: ValueOf<S[K]> };

/** A mistake in how a command was called: reported on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A number in [min, max]. */
export function floatParam(
  def: number,
  min: number,
  max: number,
  describe: string,
  options: ParamOptions = {},
): ParamSpec<number> {
  return { kind: 'float', default: def, min, max, describe, ...options };
}

/** A whole number in [min, max] (the same arguments as floatParam). */
export function intParam(...args: Parameters<typeof floatParam>): ParamSpec<number> {
  return { ...floatParam(...args), kind: 'int' };
}

export function enumParam<const V extends readonly string[]>(
  values: V,
  def: V[number],
  describe: string,
  options: ParamOptions = {},
): ParamSpec<V[number]> {
  return { kind: 'enum', default: def, values, describe, ...options };
}

export function boolParam(
  def: boolean,
  describe: string,
  options: ParamOptions = {},
): ParamSpec<boolean> {
  return { kind: 'bool', default: def, describe, ...options };
}

export function stringParam(
  def: string,
  describe: string,
  maxLength = 200,
  options: ParamOptions = {},
): ParamSpec<string> {
  return { kind: 'string', default: def, maxLength, describe, ...options };
}

/** Bipolar patterns in the short form of patternCodec.ts (older plain links still read); default none. */
export function patternsParam(
  describe: string,
  options: ParamOptions = {},
): ParamSpec<PatternSet | null> {
  return { kind: 'patterns', default: null, describe, ...options };
}

/** Comma-separated numbers in [min, max] ("0.05,0.1"), read sorted and without repeats. */
export function listParam(
  def: readonly number[],
  min: number,
  max: number,
  describe: string,
  options: ParamOptions & { integer?: boolean; maxLength?: number } = {},
): ParamSpec<number[]> {
  return { kind: 'list', default: [...def], min, max, describe, ...options };
}

/** Comma-separated choices ("hebbian,storkey"), read in the order of `values`. */
export function subsetParam<const V extends readonly string[]>(
  values: V,
  def: readonly V[number][],
  describe: string,
  options: ParamOptions = {},
): ParamSpec<V[number][]> {
  return { kind: 'subset', default: [...def], values, describe, ...options };
}

/** A value with its own text form (a drawing, three digits): `read` never throws. */
export function customParam<T>(
  def: T,
  describe: string,
  codec: {
    read: (text: string) => Parsed<T>;
    write: (value: T) => string | null;
    same?: (a: T, b: T) => boolean;
    shown?: string;
  },
  options: ParamOptions = {},
): ParamSpec<T> {
  return { kind: 'custom', default: def, describe, ...codec, ...options };
}

/** A failed parse with both phrasings. */
export function invalid<T>(why: string, must: string): Parsed<T> {
  return { ok: false, why, must };
}

const INT_RE = /^[+-]?\d{1,16}$/;
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function parseNumber(spec: ParamSpec<unknown>, s: string, integer: boolean): Parsed<number> {
  const range = `between ${spec.min} and ${spec.max}`;
  const whole = integer ? 'a whole number' : 'a number';
  const v = Number(s);
  if (!FLOAT_RE.test(s) || !Number.isFinite(v))
    return invalid(`is not ${whole} ${range}`, `must be a number; got '${s}'`);
  if (integer && (!INT_RE.test(s) || !Number.isInteger(v)))
    return invalid(`is not ${whole} ${range}`, `must be an integer; got '${s}'`);
  if (v < spec.min!)
    return invalid(`is not ${whole} ${range}`, `must be at least ${spec.min}; got ${v}`);
  if (v > spec.max!)
    return invalid(`is not ${whole} ${range}`, `must be at most ${spec.max}; got ${v}`);
  return { ok: true, value: v };
}

/**
 * Reads one text as a value of `spec`; `null` text means a bare key (a
 * flag or link key with no value: true for a bool). Never throws.
 */
export function parseText<T>(spec: ParamSpec<T>, raw: string | null): Parsed<T> {
  const s = raw ?? '';
  const ok = (value: unknown): Parsed<T> => ({ ok: true, value: value as T });
  switch (spec.kind) {
    case 'int':
    case 'float':
      return parseNumber(spec, s, spec.kind === 'int') as Parsed<T>;
    case 'enum': {
      const values = spec.values ?? [];
      const hit =
        values.find((v) => v === s) ?? values.find((v) => v.toLowerCase() === s.toLowerCase());
      const choices = values.join(', ');
      return hit !== undefined
        ? ok(hit)
        : invalid(`is not one of ${choices}`, `must be one of ${choices}; got '${s}'`);
    }
    case 'bool': {
      if (raw === null) return ok(true);
      const l = s.toLowerCase();
      if (TRUE.includes(l)) return ok(true);
      if (FALSE.includes(l)) return ok(false);
      return invalid('is not true or false', `must be true or false; got '${s}'`);
    }
    case 'string': {
      const max = spec.maxLength ?? 200;
      return s.length <= max
        ? ok(s)
        : invalid(`is longer than ${max} characters`, `must be at most ${max} characters`);
    }
    case 'patterns':
      try {
        return ok(decodePatterns(s));
      } catch (e) {
        const why = `could not be read as patterns (${(e as Error).message})`;
        return invalid(why, why.replace('could not', 'must'));
      }
    case 'list': {
      const parts = splitList(s);
      const max = spec.maxLength ?? 200;
      if (parts.length === 0) return invalid('has no numbers', 'needs at least one number');
      if (parts.length > max)
        return invalid(
          `has more than ${max} numbers`,
          `takes at most ${max} numbers; got ${parts.length}`,
        );
      const values: number[] = [];
      for (const p of parts) {
        const v = Number(p);
        const entry = (what: string) =>
          invalid<T>(
            `is not a list of numbers between ${spec.min} and ${spec.max} (${what})`,
            `: ${what}`,
          );
        if (!FLOAT_RE.test(p) || !Number.isFinite(v)) return entry(`'${p}' is not a number`);
        if (spec.integer && !Number.isInteger(v)) return entry(`${p} is not a whole number`);
        if (v < spec.min! || v > spec.max!)
          return entry(`${v} is not between ${spec.min} and ${spec.max}`);
        values.push(v);
      }
      return ok([...new Set(values)].sort((a, b) => a - b));
    }
    case 'subset': {
      const values = spec.values ?? [];
      const parts = splitList(s);
      const choices = values.join(', ');
      if (parts.length === 0)
        return invalid(`names none of ${choices}`, `needs at least one of ${choices}`);
      const bad = parts.find((p) => !values.includes(p));
      if (bad !== undefined)
        return invalid(
          `holds '${bad}', which is not one of ${choices}`,
          `: '${bad}' is not one of ${choices}`,
        );
      return ok(values.filter((c) => parts.includes(c)));
    }
    case 'custom':
      return spec.read!(s);
  }
}

/** The text of a value (the inverse of parseText), or null when it cannot be written. */
export function formatText<T>(spec: ParamSpec<T>, v: T): string | null {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return typeof v === 'number' ? String(v) : null;
    case 'enum':
    case 'string':
      return typeof v === 'string' ? v : null;
    case 'bool':
      return typeof v === 'boolean' ? String(v) : null;
    case 'list':
    case 'subset':
      return Array.isArray(v) ? v.join(',') : null;
    case 'patterns': {
      const set = v as PatternSet | null;
      if (!set) return null;
      try {
        // The shorter of the plain and the deflate form; both decode (patternCodec.ts).
        return encodeShortPatterns(set.width, set.height, set.patterns, set.randomSeeds);
      } catch {
        return null;
      }
    }
    case 'custom':
      return spec.write!(v);
  }
}

/** Whether two values of `spec` are the same setting. */
export function sameValue<T>(spec: ParamSpec<T>, a: T, b: T): boolean {
  switch (spec.kind) {
    case 'patterns':
      return samePatternSet(a as PatternSet | null, b as PatternSet | null);
    case 'list':
    case 'subset': {
      const x = a as unknown[];
      const y = b as unknown[];
      return (
        Array.isArray(x) &&
        Array.isArray(y) &&
        x.length === y.length &&
        x.every((v, i) => v === y[i])
      );
    }
    case 'custom':
      return spec.same ? spec.same(a, b) : a === b;
    default:
      return a === b;
  }
}

/** The table's defaults, typed (arrays and typed arrays copied, so a caller may keep them). */
export function defaults<S extends ParamTable>(spec: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(spec)) {
    const d = spec[k].default;
    out[k] = Array.isArray(d) ? [...d] : ArrayBuffer.isView(d) ? (d as Float32Array).slice() : d;
  }
  return out as ParamValues<S>;
}

/** The table's fields of a state (a store's state holds them under the same keys). */
export function pick<S extends ParamTable>(
  spec: S,
  state: Partial<ParamValues<S>>,
): Partial<ParamValues<S>> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(spec)) if (k in state) out[k] = state[k as keyof S];
  return out as Partial<ParamValues<S>>;
}

/** Whether any of the table's fields differ between two states (for "rewrite the link?"). */
export function changedIn<S extends ParamTable>(spec: S, a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Object.keys(spec).some((k) => x[k] !== y[k]);
}

/** How messages name a default: "using 0.2" in a link's error lines, "(default 0.2)" in --help. */
export function showDefault(spec: ParamSpec<unknown>): string {
  if (spec.shown !== undefined) return spec.shown;
  if (spec.default === null) return 'none';
  if (spec.kind === 'patterns') return 'the default patterns';
  if (spec.kind === 'string') return spec.default === '' ? 'empty' : `"${spec.default}"`;
  return formatText(spec, spec.default) ?? String(spec.default);
}
