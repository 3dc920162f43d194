import { describe, expect, it } from 'vitest';
import { exportArchive } from '../../models/compression/archive';
import type { AutoencoderWeights } from '../../models/compression/autoencoder';
import { cellAtlasDataset } from '../../models/compression/datasets';
import { freezeModel } from '../../models/compression/model';
import { fitNormalisation, inputWidth } from '../../models/compression/table';
import { checkAgainstTable, checkArchiveShape, MAX_IMPORT_BYTES } from './archiveCheck';

const { table } = cellAtlasDataset(40, 3, 50);
const d = inputWidth(table.fields);
const k = 16;
const h = 8;
const filled = (n: number) => Float32Array.from({ length: n }, (_, i) => ((i % 7) - 3) / 8);
const weights: AutoencoderWeights = {
  inputs: d,
  hidden: h,
  bits: k,
  w1: filled(d * h),
  b1: filled(h),
  w2: filled(h * k),
  b2: filled(k),
  w3: filled(k * h),
  b3: filled(h),
  w4: filled(h * d),
  b4: filled(d),
};
const model = freezeModel(table, fitNormalisation(table), weights, 'float16');
const codes = new Uint8Array(40 * 2).map((_, i) => i);
const file = exportArchive(model, codes);

/** The file with its header JSON replaced (and the lengths kept consistent). */
function withHeader(edit: (h: Record<string, unknown>) => void): Uint8Array {
  const j = new DataView(file.buffer).getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(16, 16 + j)));
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = (16 + j + 3) & ~3;
  const newStart = (16 + json.length + 3) & ~3;
  const out = new Uint8Array(newStart + file.length - start);
  out.set(file.subarray(0, 16));
  new DataView(out.buffer).setUint32(12, json.length, true);
  out.set(json, 16);
  out.set(file.subarray(start), newStart);
  return out;
}

describe('checking an imported file before anything changes', () => {
  it('accepts a file the model wrote, for the records it compresses', () => {
    const { header, problems } = checkArchiveShape(file);
    expect(problems).toEqual([]);
    expect(header?.records).toBe(40);
    expect(checkAgainstTable(header!, table)).toEqual([]);
    expect(checkArchiveShape(exportArchive(model, codes, true)).problems).toEqual([]);
  });

  it('refuses files that are not archives, or are cut short or padded', () => {
    expect(checkArchiveShape(new TextEncoder().encode('cell_id,class\n0,x'))).toMatchObject({
      header: null,
      problems: [expect.stringMatching(/not an Engram compressed dataset/)],
    });
    expect(checkArchiveShape(file.subarray(0, file.length - 4)).problems[0]).toMatch(
      /bytes, but its header says/,
    );
    const padded = new Uint8Array(file.length + 4);
    padded.set(file);
    expect(checkArchiveShape(padded).problems[0]).toMatch(/bytes, but its header says/);
    expect(checkArchiveShape(file.subarray(0, 20)).problems[0]).toMatch(/cut short/);
  });

  it('refuses a header whose sizes do not fit its sections', () => {
    expect(checkArchiveShape(withHeader((x) => (x.hidden = 9))).problems[0]).toMatch(
      /sections do not fit K = 16, H = 9/,
    );
    expect(checkArchiveShape(withHeader((x) => (x.bits = 8))).problems[0]).toMatch(
      /code length is not 16 to 256/,
    );
    expect(checkArchiveShape(withHeader((x) => (x.inputs = d + 1))).problems[0]).toMatch(
      new RegExp(`says ${d + 1} inputs, but its fields make ${d}`),
    );
  });

  it('refuses a file of other records, and one that is too large to read', () => {
    const other = cellAtlasDataset(41, 3, 50).table;
    expect(checkAgainstTable(checkArchiveShape(file).header!, other)[0]).toMatch(
      /compresses 40 cell-atlas records; the page has 41/,
    );
    const genes = cellAtlasDataset(40, 3, 60).table;
    expect(checkAgainstTable(checkArchiveShape(file).header!, genes)[0]).toMatch(/fields/);
    const huge = { length: MAX_IMPORT_BYTES + 1 } as Uint8Array;
    expect(checkArchiveShape(huge).problems[0]).toMatch(/at most 64 MB/);
  });
});
