/**
 * What a pointer stroke or a key press does to a +-1 grid. Pure: PatternGrid
 * feeds it events and applies the result.
 *
 * Cells hold +1 ("on", ink) or -1 ("off", paper), the bipolar convention of
 * src/core/pattern.ts.
 */
import {
  type Cell,
  type GridDims,
  cellIndex,
  clampCell,
  lineIndices,
  moveCursor,
} from './gridGeometry';

export type GridTool = 'paint' | 'erase' | 'toggle';

/** The parts of a PointerEvent that choose the value a stroke draws. */
export interface StrokeInput {
  readonly button: number;
  readonly buttons: number;
  readonly shiftKey: boolean;
  readonly pointerType: string;
}

/** Pointer button 5 and buttons bit 32 are a pen's eraser end or barrel eraser button. */
export function isEraser(e: StrokeInput): boolean {
  return e.pointerType === 'pen' && (e.button === 5 || (e.buttons & 32) !== 0);
}

/**
 * The value a stroke draws on every cell it crosses. Right button, pen eraser
 * and Shift always erase (-1). Otherwise 'paint' draws +1, 'erase' -1, and
 * 'toggle' flips the cell the stroke starts on and drags that new value on.
 */
export function strokeValue(tool: GridTool, e: StrokeInput, startCell: number): 1 | -1 {
  if (e.button === 2 || e.shiftKey || isEraser(e)) return -1;
  if (tool === 'erase') return -1;
  if (tool === 'toggle') return startCell === 1 ? -1 : 1;
  return 1;
}

/** Sets `cells[i] = value` for each index (in place); returns how many changed. */
export function paintIndices(cells: Int8Array, indices: readonly number[], value: 1 | -1): number {
  let changed = 0;
  for (const i of indices) {
    if (cells[i] !== value) {
      cells[i] = value;
      changed++;
    }
  }
  return changed;
}

/** The live-region text for the cursor cell: 1-based, as a person counts. */
export function announceCell(cell: Cell, value: number): string {
  return `row ${cell.row + 1}, column ${cell.col + 1}, ${value === 1 ? 'on' : 'off'}`;
}

export interface GridKeyState {
  readonly cursor: Cell;
  readonly cells: Int8Array;
  readonly dims: GridDims;
  readonly tool: GridTool;
}

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

export interface GridKeyResult {
  /** False when the key is not ours (let the browser have it). */
  readonly handled: boolean;
  readonly cursor: Cell;
  /** A new array when the key changed a cell, else null. */
  readonly cells: Int8Array | null;
  readonly announce: string | null;
}

/**
 * Keyboard editing of a +-1 grid. Arrows (and Home/End/PageUp/PageDown) move
 * the cursor, clamped to the grid. Space toggles the cursor cell. Shift+arrow
 * paints while moving: every cell from the one left to the one reached
 * (a whole row segment for Shift+Home/End) gets the tool's value ('erase' draws -1; 'paint' and 'toggle' draw +1). Keys with Ctrl, Meta
 * or Alt are left to the browser and the app's shortcuts.
 */
export function gridKeyReducer(state: GridKeyState, input: KeyInput): GridKeyResult {
  const cursor = clampCell(state.cursor, state.dims);
  const ignored: GridKeyResult = { handled: false, cursor, cells: null, announce: null };
  if (input.ctrlKey || input.metaKey || input.altKey) return ignored;

  if (input.key === ' ' || input.key === 'Spacebar') {
    const next = new Int8Array(state.cells);
    const i = cellIndex(cursor, state.dims);
    next[i] = next[i] === 1 ? -1 : 1;
    return { handled: true, cursor, cells: next, announce: announceCell(cursor, next[i]) };
  }

  const moved = moveCursor(cursor, input.key, state.dims);
  if (!moved) return ignored;
  let cells: Int8Array | null = null;
  if (input.shiftKey) {
    const value = state.tool === 'erase' ? -1 : 1;
    const next = new Int8Array(state.cells);
    if (paintIndices(next, lineIndices(cursor, moved, state.dims), value) > 0) cells = next;
  }
  const value = (cells ?? state.cells)[cellIndex(moved, state.dims)];
  return { handled: true, cursor: moved, cells, announce: announceCell(moved, value) };
}
