import { expect, it } from 'vitest';
import { drawGrid, type GridContext } from './gridDraw';
import type { GridPalette } from './scales';

const palette: GridPalette = {
  on: 'ON',
  off: 'OFF',
  line: 'LINE',
  highlight: 'HL',
  cursor: 'CUR',
  diff: 'DIFF',
};

/** A fake context that records each rectangle with the style it was drawn in. */
function recorder() {
  const calls: { op: string; style: string; rect: number[] }[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    fillRect(...rect: number[]) {
      calls.push({ op: 'fill', style: String(this.fillStyle), rect });
    },
    strokeRect(...rect: number[]) {
      calls.push({ op: 'stroke', style: String(this.strokeStyle), rect });
    },
    clearRect() {},
  };
  return { ctx: ctx as unknown as GridContext, calls };
}

it('paints paper, then one whole-pixel rect per on cell', () => {
  const { ctx, calls } = recorder();
  // 3 x 2 grid on 30 x 20 device px: 10 px cells (too small for hairlines at dpr 2).
  drawGrid(ctx, {
    dims: { width: 3, height: 2 },
    cells: Int8Array.from([1, -1, -1, -1, -1, 1]),
    pixelWidth: 30,
    pixelHeight: 20,
    palette,
    dpr: 2,
  });
  expect(calls[0]).toEqual({ op: 'fill', style: 'OFF', rect: [0, 0, 30, 20] });
  const on = calls.filter((c) => c.style === 'ON');
  expect(on.map((c) => c.rect)).toEqual([
    [0, 0, 10, 10],
    [20, 10, 10, 10],
  ]);
  expect(calls.some((c) => c.style === 'LINE')).toBe(false);
});

it('marks differing cells, outlines the highlight and the cursor', () => {
  const { ctx, calls } = recorder();
  drawGrid(ctx, {
    dims: { width: 2, height: 2 },
    cells: Int8Array.from([1, 1, -1, -1]),
    diff: Int8Array.from([1, -1, -1, 1]),
    highlight: 2,
    cursor: { row: 0, col: 0 },
    pixelWidth: 100,
    pixelHeight: 100,
    palette,
  });
  expect(calls.filter((c) => c.style === 'DIFF')).toHaveLength(2);
  // 50 px cells get hairlines: one vertical and one horizontal.
  expect(calls.filter((c) => c.style === 'LINE')).toHaveLength(2);
  const hl = calls.find((c) => c.op === 'stroke' && c.style === 'HL');
  expect(hl?.rect[0]).toBeGreaterThanOrEqual(0);
  expect(hl?.rect[1]).toBeGreaterThanOrEqual(50); // row 1
  const cur = calls.find((c) => c.op === 'stroke' && c.style === 'CUR');
  expect(cur?.rect[0]).toBeLessThan(50);
  expect(cur?.rect[1]).toBeLessThan(50);
});

it('ignores a highlight outside the grid', () => {
  const { ctx, calls } = recorder();
  drawGrid(ctx, {
    dims: { width: 2, height: 2 },
    cells: new Int8Array(4).fill(-1),
    highlight: 4,
    pixelWidth: 20,
    pixelHeight: 20,
    palette,
  });
  expect(calls.some((c) => c.op === 'stroke')).toBe(false);
});
