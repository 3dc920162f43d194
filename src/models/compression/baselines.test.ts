import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import {
  float16Baseline,
  int8Baseline,
  pcaBaseline,
  pcaBytes,
  pcaComponentsFor,
  topComponents,
} from './baselines';
import { cellAtlasDataset } from './datasets';
import { fitNormalisation, inputWidth } from './table';

describe('lossy baselines on the same records', () => {
  const table = cellAtlasDataset(500, 4, 50).table;
  const norm = fitNormalisation(table);
  const w = 3 + 50 + 5;

  it('float16 and int8 count their bytes and keep categories exact', () => {
    const h = float16Baseline(table);
    expect(h.bytes).toBe(500 * (2 * w + 2));
    expect(h.error).toMatchObject({ class: 1, subclass: 1, region: 1 });
    expect(h.error.coords).toBeLessThan(3); // half precision near 4000 um is 2 um apart
    expect(h.error.expression).toBeGreaterThan(0.9999);
    const q = int8Baseline(table);
    expect(q.bytes).toBe(500 * (w + 2) + 8 * w);
    expect(q.error.coords).toBeGreaterThan(h.error.coords);
    expect(q.error.expression).toBeGreaterThan(0.999);
  });

  it('PCA fits the byte budget and loses less with more components', () => {
    const d = inputWidth(table.fields);
    const m = pcaComponentsFor(60_000, 500, d);
    expect(pcaBytes(500, d, m)).toBeLessThanOrEqual(60_000);
    expect(pcaBytes(500, d, m + 1)).toBeGreaterThan(60_000);
    expect(pcaComponentsFor(10, 500, d)).toBe(1);
    const few = pcaBaseline(table, norm, 3, 1);
    const many = pcaBaseline(table, norm, 40, 1);
    const all = pcaBaseline(table, norm, d, 1);
    expect(many.error.expression).toBeGreaterThan(few.error.expression);
    expect(many.error.coords).toBeLessThan(few.error.coords);
    expect(all.error.subclass).toBe(1);
    expect(all.error.expression).toBeGreaterThan(0.999); // only the float16 scores are lost
  });

  it('subspace iteration finds the leading components Jacobi would', () => {
    const d = 260;
    const rng = createRng(2);
    // C = sum_i lambda_i u_i u_i^T + 0.01 I with known orthonormal u_i
    const u: Float64Array[] = [];
    for (let i = 0; i < 4; i++) {
      const v = Float64Array.from({ length: d }, () => rng.normal());
      for (const p of u) {
        const dot = v.reduce((s, x, j) => s + x * p[j], 0);
        for (let j = 0; j < d; j++) v[j] -= dot * p[j];
      }
      const norm2 = Math.hypot(...v);
      u.push(v.map((x) => x / norm2));
    }
    const lambda = [9, 5, 3, 2];
    const cov = new Float64Array(d * d);
    for (let a = 0; a < d; a++) {
      cov[a * d + a] += 0.01;
      for (let b = 0; b < d; b++)
        for (let i = 0; i < 4; i++) cov[a * d + b] += lambda[i] * u[i][a] * u[i][b];
    }
    const comps = topComponents(cov, d, 3, createRng(3));
    for (let r = 0; r < 3; r++) {
      const dot = u[r].reduce((s, x, j) => s + x * comps[r * d + j], 0);
      expect(Math.abs(dot)).toBeGreaterThan(0.9999);
    }
  });
});
