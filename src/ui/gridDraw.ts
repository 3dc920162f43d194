/**
 * Draws a +-1 grid on a 2-D canvas context. Cell boundaries fall on whole
 * device pixels (`pixelEdges`), so the grid is crisp at any devicePixelRatio.
 * Takes the context as a parameter, so a test can pass a recording fake.
 */
import { type Cell, type GridDims, cellIndex, pixelEdges } from './gridGeometry';
import type { GridPalette } from './scales';

/** The slice of CanvasRenderingContext2D the grid needs. */
export type GridContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'fillRect' | 'strokeRect' | 'clearRect'
>;

export interface GridScene {
  readonly dims: GridDims;
  readonly cells: ArrayLike<number>;
  /** Backing-store size in device pixels. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly palette: GridPalette;
  readonly highlight?: number | null;
  readonly diff?: ArrayLike<number> | null;
  readonly cursor?: Cell | null;
  /** Device pixels per CSS pixel, to size outlines and markers. */
  readonly dpr?: number;
}

export function drawGrid(ctx: GridContext, scene: GridScene): void {
  const { dims, cells, palette } = scene;
  const dpr = scene.dpr ?? 1;
  const xs = pixelEdges(dims.width, scene.pixelWidth);
  const ys = pixelEdges(dims.height, scene.pixelHeight);
  ctx.clearRect(0, 0, scene.pixelWidth, scene.pixelHeight);
  ctx.fillStyle = palette.off;
  ctx.fillRect(0, 0, scene.pixelWidth, scene.pixelHeight);

  ctx.fillStyle = palette.on;
  for (let r = 0; r < dims.height; r++) {
    for (let c = 0; c < dims.width; c++) {
      if (cells[r * dims.width + c] !== 1) continue;
      ctx.fillRect(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
    }
  }

  // Hairlines between cells, only where cells are big enough to need them.
  const cellPx = Math.min(scene.pixelWidth / dims.width, scene.pixelHeight / dims.height);
  if (cellPx >= 6 * dpr) {
    const w = Math.max(1, Math.round(dpr));
    ctx.fillStyle = palette.line;
    for (let c = 1; c < dims.width; c++) ctx.fillRect(xs[c], 0, w, scene.pixelHeight);
    for (let r = 1; r < dims.height; r++) ctx.fillRect(0, ys[r], scene.pixelWidth, w);
  }

  if (scene.diff) {
    const m = Math.max(2, Math.round(cellPx * 0.3));
    ctx.fillStyle = palette.diff;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === scene.diff[i]) continue;
      const r = Math.floor(i / dims.width);
      const c = i % dims.width;
      ctx.fillRect(xs[c + 1] - m, ys[r], m, m);
    }
  }

  const outline = (cell: Cell, color: string, width: number) => {
    const c = cell.col;
    const r = cell.row;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    const half = width / 2;
    ctx.strokeRect(
      xs[c] + half,
      ys[r] + half,
      Math.max(1, xs[c + 1] - xs[c] - width),
      Math.max(1, ys[r + 1] - ys[r] - width),
    );
  };
  const h = scene.highlight;
  if (h !== null && h !== undefined && h >= 0 && h < dims.width * dims.height) {
    outline({ row: Math.floor(h / dims.width), col: h % dims.width }, palette.highlight, 3 * dpr);
  }
  const cur = scene.cursor;
  if (cur && cellIndex(cur, dims) < cells.length) outline(cur, palette.cursor, 2 * dpr);
}
