import { describe, expect, it } from 'vitest';
import {
  ATLAS_LABEL,
  cellClassOf,
  generateCellAtlas,
  geneNames,
  REGIONS,
  SUBCLASSES,
  subclassMix,
  type CellAtlas,
} from './cellAtlas';
import {
  atlasToCsv,
  packAtlas,
  packedAtlasBytes,
  parseAtlasCsv,
  unpackAtlas,
} from './cellAtlasFormat';

const sub = (name: string): number => SUBCLASSES.findIndex((s) => s.name === name);
const reg = (prefix: string): number => REGIONS.findIndex((r) => r.name.startsWith(prefix));

/** Share of cells of subclass s among the cells of region k. */
function share(a: CellAtlas, k: number, s: number): number {
  let inRegion = 0;
  let hits = 0;
  for (let i = 0; i < a.n; i++) {
    if (a.region[i] !== k) continue;
    inRegion++;
    if (a.subclass[i] === s) hits++;
  }
  return hits / inRegion;
}

/** Mean of column j of an n x w block over the cells where keep(i). */
function meanOf(block: Float32Array, w: number, j: number, keep: (i: number) => boolean): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < block.length / w; i++) {
    if (!keep(i)) continue;
    sum += block[i * w + j];
    count++;
  }
  return sum / count;
}

/** Element-wise equality, much faster than toEqual on long typed arrays. */
const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);

describe('the generated cell atlas', () => {
  const atlas = generateCellAtlas({ n: 6000, seed: 7 });

  it('is labelled generated and deterministic for a seed', () => {
    expect(atlas.label).toBe(ATLAS_LABEL);
    const again = generateCellAtlas({ n: 6000, seed: 7 });
    expect(same(again.expression, atlas.expression)).toBe(true);
    expect(same(again.coords, atlas.coords)).toBe(true);
    expect(same(again.subclass, atlas.subclass)).toBe(true);
    const other = generateCellAtlas({ n: 6000, seed: 8 });
    expect(same(other.expression, atlas.expression)).toBe(false);
    // the first N cells of a larger atlas are the smaller atlas
    const small = generateCellAtlas({ n: 500, seed: 7 });
    expect(same(small.expression, atlas.expression.subarray(0, 500 * 100))).toBe(true);
  });

  it('mixes subclasses differently by region, as its table says', () => {
    const l45 = sub('L4/5 IT');
    const et = sub('L5 ET');
    const vis = reg('Visual');
    const mop = reg('Motor');
    expect(share(atlas, vis, l45)).toBeGreaterThan(5 * share(atlas, mop, l45));
    expect(share(atlas, mop, et)).toBeGreaterThan(2 * share(atlas, vis, et));
    // measured shares follow P(subclass | region) within sampling error
    const p = subclassMix();
    const expected = p[vis * SUBCLASSES.length + l45];
    const cells = atlas.region.filter((r) => r === vis).length;
    const se = Math.sqrt((expected * (1 - expected)) / cells);
    expect(Math.abs(share(atlas, vis, l45) - expected)).toBeLessThan(4 * se);
  });

  it('places cells by region on the sheet and by layer in depth', () => {
    const vis = reg('Visual');
    const pfc = reg('Prefrontal');
    const x = (k: number) => meanOf(atlas.coords, 3, 0, (i) => atlas.region[i] === k);
    expect(x(vis)).toBeCloseTo(REGIONS[vis].centre[0], -2);
    expect(x(pfc)).toBeCloseTo(REGIONS[pfc].centre[0], -2);
    const depth = (s: number) =>
      meanOf(atlas.coords, 3, 2, (i) => atlas.subclass[i] === s && atlas.region[i] === vis);
    expect(depth(sub('L2/3 IT'))).toBeLessThan(depth(sub('L5 ET')));
    expect(depth(sub('L5 ET'))).toBeLessThan(depth(sub('L6 CT')));
    expect(depth(sub('Lamp5'))).toBeLessThan(depth(sub('Oligodendrocyte')));
  });

  it('expresses markers by subclass, sparsely and with count noise', () => {
    const g = atlas.genes.length;
    const gene = (name: string) => atlas.genes.indexOf(name);
    const pv = sub('Pvalb');
    const pvalb = gene('Pvalb');
    const inPv = meanOf(atlas.expression, g, pvalb, (i) => atlas.subclass[i] === pv);
    const outPv = meanOf(atlas.expression, g, pvalb, (i) => atlas.subclass[i] !== pv);
    expect(inPv).toBeGreaterThan(2);
    expect(outPv).toBeLessThan(0.2);
    const classes = cellClassOf(atlas);
    const gad1 = gene('Gad1');
    const inh = meanOf(atlas.expression, g, gad1, (i) => classes[i] === 1);
    const exc = meanOf(atlas.expression, g, gad1, (i) => classes[i] === 0);
    expect(inh).toBeGreaterThan(5 * exc);
    let zeros = 0;
    for (const v of atlas.expression) if (v === 0) zeros++;
    const sparsity = zeros / atlas.expression.length;
    expect(sparsity).toBeGreaterThan(0.5);
    expect(sparsity).toBeLessThan(0.95);
    // noise: the same subclass in the same region does not give one profile
    const cells = [...atlas.subclass.keys()].filter((i) => atlas.subclass[i] === pv).slice(0, 2);
    const row = (i: number) => atlas.expression.subarray(i * g, (i + 1) * g);
    expect(row(cells[0])).not.toEqual(row(cells[1]));
    // GFAP protein marks astrocytes
    const ast = sub('Astrocyte');
    const gfapIn = meanOf(atlas.protein, 5, 1, (i) => atlas.subclass[i] === ast);
    const gfapOut = meanOf(atlas.protein, 5, 1, (i) => atlas.subclass[i] !== ast);
    expect(gfapIn).toBeGreaterThan(5 * gfapOut);
  });

  it('has 50 to 200 genes, markers first', () => {
    expect(geneNames(50)).toHaveLength(50);
    expect(geneNames(200)[0]).toBe('Slc17a7');
    expect(geneNames(200)).toContain('Gene200');
    expect(() => geneNames(49)).toThrow(RangeError);
    expect(() => generateCellAtlas({ n: 0, seed: 1 })).toThrow(RangeError);
  });

  it('reads back identically from its CSV and from its packed binary', () => {
    const small = generateCellAtlas({ n: 300, seed: 3, genes: 60 });
    const csv = atlasToCsv(small);
    expect(csv.split('\n')[0].split(',')).toHaveLength(7 + 60 + 5);
    const fromCsv = parseAtlasCsv(csv, 3);
    expect(fromCsv).toEqual(small);
    const bin = packAtlas(small);
    expect(bin.length).toBe(packedAtlasBytes(small));
    expect(unpackAtlas(bin)).toEqual(small);
    expect(() => unpackAtlas(bin.subarray(0, 100))).toThrow();
  });

  it('makes 100,000 records fast', () => {
    const t0 = performance.now();
    const big = generateCellAtlas({ n: 100_000, seed: 1 });
    const ms = performance.now() - t0;
    expect(big.expression.length).toBe(100_000 * 100);
    expect(ms).toBeLessThan(5000);
  });
});
