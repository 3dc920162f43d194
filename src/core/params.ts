/**
 * One table of shareable state per lab, read from and written to the hash.
 *
 * A lab declares its parameters once, as TensorFlow Playground's state.ts
 * does:
 *
 *   const PARAMS = {
 *     rule: enumParam(['hebbian', 'storkey', 'pinv'], 'hebbian', 'learning rule'),
 *     size: intParam(16, 4, 64, 'grid side in units'),
 *     noise: floatParam(0.2, 0, 1, 'fraction of cue units flipped'),
 *     seed: intParam(1, 0, 999_999, 'random seed'),
 *     cue: patternsParam('the drawn cue'),
 *   };
 *   const { values, errors } = decodeParams(PARAMS, parseHash(location.hash).query);
 *
 * Rules of the codec:
 * - Decoding never throws. A bad value (not a number, out of range, not one
 *   of the choices, an unreadable pattern) falls back to the default and adds
 *   one visitor-readable line to `errors`.
 * - A key that is not in the table but looks like a name (letters, digits,
 *   `_`, `-`, `.`) is ignored silently: other layers read their own keys from
 *   the same query (`backend=`), and old links may carry retired settings.
 *   A piece that is clearly malformed (broken `%` escapes, an empty or
 *   garbled key) is ignored with an error line.
 * - When a key repeats, the last one wins.
 * - Encoding omits values equal to the default and writes keys in table
 *   order, so equal states give equal links. A value that would not decode
 *   back to itself (out of range, NaN) is left out rather than written.
 */
import { decodePatterns, encodePatterns, samePatternSet, type PatternSet } from './patternCodec';

export type ParamKind = 'int' | 'float' | 'enum' | 'bool' | 'string' | 'patterns';

export interface ParamSpec<T> {
  kind: ParamKind;
  default: T;
  /** int, float: inclusive bounds. */
  min?: number;
  max?: number;
  /** enum: the allowed values. */
  values?: readonly string[];
  /** string: the longest accepted value (default 200). */
  maxLength?: number;
  /** What the parameter means, for help text and error lines. */
  describe: string;
}

export type ValueOf<P> = P extends ParamSpec<infer T> ? T : never;
export type ParamTable = Record<string, ParamSpec<unknown>>;
export type ParamValues<S extends ParamTable> = { [K in keyof S]: ValueOf<S[K]> };

export interface Decoded<V> {
  values: V;
  /** Visitor-readable, one line per bad parameter or malformed piece. */
  errors: string[];
}

export function intParam(
  def: number,
  min: number,
  max: number,
  describe: string,
): ParamSpec<number> {
  return { kind: 'int', default: def, min, max, describe };
}

export function floatParam(
  def: number,
  min: number,
  max: number,
  describe: string,
): ParamSpec<number> {
  return { kind: 'float', default: def, min, max, describe };
}

export function enumParam<const V extends readonly string[]>(
  values: V,
  def: V[number],
  describe: string,
): ParamSpec<V[number]> {
  return { kind: 'enum', default: def, values, describe };
}

export function boolParam(def: boolean, describe: string): ParamSpec<boolean> {
  return { kind: 'bool', default: def, describe };
}

export function stringParam(def: string, describe: string, maxLength = 200): ParamSpec<string> {
  return { kind: 'string', default: def, maxLength, describe };
}

/** Bipolar patterns in the compact form of patternCodec.ts; default none. */
export function patternsParam(describe: string): ParamSpec<PatternSet | null> {
  return { kind: 'patterns', default: null, describe };
}

const INT_RE = /^[+-]?\d{1,16}$/;
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NAME_RE = /^[A-Za-z_][\w.-]{0,63}$/;
const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

type Parsed = { ok: true; value: unknown } | { ok: false; why: string };

/** Reads one raw (already percent-decoded) value; `null` raw means a bare key. */
function parseValue(spec: ParamSpec<unknown>, raw: string | null): Parsed {
  const s = raw ?? '';
  const range = `between ${spec.min} and ${spec.max}`;
  switch (spec.kind) {
    case 'int': {
      const v = Number(s);
      return INT_RE.test(s) && v >= spec.min! && v <= spec.max!
        ? { ok: true, value: v }
        : { ok: false, why: `is not a whole number ${range}` };
    }
    case 'float': {
      const v = Number(s);
      return FLOAT_RE.test(s) && Number.isFinite(v) && v >= spec.min! && v <= spec.max!
        ? { ok: true, value: v }
        : { ok: false, why: `is not a number ${range}` };
    }
    case 'enum': {
      const values = spec.values ?? [];
      const hit =
        values.find((v) => v === s) ?? values.find((v) => v.toLowerCase() === s.toLowerCase());
      return hit !== undefined
        ? { ok: true, value: hit }
        : { ok: false, why: `is not one of ${values.join(', ')}` };
    }
    case 'bool': {
      if (raw === null) return { ok: true, value: true };
      const l = s.toLowerCase();
      if (TRUE.includes(l)) return { ok: true, value: true };
      if (FALSE.includes(l)) return { ok: true, value: false };
      return { ok: false, why: 'is not true or false' };
    }
    case 'string': {
      const max = spec.maxLength ?? 200;
      return s.length <= max
        ? { ok: true, value: s }
        : { ok: false, why: `is longer than ${max} characters` };
    }
    case 'patterns':
      try {
        return { ok: true, value: decodePatterns(s) };
      } catch (e) {
        return { ok: false, why: `could not be read as patterns (${(e as Error).message})` };
      }
  }
}

