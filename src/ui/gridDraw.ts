/**
 * Draws a +-1 grid on a 2-D canvas context. Cell boundaries fall on whole
 * device pixels (`pixelEdges`), so the grid is crisp at any devicePixelRatio.
 * Takes the context as a parameter, so a test can pass a recording fake.
 */
import { color } from 'd3';
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

/** A real canvas context can also take the whole picture as one image. */
type PixelContext = GridContext &
  Pick<CanvasRenderingContext2D, 'createImageData' | 'putImageData'>;

const hasPixels = (ctx: GridContext): ctx is PixelContext =>
  typeof (ctx as Partial<PixelContext>).putImageData === 'function' &&
  typeof (ctx as Partial<PixelContext>).createImageData === 'function';

const packed = new WeakMap<GridPalette, Record<'on' | 'off' | 'line' | 'diff', number>>();

/** Palette colours as little-endian RGBA words for a Uint32Array over ImageData. */
function paletteWords(p: GridPalette) {
  let words = packed.get(p);
  if (!words) {
    const word = (css: string) => {
      const c = color(css)?.rgb();
      return c ? ((255 << 24) | (c.b << 16) | (c.g << 8) | c.r) >>> 0 : 0xff000000;
    };
    words = { on: word(p.on), off: word(p.off), line: word(p.line), diff: word(p.diff) };
    packed.set(p, words);
  }
  return words;
}

/**
 * Draws the grid, its hairlines and its difference markers. On a real canvas
 * the picture is composed in an ImageData and put once: a 64 x 64 grid
 * would otherwise take thousands of fillRect calls a frame, each rasterised
 * separately (slow on a software GPU). A context without putImageData (the
 * test's recorder) gets the same picture as rectangles.
 */
export function drawGrid(ctx: GridContext, scene: GridScene): void {
  const layout = layoutOf(scene);
  if (hasPixels(ctx) && scene.pixelWidth > 0 && scene.pixelHeight > 0) {
    drawPixels(ctx, scene, layout);
  } else {
    drawRects(ctx, scene, layout);
  }
  drawOutlines(ctx, scene, layout);
}

/** Where the picture's parts fall, in device pixels; both ways of drawing share it. */
interface Layout {
  /** Cell edges: column c spans xs[c]..xs[c + 1], row r spans ys[r]..ys[r + 1]. */
  xs: Int32Array;
  ys: Int32Array;
  dpr: number;
  /** Width of the hairlines between cells; 0 where cells are too small to need them. */
  hairline: number;
  /** Side of the square marking a unit that differs from the cue (top right of its cell). */
  marker: number;
}

function layoutOf(scene: GridScene): Layout {
  const { dims } = scene;
  const dpr = scene.dpr ?? 1;
  const cellPx = Math.min(scene.pixelWidth / dims.width, scene.pixelHeight / dims.height);
  return {
    xs: pixelEdges(dims.width, scene.pixelWidth),
    ys: pixelEdges(dims.height, scene.pixelHeight),
    dpr,
    hairline: cellPx >= 6 * dpr ? Math.max(1, Math.round(dpr)) : 0,
    marker: Math.max(2, Math.round(cellPx * 0.3)),
  };
}

/** Calls `mark(row, col)` for every unit that differs from the scene's `diff`. */
function forEachDiff(scene: GridScene, mark: (row: number, col: number) => void): void {
  const { cells, diff, dims } = scene;
  if (!diff) return;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== diff[i]) mark(Math.floor(i / dims.width), i % dims.width);
  }
}

function drawPixels(ctx: PixelContext, scene: GridScene, { xs, ys, hairline, marker }: Layout) {
  const { dims, cells } = scene;
  const w = scene.pixelWidth;
  const h = scene.pixelHeight;
  const c = paletteWords(scene.palette);
  const img = ctx.createImageData(w, h);
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, w * h);
  // One pixel row of each cell row, then copied down the cell's height.
  for (let r = 0; r < dims.height; r++) {
    const y0 = ys[r];
    const first = y0 * w;
    for (let col = 0; col < dims.width; col++) {
      px.fill(
        cells[r * dims.width + col] === 1 ? c.on : c.off,
        first + xs[col],
        first + xs[col + 1],
      );
    }
    for (let y = y0 + 1; y < ys[r + 1]; y++) px.copyWithin(y * w, first, first + w);
  }
  if (hairline > 0) {
    for (let col = 1; col < dims.width; col++) {
      for (let y = 0; y < h; y++)
        px.fill(c.line, y * w + xs[col], y * w + Math.min(w, xs[col] + hairline));
    }
    for (let r = 1; r < dims.height; r++) {
      px.fill(c.line, ys[r] * w, Math.min(h, ys[r] + hairline) * w);
    }
  }
  forEachDiff(scene, (r, col) => {
    const x0 = Math.max(0, xs[col + 1] - marker);
    for (let y = ys[r]; y < Math.min(h, ys[r] + marker); y++)
      px.fill(c.diff, y * w + x0, y * w + xs[col + 1]);
  });
  ctx.putImageData(img, 0, 0);
}

function drawRects(ctx: GridContext, scene: GridScene, { xs, ys, hairline, marker }: Layout) {
  const { dims, cells, palette } = scene;
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

  if (hairline > 0) {
    ctx.fillStyle = palette.line;
    for (let c = 1; c < dims.width; c++) ctx.fillRect(xs[c], 0, hairline, scene.pixelHeight);
    for (let r = 1; r < dims.height; r++) ctx.fillRect(0, ys[r], scene.pixelWidth, hairline);
  }

  ctx.fillStyle = palette.diff;
  forEachDiff(scene, (r, c) => ctx.fillRect(xs[c + 1] - marker, ys[r], marker, marker));
}

/** The updated unit's and the keyboard cursor's outlines (a few strokes). */
function drawOutlines(ctx: GridContext, scene: GridScene, { xs, ys, dpr }: Layout): void {
  const { dims, cells } = scene;
  const outline = (cell: Cell, style: string, width: number) => {
    const c = cell.col;
    const r = cell.row;
    ctx.strokeStyle = style;
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
    outline(
      { row: Math.floor(h / dims.width), col: h % dims.width },
      scene.palette.highlight,
      3 * dpr,
    );
  }
  const cur = scene.cursor;
  if (cur && cellIndex(cur, dims) < cells.length) outline(cur, scene.palette.cursor, 2 * dpr);
}
