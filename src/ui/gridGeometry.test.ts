import { describe, expect, it } from 'vitest';
import {
  backingSize,
  cellIndex,
  cellLine,
  cellsToBits,
  clampCell,
  gridCssSize,
  indexToCell,
  inGrid,
  lineIndices,
  moveCursor,
  pixelEdges,
  pointToCell,
} from './gridGeometry';

const dims = { width: 8, height: 4 };

describe('cell indices', () => {
  it('are row-major and round-trip', () => {
    expect(cellIndex({ row: 2, col: 3 }, dims)).toBe(19);
    for (let i = 0; i < 32; i++) expect(cellIndex(indexToCell(i, dims), dims)).toBe(i);
  });

  it('inGrid and clampCell respect both edges', () => {
    expect(inGrid({ row: 3, col: 7 }, dims)).toBe(true);
    expect(inGrid({ row: 4, col: 0 }, dims)).toBe(false);
    expect(inGrid({ row: 0, col: -1 }, dims)).toBe(false);
    expect(clampCell({ row: -5, col: 99 }, dims)).toEqual({ row: 0, col: 7 });
  });
});

describe('pointToCell', () => {
  it('maps CSS px to cells at any box scale', () => {
    // 8 x 4 grid shown 320 x 160: cells are 40 px.
    expect(pointToCell(0, 0, 320, 160, dims)).toEqual({ row: 0, col: 0 });
    expect(pointToCell(39.9, 39.9, 320, 160, dims)).toEqual({ row: 0, col: 0 });
    expect(pointToCell(40, 40, 320, 160, dims)).toEqual({ row: 1, col: 1 });
    expect(pointToCell(319.9, 159.9, 320, 160, dims)).toEqual({ row: 3, col: 7 });
    // Same grid squeezed to 100 x 50 on a phone: cells are 12.5 px.
    expect(pointToCell(62.6, 25.1, 100, 50, dims)).toEqual({ row: 2, col: 5 });
  });

  it('leaves points outside the box outside the grid', () => {
    const c = pointToCell(-3, 170, 320, 160, dims);
    expect(c).toEqual({ row: 4, col: -1 });
    expect(inGrid(c, dims)).toBe(false);
  });
});

describe('cellLine (Bresenham)', () => {
  it('includes both ends, in order', () => {
    const line = cellLine({ row: 0, col: 0 }, { row: 0, col: 3 });
    expect(line).toEqual([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 0, col: 2 },
      { row: 0, col: 3 },
    ]);
    expect(cellLine({ row: 2, col: 2 }, { row: 2, col: 2 })).toEqual([{ row: 2, col: 2 }]);
  });

  it('leaves no gaps: successive cells are 8-neighbours, in every octant', () => {
    const ends = [
      { row: 9, col: 2 },
      { row: -7, col: 3 },
      { row: 1, col: -12 },
      { row: -4, col: -4 },
      { row: 13, col: 11 },
    ];
    for (const b of ends) {
      const line = cellLine({ row: 0, col: 0 }, b);
      expect(line[line.length - 1]).toEqual(b);
      expect(line.length).toBe(Math.max(Math.abs(b.row), Math.abs(b.col)) + 1);
      for (let k = 1; k < line.length; k++) {
        expect(Math.abs(line[k].row - line[k - 1].row)).toBeLessThanOrEqual(1);
        expect(Math.abs(line[k].col - line[k - 1].col)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('lineIndices drops the cells a drag passes outside the grid', () => {
    // From inside to beyond the right edge of row 1.
    expect(lineIndices({ row: 1, col: 5 }, { row: 1, col: 11 }, dims)).toEqual([13, 14, 15]);
  });
});

describe('moveCursor', () => {
  const c = { row: 1, col: 1 };
  it('moves with arrows and clamps at the edges', () => {
    expect(moveCursor(c, 'ArrowRight', dims)).toEqual({ row: 1, col: 2 });
    expect(moveCursor(c, 'ArrowUp', dims)).toEqual({ row: 0, col: 1 });
    expect(moveCursor({ row: 0, col: 0 }, 'ArrowUp', dims)).toEqual({ row: 0, col: 0 });
    expect(moveCursor({ row: 3, col: 7 }, 'ArrowRight', dims)).toEqual({ row: 3, col: 7 });
    expect(moveCursor(c, 'ArrowDown', dims, 10)).toEqual({ row: 3, col: 1 });
  });

  it('jumps with Home/End/PageUp/PageDown and ignores other keys', () => {
    expect(moveCursor(c, 'End', dims)).toEqual({ row: 1, col: 7 });
    expect(moveCursor(c, 'Home', dims)).toEqual({ row: 1, col: 0 });
    expect(moveCursor(c, 'PageDown', dims)).toEqual({ row: 3, col: 1 });
    expect(moveCursor(c, 'PageUp', dims)).toEqual({ row: 0, col: 1 });
    expect(moveCursor(c, 'a', dims)).toBeNull();
  });
});

describe('canvas sizing', () => {
  it('gridCssSize keeps cells square with the longer side at size', () => {
    expect(gridCssSize({ width: 28, height: 14 }, 320)).toEqual({ w: 320, h: 160 });
    expect(gridCssSize({ width: 10, height: 20 }, 200)).toEqual({ w: 100, h: 200 });
  });

  it('backingSize scales by devicePixelRatio and never reaches 0', () => {
    expect(backingSize(320, 2)).toBe(640);
    expect(backingSize(320, 1.25)).toBe(400);
    expect(backingSize(0.1, 1)).toBe(1);
    expect(backingSize(100, 0)).toBe(100);
  });

  it('pixelEdges are whole, increasing and cover the canvas', () => {
    const e = pixelEdges(28, 700); // 25 px cells
    expect(e[0]).toBe(0);
    expect(e[28]).toBe(700);
    const odd = pixelEdges(7, 100); // 14.28 px cells: 14 or 15 wide
    for (let k = 1; k < odd.length; k++) {
      expect(Number.isInteger(odd[k])).toBe(true);
      expect(odd[k] - odd[k - 1]).toBeGreaterThanOrEqual(14);
      expect(odd[k] - odd[k - 1]).toBeLessThanOrEqual(15);
    }
    expect(odd[7]).toBe(100);
  });
});

describe('cellsToBits', () => {
  it('writes 1 for +1 and 0 for -1', () => {
    expect(cellsToBits(Int8Array.from([1, -1, -1, 1]))).toBe('1001');
    expect(cellsToBits(new Int8Array(0))).toBe('');
  });
});

it('clampCell handles an empty grid without negative indices', () => {
  expect(clampCell({ row: 3, col: 3 }, { width: 0, height: 0 })).toEqual({ row: 0, col: 0 });
});