function showDefault(spec: ParamSpec<unknown>): string {
  if (spec.default === null) return 'none';
  if (spec.kind === 'patterns') return 'the default patterns';
  if (spec.kind === 'string') return spec.default === '' ? 'empty' : `"${spec.default}"`;
  return String(spec.default);
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

function decodePiece(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Splits "a=1&b=2" (a leading "?" is allowed) into pieces; never throws. */
function splitQuery(query: string): { key: string; raw: string | null; piece: string }[] {
  const q = query.startsWith('?') ? query.slice(1) : query;
  return q
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => {
      const eq = piece.indexOf('=');
      return eq < 0
        ? { key: piece, raw: null, piece }
        : { key: piece.slice(0, eq), raw: piece.slice(eq + 1), piece };
    });
}

/** Reads every parameter of `spec` from a query string. Never throws. */
export function decodeParams<S extends ParamTable>(
  spec: S,
  query: string,
): Decoded<ParamValues<S>> {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const k of Object.keys(spec)) values[k] = spec[k].default;

  const found = new Map<string, { raw: string | null; shown: string; broken: boolean }>();
  for (const { key: rawKey, raw, piece } of splitQuery(query)) {
    const key = decodePiece(rawKey);
    if (key === null || !NAME_RE.test(key)) {
      errors.push(`Ignored "${clip(piece)}" in the link: it is not a setting.`);
      continue;
    }
    if (!Object.hasOwn(spec, key)) continue;
    const value = raw === null ? null : decodePiece(raw);
    found.set(key, {
      raw: value,
      shown: value ?? raw ?? '',
      broken: raw !== null && value === null,
    });
  }

  for (const [key, { raw, shown, broken }] of found) {
    const p = spec[key];
    const parsed: Parsed = broken
      ? { ok: false, why: 'is not valid URL encoding' }
      : parseValue(p, raw);
    if (parsed.ok) values[key] = parsed.value;
    else errors.push(`${key}=${clip(shown)} ${parsed.why}; using ${showDefault(p)}.`);
  }
  return { values: values as ParamValues<S>, errors };
}

function sameValue(spec: ParamSpec<unknown>, a: unknown, b: unknown): boolean {
  if (spec.kind === 'patterns')
    return samePatternSet(a as PatternSet | null, b as PatternSet | null);
  return a === b;
}

/** The query text of one value, or null when it cannot be written. */
function formatValue(spec: ParamSpec<unknown>, v: unknown): string | null {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return typeof v === 'number' ? String(v) : null;
    case 'enum':
    case 'string':
      return typeof v === 'string' ? v : null;
    case 'bool':
      return typeof v === 'boolean' ? String(v) : null;
    case 'patterns': {
      const set = v as PatternSet | null;
      if (!set) return null;
      try {
        return encodePatterns(set.width, set.height, set.patterns);
      } catch {
        return null;
      }
    }
  }
}

/**
 * Writes the non-default values of `spec` as a query string ("a=1&b=x"),
 * keys in table order. Values that would not decode back (out of range,
 * wrong type) are left out, so a link always reads back cleanly.
 */
export function encodeParams<S extends ParamTable>(
  spec: S,
  values: Partial<ParamValues<S>>,
): string {
  const parts: string[] = [];
  for (const key of Object.keys(spec)) {
    const p = spec[key];
    const v = values[key];
    if (v === undefined || sameValue(p, v, p.default)) continue;
    const text = formatValue(p, v);
    if (text === null) continue;
    const back = parseValue(p, text);
    if (!back.ok || !sameValue(p, back.value, v)) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.join('&');
}

/**
 * Rewrites the keys of `spec` in an existing query and keeps every other
 * piece (e.g. `backend=wasm`) as it was, in its place before the lab's keys.
 */
export function updateQuery<S extends ParamTable>(
  query: string,
  spec: S,
  values: Partial<ParamValues<S>>,
): string {
  const kept = splitQuery(query)
    .filter(({ key }) => !Object.hasOwn(spec, decodePiece(key) ?? key))
    .map(({ piece }) => piece);
  const own = encodeParams(spec, values);
  return [...kept, ...(own ? [own] : [])].join('&');
}

/** "#/hopfield?rule=storkey&size=16" → { path: '/hopfield', query: 'rule=storkey&size=16' }. */
export function parseHash(hash: string): { path: string; query: string } {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  let path = q < 0 ? h : h.slice(0, q);
  const query = q < 0 ? '' : h.slice(q + 1);
  if (!path.startsWith('/')) path = '/' + path;
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';
  return { path, query };
}

/** The inverse of parseHash: ("/hopfield", "size=16") → "#/hopfield?size=16". */
export function formatHash(path: string, query: string): string {
  const p = path.startsWith('/') ? path : '/' + path;
  const q = query.startsWith('?') ? query.slice(1) : query;
  return `#${p}${q ? '?' + q : ''}`;
}
