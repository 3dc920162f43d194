/**
 * Reading and writing a lab's link from its parameter table (params.ts):
 * the query codec (decodeParams, encodeParams, namedIn, updateQuery) and the
 * hash around it (parseHash, formatHash).
 *
 * Rules of the link codec:
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
import {
  defaults,
  formatText,
  invalid,
  parseText,
  sameValue,
  showDefault,
  type ParamTable,
  type ParamValues,
  type Parsed,
} from './params';

export interface Decoded<V> {
  values: V;
  /** Visitor-readable, one line per bad parameter or malformed piece. */
  errors: string[];
}

const NAME_RE = /^[A-Za-z_][\w.-]{0,63}$/;

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

/**
 * The key of one `key=value` piece of a query, decoded as the link readers
 * decode it; a malformed escape (a stray `%`) reads as written, never a throw.
 */
export function pieceKey(piece: string): string {
  const eq = piece.indexOf('=');
  const key = eq < 0 ? piece : piece.slice(0, eq);
  return decodePiece(key) ?? key;
}

/** The non-empty pieces of "a=1&b=2" (a leading "?" is allowed), as written. */
export function queryPieces(query: string): string[] {
  const q = query.startsWith('?') ? query.slice(1) : query;
  return q.split('&').filter((piece) => piece !== '');
}

/** Splits "a=1&b=2" (a leading "?" is allowed) into pieces; never throws. */
function splitQuery(query: string): { key: string; raw: string | null; piece: string }[] {
  return queryPieces(query).map((piece) => {
    const eq = piece.indexOf('=');
    return eq < 0
      ? { key: piece, raw: null, piece }
      : { key: piece.slice(0, eq), raw: piece.slice(eq + 1), piece };
  });
}

/** The key of each linked parameter in the link → its table key. */
function linkKeys(spec: ParamTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of Object.keys(spec)) {
    const l = spec[k].link;
    if (l !== false) out.set(l ?? k, k);
  }
  return out;
}

/** Reads every linked parameter of `spec` from a query string. Never throws. */
export function decodeParams<S extends ParamTable>(
  spec: S,
  query: string,
): Decoded<ParamValues<S>> {
  const values: Record<string, unknown> = defaults(spec);
  const errors: string[] = [];
  const keys = linkKeys(spec);

  const found = new Map<string, { raw: string | null; shown: string; broken: boolean }>();
  for (const { key: rawKey, raw, piece } of splitQuery(query)) {
    const key = decodePiece(rawKey);
    if (key === null || !NAME_RE.test(key)) {
      errors.push(`Ignored "${clip(piece)}" in the link: it is not a setting.`);
      continue;
    }
    if (!keys.has(key)) continue;
    const value = raw === null ? null : decodePiece(raw);
    found.set(key, {
      raw: value,
      shown: value ?? raw ?? '',
      broken: raw !== null && value === null,
    });
  }

  for (const [linkKey, { raw, shown, broken }] of found) {
    const field = keys.get(linkKey)!;
    const p = spec[field];
    const parsed: Parsed<unknown> = broken
      ? invalid('is not valid URL encoding', 'is not valid URL encoding')
      : parseText(p, raw);
    if (parsed.ok) values[field] = parsed.value;
    else errors.push(`${linkKey}=${clip(shown)} ${parsed.why}; using ${showDefault(p)}.`);
  }
  return { values: values as ParamValues<S>, errors };
}

/**
 * Writes the non-default linked values of `spec` as a query string
 * ("a=1&b=x"), keys in table order. Values that would not decode back (out
 * of range, wrong type) are left out, so a link always reads back cleanly.
 */
export function encodeParams<S extends ParamTable>(
  spec: S,
  values: Partial<ParamValues<S>>,
): string {
  const parts: string[] = [];
  for (const key of Object.keys(spec)) {
    const p = spec[key];
    if (p.link === false) continue;
    const v = values[key as keyof S];
    if (v === undefined || sameValue(p, v, p.default)) continue;
    const text = formatText(p, v);
    if (text === null) continue;
    const back = parseText(p, text);
    if (!back.ok || !sameValue(p, back.value, v)) continue;
    parts.push(`${encodeURIComponent(p.link ?? key)}=${encodeURIComponent(text)}`);
  }
  return parts.join('&');
}

/**
 * The table keys a query names, valid values or not: tells a link that says
 * `size=16` from one that says nothing about the size. Never throws.
 */
export function namedIn<S extends ParamTable>(spec: S, query: string): Set<keyof S> {
  const keys = linkKeys(spec);
  const out = new Set<keyof S>();
  for (const { key } of splitQuery(query)) {
    const field = keys.get(decodePiece(key) ?? key);
    if (field !== undefined) out.add(field);
  }
  return out;
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
  const keys = linkKeys(spec);
  const kept = splitQuery(query)
    .filter(({ key }) => !keys.has(decodePiece(key) ?? key))
    .map(({ piece }) => piece);
  const own = encodeParams(spec, values);
  return [...kept, ...(own ? [own] : [])].join('&');
}

// --- the hash -------------------------------------------------------------

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
