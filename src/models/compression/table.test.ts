import { describe, expect, it } from 'vitest';
import { atlasTable, cellAtlasDataset } from './datasets';
import { fieldErrors, metricInfo, pearson } from './metrics';
import {
  fitNormalisation,
  inputVectors,
  inputWidth,
  maskableUnits,
  outputsToTable,
  selectRecords,
  type Table,
} from './table';
import { generateCellAtlas } from '../../data/cellAtlas';

describe('the table the autoencoder reads', () => {
  const table = cellAtlasDataset(300, 5, 60).table;
  const norm = fitNormalisation(table);

  it('lays out one-hot categories and standardised numbers', () => {
    const d = inputWidth(table.fields);
    expect(d).toBe(14 + 6 + 3 + 60 + 5);
    expect(maskableUnits(table.fields)).toBe(2 + 3 + 60 + 5);
    const x = inputVectors(table, norm);
    // one-hot: each record has exactly one 1 in its subclass block
    for (let i = 0; i < table.n; i++) {
      const block = x.subarray(i * d, i * d + 14);
      expect(block.reduce((a, b) => a + b, 0)).toBe(1);
      expect(block[(table.values[0] as Uint8Array)[i]]).toBe(1);
    }
    // standardised numeric columns: mean 0, sd 1 (or 0 for constant columns)
    for (const j of [20, 21, 22, 40]) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < table.n; i++) {
        s += x[i * d + j];
        s2 += x[i * d + j] ** 2;
      }
      expect(s / table.n).toBeCloseTo(0, 4);
      expect(s2 / table.n).toBeCloseTo(1, 3);
    }
  });

  it('gives the records back from their own input vectors', () => {
    const back = outputsToTable(table, norm, inputVectors(table, norm));
    const e = fieldErrors(table, back);
    expect(e.class).toBe(1);
    expect(e.subclass).toBe(1);
    expect(e.region).toBe(1);
    expect(e.coords).toBeLessThan(1e-3);
    expect(e.expression).toBeGreaterThan(0.99999);
    expect(e.protein).toBeLessThan(1e-5);
  });

  it('leaves missing units at zero', () => {
    const d = inputWidth(table.fields);
    const x = inputVectors(table, norm, 0, 1, (_, u) => u === 0 || u === 5);
    expect(Array.from(x.subarray(0, 14))).toEqual(new Array(14).fill(0));
    expect(x[14 + 6 + 3]).toBe(0); // unit 5 is the first gene
    expect(x.length).toBe(d);
  });

  it('scores fields the documented way', () => {
    const ids = Int32Array.from([3, 1, 2]);
    const some = selectRecords(table, ids);
    expect(fieldErrors(table, some, ids).subclass).toBe(1);
    const wrong: Table = {
      ...some,
      values: some.values.map((v, k) => (k === 0 ? v.map((s) => (s + 1) % 14) : v)),
    };
    expect(fieldErrors(table, wrong, ids).subclass).toBe(0);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([0, 0, 0], [0, 0, 0])).toBe(1);
    expect(pearson([0, 0, 0], [0, 1, 0])).toBe(0);
    expect(metricInfo(table.fields).map((m) => m.key)).toEqual([
      'class',
      'subclass',
      'region',
      'coords',
      'expression',
      'protein',
    ]);
    // coordinates: Euclidean distance in um
    const moved: Table = {
      ...some,
      values: some.values.map((v, k) =>
        k === 2
          ? (v as Float32Array).map((c, j) => (j % 3 === 0 ? c + 3 : j % 3 === 1 ? c + 4 : c))
          : v,
      ),
    };
    expect(fieldErrors(table, moved, ids).coords).toBeCloseTo(5, 3);
  });

  it('shares the atlas arrays', () => {
    const atlas = generateCellAtlas({ n: 10, seed: 1, genes: 50 });
    expect(atlasTable(atlas).values[3]).toBe(atlas.expression);
  });
});
