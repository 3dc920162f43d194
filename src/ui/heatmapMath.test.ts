import { describe, expect, it } from 'vitest';
import {
  cellRect,
  downsample,
  formatWeight,
  keyStep,
  matrixFrom,
  maxAbs,
  moveEntry,
  screenToCell,
} from './heatmapMath';

describe('downsample', () => {
  it('passes a small matrix through as a copy', () => {
    const m = Float32Array.from([1, 2, 3, 4]);
    const d = downsample(m, 2, 512);
    expect(d.factor).toBe(1);
    expect(d.n).toBe(2);
    expect(Array.from(d.values)).toEqual([1, 2, 3, 4]);
    expect(d.values).not.toBe(m);
  });

  it('averages 2 x 2 blocks', () => {
    // 4 x 4 with entry (i, j) = 10 i + j.
    const m = matrixFrom(4, (i, j) => 10 * i + j);
    const d = downsample(m, 4, 2);
    expect(d.factor).toBe(2);
    expect(d.n).toBe(2);
    // Block (0,0) holds 0, 1, 10, 11: mean 5.5.
    expect(Array.from(d.values)).toEqual([5.5, 7.5, 25.5, 27.5]);
  });

  it('averages only the entries a cut-short edge block holds', () => {
    // 5 x 5 to target 2: factor 3, n 2; the last block row/column is 2 wide.
    const m = matrixFrom(5, (i, j) => (i >= 3 && j >= 3 ? 8 : 0));
    const d = downsample(m, 5, 2);
    expect(d.factor).toBe(3);
    expect(d.n).toBe(2);
    expect(d.values[3]).toBe(8); // entries (3..4, 3..4) are all 8
    expect(d.values[0]).toBe(0);
  });

  it('brings 4096 x 4096 to 512 x 512 and keeps the overall mean', () => {
    const size = 4096;
    const m = new Float32Array(size * size);
    for (let k = 0; k < m.length; k++) m[k] = ((k * 37) % 1001) / 1000 - 0.5;
    const d = downsample(m, size, 512);
    expect(d.n).toBe(512);
    expect(d.factor).toBe(8);
    expect(d.values.length).toBe(512 * 512);
    const mean = (a: Float32Array) => {
      let s = 0;
      for (let k = 0; k < a.length; k++) s += a[k];
      return s / a.length;
    };
    expect(mean(d.values)).toBeCloseTo(mean(m), 5);
  });

  it('skips NaN entries and rejects a short array', () => {
    const m = Float32Array.from([NaN, 2, 4, 6]);
    expect(downsample(m, 2, 1).values[0]).toBe(4);
    expect(Number.isNaN(downsample(Float32Array.from([NaN]), 1, 1).values[0])).toBe(true);
    expect(() => downsample(new Float32Array(3), 2, 2)).toThrow(RangeError);
  });
});

it('maxAbs finds the largest magnitude on either side of 0', () => {
  expect(maxAbs(Float32Array.from([0.1, -0.7, 0.5]))).toBeCloseTo(0.7);
  expect(maxAbs(new Float32Array(4))).toBe(0);
  expect(maxAbs([])).toBe(0);
});

describe('screenToCell', () => {
  it('maps the full element onto the full matrix at any scale', () => {
    // 4096 entries over 320 px: one px covers 12.8 entries.
    expect(screenToCell(0, 0, 320, 320, 4096)).toEqual({ i: 0, j: 0 });
    expect(screenToCell(319.99, 319.99, 320, 320, 4096)).toEqual({ i: 4095, j: 4095 });
    expect(screenToCell(160, 80, 320, 320, 4096)).toEqual({ i: 1024, j: 2048 });
    // 10 entries over 500 px: 50 px per entry; x is the column j, y the row i.
    expect(screenToCell(149, 51, 500, 500, 10)).toEqual({ i: 1, j: 2 });
  });

  it('returns null outside the element', () => {
    expect(screenToCell(-1, 5, 100, 100, 10)).toBeNull();
    expect(screenToCell(5, 100, 100, 100, 10)).toBeNull();
    expect(screenToCell(5, 5, 0, 0, 10)).toBeNull();
  });

  it('cellRect is the inverse: the rect of a cell contains the points mapping to it', () => {
    const r = cellRect({ i: 3, j: 7 }, 16);
    const box = 400;
    const x = (r.left + r.width / 2) * box;
    const y = (r.top + r.height / 2) * box;
    expect(screenToCell(x, y, box, box, 16)).toEqual({ i: 3, j: 7 });
  });
});

it('keyStep moves faster with Shift on big matrices', () => {
  expect(keyStep(4096, false)).toBe(1);
  expect(keyStep(4096, true)).toBe(256);
  expect(keyStep(8, true)).toBe(1);
});

it('moveEntry moves the cursor by keyStep, stops at the edges, ignores other keys', () => {
  expect(moveEntry({ i: 5, j: 5 }, 'ArrowUp', 4096, true)).toEqual({ i: 0, j: 5 });
  expect(moveEntry({ i: 5, j: 5 }, 'ArrowRight', 8, false)).toEqual({ i: 5, j: 6 });
  expect(moveEntry({ i: 5, j: 5 }, 'End', 8, false)).toEqual({ i: 5, j: 7 });
  expect(moveEntry({ i: 5, j: 5 }, 'x', 8, false)).toBeNull();
});

it('formatWeight writes w[i,j] with three significant digits', () => {
  expect(formatWeight(3, 5, 0.123456)).toBe('w[3,5] = 0.123');
  expect(formatWeight(0, 1, -1 / 1024)).toBe('w[0,1] = -0.000977');
  expect(formatWeight(2, 2, 0)).toBe('w[2,2] = 0');
});
