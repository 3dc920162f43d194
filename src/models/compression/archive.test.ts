import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveBytes, exportArchive, importArchive } from './archive';
import { bytesPerCode } from './codes';
import { trainedFixture, type TrainedFixture } from './fixtures';
import { fieldErrors } from './metrics';
import { compressInputs, freezeModel, reconstruct } from './model';
import { inputVectors, type Table } from './table';

let f: TrainedFixture;
beforeAll(async () => {
  await tf.setBackend('cpu');
  f = await trainedFixture();
});

const sameTables = (a: Table, b: Table): boolean =>
  a.n === b.n &&
  a.values.every(
    (v, k) => v.length === b.values[k].length && v.every((x, i) => x === b.values[k][i]),
  );

describe('the one-file archive', () => {
  it('rebuilds the records from the file alone, identically', () => {
    const file = exportArchive(f.model, f.codes);
    // a copy of the bytes and nothing else: no model, no table, no codes from memory
    const restored = importArchive(Uint8Array.from(file));
    expect(restored.records).toBe(400);
    expect(restored.hasEncoder).toBe(false);
    expect(restored.model.template.fields).toEqual(f.dataset.table.fields);
    const fromFile = reconstruct(restored.model, restored.codes);
    const inMemory = reconstruct(f.model, f.codes);
    expect(sameTables(fromFile, inMemory)).toBe(true);
    // and it is the dataset, with the errors the model has
    expect(fieldErrors(f.dataset.table, fromFile)).toEqual(fieldErrors(f.dataset.table, inMemory));
  });

  it('counts every byte: the parts add up to the file and the codes are N ceil(K/8)', () => {
    const file = exportArchive(f.model, f.codes);
    const parts = archiveBytes(file);
    expect(parts.total).toBe(file.length);
    expect(parts.header + parts.normalisation + parts.decoder + parts.encoder + parts.codes).toBe(
      file.length,
    );
    expect(parts.codes).toBe(400 * bytesPerCode(32));
    const { inputs: d, hidden: h, bits: k } = f.model.weights;
    const pad4 = (x: number) => Math.ceil(x / 4) * 4;
    expect(parts.decoder).toBe([k * h, h, h * d, d].reduce((t, len) => t + pad4(2 * len), 0));
    expect(parts.normalisation).toBe(8 * d);
    expect(parts.encoder).toBe(0);
  });

  it('keeps the encoder when asked, so new queries encode the same', () => {
    const file = exportArchive(f.model, f.codes, true);
    const restored = importArchive(file);
    expect(restored.hasEncoder).toBe(true);
    expect(archiveBytes(file).encoder).toBeGreaterThan(0);
    const x = inputVectors(f.dataset.table, f.model.norm);
    expect(Array.from(compressInputs(restored.model, x))).toEqual(Array.from(f.codes));
  });

  it('stores float32 weights exactly too', () => {
    const m32 = freezeModel(f.dataset.table, f.model.norm, f.model.weights, 'float32');
    const file = exportArchive(m32, f.codes);
    const restored = importArchive(file);
    expect(restored.model.precision).toBe('float32');
    expect(sameTables(reconstruct(restored.model, restored.codes), reconstruct(m32, f.codes))).toBe(
      true,
    );
    expect(file.length).toBeGreaterThan(exportArchive(f.model, f.codes).length);
  });

  it('refuses files that are not one, or are cut short', () => {
    const file = exportArchive(f.model, f.codes);
    expect(() => importArchive(file.subarray(0, file.length - 4))).toThrow(/bytes/);
    const bad = file.slice();
    bad[0] = 0;
    expect(() => importArchive(bad)).toThrow(/magic/);
  });
});
