/**
 * The compressed dataset as ONE file: the decoder (and, optionally, the
 * encoder) at its stored precision, the normalisation constants, the field
 * schema and the packed codes. Its length is what the compression ratio
 * divides by, so every byte needed to give the records back is counted.
 *
 * Format "ENGRAMAE" version 1, little-endian:
 *   bytes 0-7   "ENGRAMAE"
 *   u32 @8      version = 1
 *   u32 @12     J, bytes of the header
 *   @16         header: UTF-8 JSON {dataset, label, records, bits, hidden,
 *               inputs, precision, encoder (bool), fields (the ./table
 *               schema: kind, name, labels / columns, metric, unit,
 *               scaling, nonNegative, parent), sections: [{name, type,
 *               length}]}
 *   then zero padding to a multiple of 4, then each section in the order
 *   the header lists it, each padded with zeros to a multiple of 4:
 *     norm.mean, norm.sd  f32 (D each)
 *     w3 (K x H), b3 (H), w4 (H x D), b4 (D)   decoder, 'f16' or 'f32'
 *     w1 (D x H), b1 (H), w2 (H x K), b2 (K)   encoder, only if encoder
 *     codes  u8, records x ceil(K / 8) (./codes bit order)
 * f16 is IEEE binary16 (./float16). Matrices are row-major.
 * The decoder alone gives every record back; the encoder is needed only to
 * encode new queries, so the ratio is quoted without it and with it.
 */
import type { AutoencoderWeights } from './autoencoder';
import { bytesPerCode } from './codes';
import { decodeHalf, encodeHalf } from './float16';
import type { CompressionModel, Precision } from './model';
import type { Field, Table } from './table';

export const ARCHIVE_MAGIC = 'ENGRAMAE';
export const ARCHIVE_VERSION = 1;

type SectionType = 'f32' | 'f16' | 'u8';
interface Section {
  name: string;
  type: SectionType;
  length: number;
}

interface Header {
  dataset: string;
  label: Table['label'];
  records: number;
  bits: number;
  hidden: number;
  inputs: number;
  precision: Precision;
  encoder: boolean;
  fields: Field[];
  sections: Section[];
}

const pad4 = (x: number): number => (x + 3) & ~3;
const sectionBytes = (s: Section): number =>
  pad4(s.length * (s.type === 'u8' ? 1 : s.type === 'f16' ? 2 : 4));

/** The compressed dataset read back from a file. */
export interface Archive {
  readonly model: CompressionModel;
  /** Packed codes of every record. */
  readonly codes: Uint8Array;
  readonly records: number;
  /** False when the file holds the decoder only (the model then cannot encode). */
  readonly hasEncoder: boolean;
}

/** Byte counts of a file's parts (they add up to its length). */
export interface ArchiveBytes {
  readonly total: number;
  readonly header: number;
  readonly normalisation: number;
  readonly decoder: number;
  readonly encoder: number;
  readonly codes: number;
}

const DECODER = ['w3', 'b3', 'w4', 'b4'] as const;
const ENCODER = ['w1', 'b1', 'w2', 'b2'] as const;

