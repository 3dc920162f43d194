/**
 * Pure maths behind Heatmap: block-averaged downsampling of a D x D matrix,
 * screen point to matrix entry, and the symmetric colour range.
 *
 * Matrices are row-major Float32Arrays: entry (i, j), row i and column j, is
 * data[i * size + j]. i is the vertical (row) axis on screen, j the horizontal.
 */
import { moveCursor, pointToCell } from './gridGeometry';

export interface Downsampled {
  /** n x n block means, row-major. */
  readonly values: Float32Array;
  /** Side of the downsampled image, ceil(size / factor). */
  readonly n: number;
  /** Each image pixel averages a factor x factor block of entries (1 = no downsampling). */
  readonly factor: number;
}

/**
 * Shrinks a size x size matrix to at most target x target by averaging
 * factor x factor blocks, factor = ceil(size / target). Blocks are uniform;
 * the last row and column of blocks may be cut short by the matrix edge and
 * average only the entries they hold. A 4096 x 4096 matrix with target 512
 * becomes 512 x 512 means of 8 x 8 blocks. Non-finite entries are skipped
 * (a block of only NaN gives NaN).
 */
export function downsample(data: Float32Array, size: number, target: number): Downsampled {
  if (data.length < size * size) {
    throw new RangeError(`matrix has ${data.length} entries, expected ${size} x ${size}`);
  }
  const factor = Math.max(1, Math.ceil(size / Math.max(1, Math.floor(target))));
  if (factor === 1) return { values: data.slice(0, size * size), n: size, factor };
  const n = Math.ceil(size / factor);
  const sums = new Float64Array(n * n);
  const counts = new Uint32Array(n * n);
  for (let i = 0; i < size; i++) {
    const outRow = Math.floor(i / factor) * n;
    const inRow = i * size;
    for (let b = 0; b < n; b++) {
      const end = inRow + Math.min(size, (b + 1) * factor);
      let sum = 0;
      let count = 0;
      for (let k = inRow + b * factor; k < end; k++) {
        const v = data[k];
        // v - v is 0 exactly when v is finite (NaN and +-Infinity give NaN).
        if (v - v === 0) {
          sum += v;
          count++;
        }
      }
      sums[outRow + b] += sum;
      counts[outRow + b] += count;
    }
  }
  const values = new Float32Array(n * n);
  for (let k = 0; k < values.length; k++) values[k] = counts[k] ? sums[k] / counts[k] : NaN;
  return { values, n, factor };
}

/** Largest |entry| over the finite entries; 0 for an empty or all-zero matrix. */
export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < data.length; k++) {
    const a = Math.abs(data[k]);
    if (a > m) m = a;
  }
  return m;
}

/** Fills a size x size matrix from value(i, j). */
export function matrixFrom(size: number, value: (i: number, j: number) => number): Float32Array {
  const out = new Float32Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) out[i * size + j] = value(i, j);
  return out;
}

export interface MatrixCell {
  readonly i: number;
  readonly j: number;
}

/**
 * The matrix entry under a screen point (x, y), in CSS px from the top-left of
 * a boxW x boxH element that shows the whole matrix, whatever its scale or
 * downsampling; null outside the element.
 */
export function screenToCell(
  x: number,
  y: number,
  boxW: number,
  boxH: number,
  size: number,
): MatrixCell | null {
  if (!(boxW > 0 && boxH > 0) || x < 0 || y < 0 || x >= boxW || y >= boxH) return null;
  const c = pointToCell(x, y, boxW, boxH, { width: size, height: size });
  // Float rounding can land exactly on `size` at the far edge.
  return { i: Math.min(c.row, size - 1), j: Math.min(c.col, size - 1) };
}

/** Where entry (i, j) sits on screen: left/top/width/height as fractions of the element. */
export function cellRect(cell: MatrixCell, size: number) {
  return { left: cell.j / size, top: cell.i / size, width: 1 / size, height: 1 / size };
}

/** Arrow-key step: one entry, or about 1/16 of the matrix with Shift. */
export function keyStep(size: number, shift: boolean): number {
  return shift ? Math.max(1, Math.round(size / 16)) : 1;
}

/**
 * Where a key takes the keyboard cursor on a size x size matrix: arrows one
 * entry (about 1/16 of the matrix with Shift), Home/End the row's ends,
 * clamped at the edges; null for other keys.
 */
export function moveEntry(
  from: MatrixCell,
  key: string,
  size: number,
  shift: boolean,
): MatrixCell | null {
  const dims = { width: size, height: size };
  const moved = moveCursor({ row: from.i, col: from.j }, key, dims, keyStep(size, shift));
  return moved && { i: moved.row, j: moved.col };
}

/** Tooltip text, e.g. "w[3,5] = 0.123" (three significant digits). */
export function formatWeight(i: number, j: number, w: number): string {
  const text = Number.isFinite(w) ? Number(w.toPrecision(3)).toString() : String(w);
  return `w[${i},${j}] = ${text}`;
}
