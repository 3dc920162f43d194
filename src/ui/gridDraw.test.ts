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

/**
 * A pixel context: a fake with createImageData/putImageData that also
 * paints fillRects into the same RGBA buffer, so the two drawing paths can
 * be compared pixel for pixel.
 */
function pixelCanvas(w: number, h: number, withImageData: boolean) {
  const data = new Uint8ClampedArray(w * h * 4);
  const rgb: Record<string, number[]> = {
    '#ffffff': [255, 255, 255],
    '#000000': [0, 0, 0],
    '#888888': [136, 136, 136],
    '#ff0000': [255, 0, 0],
  };
  const ctx: Record<string, unknown> = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    clearRect() {},
    strokeRect() {},
    fillRect(x: number, y: number, rw: number, rh: number) {
      const c = rgb[String(this.fillStyle)];
      for (let yy = y; yy < Math.min(h, y + rh); yy++)
        for (let xx = x; xx < Math.min(w, x + rw); xx++) data.set([...c, 255], (yy * w + xx) * 4);
    },
  };
  if (withImageData) {
    ctx.createImageData = (iw: number, ih: number) => ({
      data: new Uint8ClampedArray(iw * ih * 4),
    });
    ctx.putImageData = (img: { data: Uint8ClampedArray }) => data.set(img.data);
  }
  return { ctx: ctx as unknown as GridContext, data };
}

it('paints the same pixels through ImageData as through rectangles', () => {
  const pal: GridPalette = {
    on: '#000000',
    off: '#ffffff',
    line: '#888888',
    highlight: '#ff0000',
    cursor: '#ff0000',
    diff: '#ff0000',
  };
  const cells = Int8Array.from({ length: 25 }, (_, i) => (i % 3 === 0 ? 1 : -1));
  const diff = Int8Array.from(cells, (v, i) => (i % 7 === 0 ? -v : v));
  for (const [w, h] of [
    [50, 50],
    [37, 41],
  ]) {
    const scene = {
      dims: { width: 5, height: 5 },
      cells,
      diff,
      pixelWidth: w,
      pixelHeight: h,
      palette: pal,
    };
    const rects = pixelCanvas(w, h, false);
    drawGrid(rects.ctx, scene);
    const pixels = pixelCanvas(w, h, true);
    drawGrid(pixels.ctx, scene);
    expect(Array.from(pixels.data)).toEqual(Array.from(rects.data));
    // Some ink, some paper, some hairline and some marker pixels are there.
    const colours = new Set<string>();
    for (let k = 0; k < pixels.data.length; k += 4) colours.add(pixels.data.slice(k, k + 3).join());
    expect(colours.size).toBe(4);
  }
});
