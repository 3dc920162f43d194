/**
 * Geometry of a drawn grid: screen pixels to grid cells, lines of cells, and
 * keyboard cursor moves. Pure functions shared by PatternGrid and Heatmap.
 *
 * Conventions: a grid is `width` columns by `height` rows stored row-major, so
 * the cell at row r, column c is index r * width + c. Screen points are CSS
 * pixels measured from the drawn element's top-left corner; device pixels
 * (the canvas backing store) appear only in `pixelEdges` and `backingSize`.
 */

export interface GridDims {
  readonly width: number;
  readonly height: number;
}

/** A grid cell (row, column), in cells, never in pixels. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

export function cellIndex(cell: Cell, dims: GridDims): number {
  return cell.row * dims.width + cell.col;
}

export function indexToCell(index: number, dims: GridDims): Cell {
  return { row: Math.floor(index / dims.width), col: index % dims.width };
}

export function inGrid(cell: Cell, dims: GridDims): boolean {
  return cell.row >= 0 && cell.col >= 0 && cell.row < dims.height && cell.col < dims.width;
}

export function clampCell(cell: Cell, dims: GridDims): Cell {
  return {
    row: Math.min(Math.max(cell.row, 0), Math.max(dims.height - 1, 0)),
    col: Math.min(Math.max(cell.col, 0), Math.max(dims.width - 1, 0)),
  };
}

/**
 * The cell under a screen point (x, y) inside a box of boxW x boxH CSS px that
 * shows the whole grid. Not clamped: a point outside the box gives a cell
 * outside the grid (a captured drag may leave the canvas), see `inGrid`.
 */
export function pointToCell(
  x: number,
  y: number,
  boxW: number,
  boxH: number,
  dims: GridDims,
): Cell {
  return {
    col: Math.floor((x * dims.width) / boxW),
    row: Math.floor((y * dims.height) / boxH),
  };
}

/**
 * Bresenham's line from a to b, both ends included: the 8-connected run of
 * cells a fast drag passed over, so consecutive pointer samples leave no gaps.
 */
export function cellLine(a: Cell, b: Cell): Cell[] {
  const out: Cell[] = [];
  let { col: x, row: y } = a;
  const dx = Math.abs(b.col - x);
  const dy = -Math.abs(b.row - y);
  const sx = x < b.col ? 1 : -1;
  const sy = y < b.row ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    out.push({ row: y, col: x });
    if (x === b.col && y === b.row) return out;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/** Indices of the cells of `cellLine(a, b)` that lie inside the grid. */
export function lineIndices(a: Cell, b: Cell, dims: GridDims): number[] {
  return cellLine(a, b)
    .filter((c) => inGrid(c, dims))
    .map((c) => cellIndex(c, dims));
}

/**
 * The cursor after a navigation key, clamped to the grid; null when `key` is
 * not a navigation key. Arrows move by `step` cells; Home/End go to the first
 * and last column, PageUp/PageDown to the first and last row.
 */
export function moveCursor(cell: Cell, key: string, dims: GridDims, step = 1): Cell | null {
  let { row, col } = cell;
  switch (key) {
    case 'ArrowUp':
      row -= step;
      break;
    case 'ArrowDown':
      row += step;
      break;
    case 'ArrowLeft':
      col -= step;
      break;
    case 'ArrowRight':
      col += step;
      break;
    case 'Home':
      col = 0;
      break;
    case 'End':
      col = dims.width - 1;
      break;
    case 'PageUp':
      row = 0;
      break;
    case 'PageDown':
      row = dims.height - 1;
      break;
    default:
      return null;
  }
  return clampCell({ row, col }, dims);
}

/**
 * CSS size of a grid drawn with square cells whose longer side is `size` px:
 * a 28 x 14 grid at size 320 is 320 x 160.
 */
export function gridCssSize(dims: GridDims, size: number): { w: number; h: number } {
  const cell = size / Math.max(dims.width, dims.height, 1);
  return { w: cell * dims.width, h: cell * dims.height };
}

/** Device pixels behind `css` CSS pixels at a devicePixelRatio (at least 1). */
export function backingSize(css: number, dpr: number): number {
  return Math.max(1, Math.round(css * (dpr > 0 ? dpr : 1)));
}

/**
 * Integer pixel boundaries of n equal cells across `pixels` device pixels:
 * edges[k] = round(k * pixels / n). Filling cell k over [edges[k], edges[k+1])
 * leaves no blurred half-pixels and no seams, at any devicePixelRatio.
 */
export function pixelEdges(n: number, pixels: number): Int32Array {
  const edges = new Int32Array(n + 1);
  for (let k = 0; k <= n; k++) edges[k] = Math.round((k * pixels) / n);
  return edges;
}

/** A +-1 grid as a string of '1' (for +1) and '0' (anything else). */
export function cellsToBits(cells: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += cells[i] === 1 ? '1' : '0';
  return s;
}
