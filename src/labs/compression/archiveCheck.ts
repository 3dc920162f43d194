/**
 * An imported file is checked before anything on the page changes: its
 * size, then its shape (src/models/compression/archive's format: magic,
 * version, header, and every section the header lists, with the length its
 * sizes imply), then whether it compresses the dataset on the page (same
 * dataset, records and fields). importArchive alone checks only the total
 * length; this says, in words, everything that does not fit.
 */
import { ARCHIVE_MAGIC, ARCHIVE_VERSION } from '../../models/compression/archive';
import { MAX_BITS, MIN_BITS } from '../../models/compression/autoencoder';
import { bytesPerCode } from '../../models/compression/codes';
import { PRECISIONS } from '../../models/compression/model';
import { inputWidth, type Field, type Table } from '../../models/compression/table';

/** The largest file the page reads (a 100,000-record file of 256-bit codes is about 4 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface ArchiveHeader {
  dataset: string;
  label: string;
  records: number;
  bits: number;
  hidden: number;
  inputs: number;
  precision: string;
  encoder: boolean;
  fields: Field[];
  sections: { name: string; type: string; length: number }[];
}

const pad4 = (x: number): number => (x + 3) & ~3;
const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

function fieldProblem(f: unknown, i: number): string | null {
  const g = f as Partial<Field> | null;
  if (!g || typeof g !== 'object' || typeof g.name !== 'string') return `field ${i} has no name`;
  if (g.kind === 'category') {
    return isStrings(g.labels) && g.labels.length > 0 ? null : `field ${g.name} has no labels`;
  }
  if (g.kind === 'numeric') {
    return isStrings(g.columns) && g.columns.length > 0 ? null : `field ${g.name} has no columns`;
  }
  return `field ${g.name} is neither a category nor numeric`;
}

/** The sections a header with these sizes must list, in order. */
function expectedSections(h: ArchiveHeader) {
  const w = h.precision === 'float16' ? 'f16' : 'f32';
  const { inputs: d, hidden: hh, bits: k } = h;
  return [
    { name: 'norm.mean', type: 'f32', length: d },
    { name: 'norm.sd', type: 'f32', length: d },
    { name: 'w3', type: w, length: k * hh },
    { name: 'b3', type: w, length: hh },
    { name: 'w4', type: w, length: hh * d },
    { name: 'b4', type: w, length: d },
    ...(h.encoder
      ? [
          { name: 'w1', type: w, length: d * hh },
          { name: 'b1', type: w, length: hh },
          { name: 'w2', type: w, length: hh * k },
          { name: 'b2', type: w, length: k },
        ]
      : []),
    { name: 'codes', type: 'u8', length: h.records * bytesPerCode(k) },
  ];
}

const sectionBytes = (s: { type: string; length: number }) =>
  pad4(s.length * (s.type === 'u8' ? 1 : s.type === 'f16' ? 2 : 4));

/** Why a file of this many bytes is not read at all, or null. */
export function sizeProblem(size: number): string | null {
  return size > MAX_IMPORT_BYTES
    ? `The file is ${(size / 1e6).toFixed(1)} MB; the page reads files of at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
    : null;
}

/** Reads and checks the header; `problems` says what is wrong (empty: the file is well formed). */
export function checkArchiveShape(bytes: Uint8Array): {
  header: ArchiveHeader | null;
  problems: string[];
} {
  const fail = (p: string) => ({ header: null, problems: [p] });
  const size = sizeProblem(bytes.length);
  if (size) return fail(size);
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 8)) !== ARCHIVE_MAGIC) {
    return fail(
      `This is not an Engram compressed dataset (it does not start with "${ARCHIVE_MAGIC}").`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== ARCHIVE_VERSION)
    return fail(`The file has format version ${version}, not ${ARCHIVE_VERSION}.`);
  const j = view.getUint32(12, true);
  if (16 + j > bytes.length) return fail('The file is cut short inside its header.');
  let h: ArchiveHeader;
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + j)));
  } catch {
    return fail('The file’s header is not readable JSON.');
  }
  if (!h || typeof h !== 'object') return fail('The file’s header is not an object.');
  const problems: string[] = [];
  if (typeof h.dataset !== 'string') problems.push('the header names no dataset');
  if (!isWhole(h.records, 1)) problems.push('the header gives no record count');
  if (!isWhole(h.bits, MIN_BITS, MAX_BITS))
    problems.push(`the code length is not ${MIN_BITS} to ${MAX_BITS} bits`);
  if (!isWhole(h.hidden, 1, 1 << 16)) problems.push('the hidden layer size is not a whole number');
  if (!PRECISIONS.includes(h.precision as (typeof PRECISIONS)[number]))
    problems.push(`the precision "${String(h.precision)}" is not ${PRECISIONS.join(' or ')}`);
  if (typeof h.encoder !== 'boolean')
    problems.push('the header does not say whether the encoder is in the file');
  if (!Array.isArray(h.fields) || h.fields.length === 0)
    problems.push('the header lists no fields');
  else
    h.fields.forEach((f, i) => {
      const p = fieldProblem(f, i);
      if (p) problems.push(p);
    });
  if (!Array.isArray(h.sections)) problems.push('the header lists no sections');
  if (problems.length) return { header: null, problems: problems.map(sentence) };
  if (h.inputs !== inputWidth(h.fields)) {
    problems.push(
      `the header says ${h.inputs} inputs, but its fields make ${inputWidth(h.fields)}`,
    );
  }
  const want = expectedSections(h);
  const got = h.sections;
  if (
    want.length !== got.length ||
    want.some(
      (s, i) => s.name !== got[i]?.name || s.type !== got[i]?.type || s.length !== got[i]?.length,
    )
  ) {
    problems.push(
      `its sections do not fit K = ${h.bits}, H = ${h.hidden}, D = ${h.inputs} and ${h.records} records`,
    );
  } else {
    const total = pad4(16 + j) + want.reduce((t, s) => t + sectionBytes(s), 0);
    if (total !== bytes.length)
      problems.push(`it is ${bytes.length} bytes, but its header says ${total}`);
  }
  return { header: problems.length ? null : h, problems: problems.map(sentence) };
}

function sentence(p: string): string {
  const s = p[0].toUpperCase() + p.slice(1);
  return s.endsWith('.') ? s : `${s}.`;
}

const sameField = (a: Field, b: Field): boolean =>
  a.kind === b.kind &&
  a.name === b.name &&
  (a.kind === 'category'
    ? JSON.stringify(a.labels) === JSON.stringify((b as typeof a).labels)
    : JSON.stringify(a.columns) === JSON.stringify((b as typeof a).columns));

/** Why a well-formed file does not compress the records on the page (empty: it does). */
export function checkAgainstTable(h: ArchiveHeader, table: Table): string[] {
  const problems: string[] = [];
  const what = `${table.n.toLocaleString('en')} ${table.dataset} records`;
  if (h.dataset !== table.dataset || h.records !== table.n) {
    problems.push(
      `This file compresses ${h.records.toLocaleString('en')} ${h.dataset} records; the page has ${what}. Set the dataset and records to match and generate them first.`,
    );
  } else if (
    h.fields.length !== table.fields.length ||
    h.fields.some((f, i) => !sameField(f, table.fields[i]))
  ) {
    problems.push(
      `This file's fields (${h.fields.map((f) => f.name).join(', ')}, ${h.inputs} inputs) are not those of the ${what} on the page (genes per cell?).`,
    );
  }
  return problems;
}