/** Writes the file. includeEncoder: add the encoder's weights (default false). */
export function exportArchive(
  model: CompressionModel,
  codes: Uint8Array,
  includeEncoder = false,
): Uint8Array {
  const w = model.weights;
  const records = codes.length / bytesPerCode(w.bits);
  if (!Number.isInteger(records)) throw new RangeError('codes are not whole records');
  const wt: SectionType = model.precision === 'float16' ? 'f16' : 'f32';
  const names = [...DECODER, ...(includeEncoder ? ENCODER : [])];
  const sections: Section[] = [
    { name: 'norm.mean', type: 'f32', length: model.norm.mean.length },
    { name: 'norm.sd', type: 'f32', length: model.norm.sd.length },
    ...names.map((name) => ({ name, type: wt, length: w[name].length })),
    { name: 'codes', type: 'u8', length: codes.length },
  ];
  const header: Header = {
    dataset: model.template.dataset,
    label: model.template.label,
    records,
    bits: w.bits,
    hidden: w.hidden,
    inputs: w.inputs,
    precision: model.precision,
    encoder: includeEncoder,
    fields: [...model.template.fields],
    sections,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = pad4(16 + json.length);
  const out = new Uint8Array(start + sections.reduce((s, x) => s + sectionBytes(x), 0));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = ARCHIVE_MAGIC.charCodeAt(i);
  view.setUint32(8, ARCHIVE_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, 16);
  let o = start;
  const data: Record<string, ArrayLike<number>> = {
    'norm.mean': model.norm.mean,
    'norm.sd': model.norm.sd,
    codes,
  };
  for (const name of names) data[name] = w[name];
  for (const s of sections) {
    const v = data[s.name];
    if (s.type === 'u8') out.set(v, o);
    else if (s.type === 'f16') encodeHalf(v).forEach((h, i) => view.setUint16(o + 2 * i, h, true));
    else for (let i = 0; i < v.length; i++) view.setFloat32(o + 4 * i, v[i], true);
    o += sectionBytes(s);
  }
  return out;
}

function readHeader(bytes: Uint8Array): { header: Header; start: number } {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 8)) !== ARCHIVE_MAGIC) {
    throw new Error('not an Engram compressed dataset (bad magic)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== ARCHIVE_VERSION) throw new Error(`unsupported archive version ${version}`);
  const j = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + j))) as Header;
  return { header, start: pad4(16 + j) };
}

/** Reads a file written by exportArchive. Throws on a wrong magic, version or size. */
export function importArchive(bytes: Uint8Array): Archive {
  const { header, start } = readHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = start + header.sections.reduce((s, x) => s + sectionBytes(x), 0);
  if (total !== bytes.length)
    throw new Error(`archive is ${bytes.length} bytes, header says ${total}`);
  const data: Record<string, Float32Array | Uint8Array> = {};
  let o = start;
  for (const s of header.sections) {
    if (s.type === 'u8') data[s.name] = bytes.slice(o, o + s.length);
    else if (s.type === 'f16') {
      const bits = new Uint16Array(s.length);
      for (let i = 0; i < s.length; i++) bits[i] = view.getUint16(o + 2 * i, true);
      data[s.name] = decodeHalf(bits);
    } else {
      const f = new Float32Array(s.length);
      for (let i = 0; i < s.length; i++) f[i] = view.getFloat32(o + 4 * i, true);
      data[s.name] = f;
    }
    o += sectionBytes(s);
  }
  const f32 = (name: string) => (data[name] as Float32Array | undefined) ?? new Float32Array(0);
  const weights: AutoencoderWeights = {
    inputs: header.inputs,
    hidden: header.hidden,
    bits: header.bits,
    w1: f32('w1'),
    b1: f32('b1'),
    w2: f32('w2'),
    b2: f32('b2'),
    w3: f32('w3'),
    b3: f32('b3'),
    w4: f32('w4'),
    b4: f32('b4'),
  };
  return {
    model: {
      template: { dataset: header.dataset, label: header.label, fields: header.fields },
      norm: { mean: f32('norm.mean'), sd: f32('norm.sd') },
      precision: header.precision,
      weights,
    },
    codes: data.codes as Uint8Array,
    records: header.records,
    hasEncoder: header.encoder,
  };
}

/** How the bytes of a file split into its parts. */
export function archiveBytes(bytes: Uint8Array): ArchiveBytes {
  const { header, start } = readHeader(bytes);
  const part = (names: readonly string[]) =>
    header.sections.filter((s) => names.includes(s.name)).reduce((t, s) => t + sectionBytes(s), 0);
  return {
    total: bytes.length,
    header: start,
    normalisation: part(['norm.mean', 'norm.sd']),
    decoder: part(DECODER),
    encoder: part(ENCODER),
    codes: part(['codes']),
  };
}
