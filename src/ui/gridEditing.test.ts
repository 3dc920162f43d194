import { describe, expect, it } from 'vitest';
import {
  announceCell,
  gridKeyReducer,
  isEraser,
  paintIndices,
  strokeValue,
  type GridKeyState,
} from './gridEditing';
import { cellsToBits } from './gridGeometry';

const mouse = { button: 0, buttons: 1, shiftKey: false, pointerType: 'mouse' };

describe('strokeValue', () => {
  it('paints +1, erases -1, and toggle flips the starting cell', () => {
    expect(strokeValue('paint', mouse, -1)).toBe(1);
    expect(strokeValue('erase', mouse, 1)).toBe(-1);
    expect(strokeValue('toggle', mouse, -1)).toBe(1);
    expect(strokeValue('toggle', mouse, 1)).toBe(-1);
  });

  it('right button, Shift and the pen eraser always erase', () => {
    expect(strokeValue('paint', { ...mouse, button: 2, buttons: 2 }, -1)).toBe(-1);
    expect(strokeValue('paint', { ...mouse, shiftKey: true }, -1)).toBe(-1);
    expect(strokeValue('toggle', { ...mouse, shiftKey: true }, -1)).toBe(-1);
    const eraser = { button: 5, buttons: 32, shiftKey: false, pointerType: 'pen' };
    expect(isEraser(eraser)).toBe(true);
    expect(strokeValue('paint', eraser, -1)).toBe(-1);
    // A pen tip (button 0) paints; button 5 on a mouse is not an eraser.
    expect(strokeValue('paint', { ...eraser, button: 0, buttons: 1 }, -1)).toBe(1);
    expect(isEraser({ ...mouse, button: 5 })).toBe(false);
  });
});

it('paintIndices counts only real changes', () => {
  const cells = Int8Array.from([-1, 1, -1, -1]);
  expect(paintIndices(cells, [0, 1, 1, 3], 1)).toBe(2);
  expect(cellsToBits(cells)).toBe('1101');
  expect(paintIndices(cells, [0, 1], 1)).toBe(0);
});

it('announceCell counts from 1', () => {
  expect(announceCell({ row: 0, col: 4 }, 1)).toBe('row 1, column 5, on');
  expect(announceCell({ row: 2, col: 0 }, -1)).toBe('row 3, column 1, off');
});

describe('gridKeyReducer', () => {
  const base = (): GridKeyState => ({
    cursor: { row: 0, col: 0 },
    cells: new Int8Array(12).fill(-1), // 4 x 3
    dims: { width: 4, height: 3 },
    tool: 'paint',
  });
  const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

  it('arrows move the cursor without touching cells', () => {
    const r = gridKeyReducer(base(), key('ArrowRight'));
    expect(r.handled).toBe(true);
    expect(r.cursor).toEqual({ row: 0, col: 1 });
    expect(r.cells).toBeNull();
    expect(r.announce).toBe('row 1, column 2, off');
  });

  it('Space toggles the cursor cell into a new array', () => {
    const s = base();
    const r = gridKeyReducer({ ...s, cursor: { row: 1, col: 2 } }, key(' '));
    expect(r.cells).not.toBe(s.cells);
    expect(cellsToBits(r.cells!)).toBe('000000100000');
    expect(cellsToBits(s.cells)).toBe('000000000000');
    expect(r.announce).toBe('row 2, column 3, on');
    const back = gridKeyReducer({ ...s, cells: r.cells!, cursor: r.cursor }, key(' '));
    expect(cellsToBits(back.cells!)).toBe('000000000000');
  });

  it('Shift+arrows paint the cells left and reached; Shift+End paints the row', () => {
    const r = gridKeyReducer(base(), key('ArrowDown', true));
    expect(cellsToBits(r.cells!)).toBe('100010000000');
    expect(r.announce).toBe('row 2, column 1, on');
    const row = gridKeyReducer({ ...base(), cursor: { row: 2, col: 1 } }, key('End', true));
    expect(cellsToBits(row.cells!)).toBe('000000000111');
  });

  it('Shift+arrows with the erase tool erase', () => {
    const s = { ...base(), cells: new Int8Array(12).fill(1), tool: 'erase' as const };
    const r = gridKeyReducer(s, key('ArrowRight', true));
    expect(cellsToBits(r.cells!)).toBe('001111111111');
  });

  it('reports no change when Shift-painting already-on cells', () => {
    const s = { ...base(), cells: new Int8Array(12).fill(1) };
    expect(gridKeyReducer(s, key('ArrowRight', true)).cells).toBeNull();
  });

  it('leaves other keys and modified keys to the browser', () => {
    expect(gridKeyReducer(base(), key('a')).handled).toBe(false);
    expect(
      gridKeyReducer(base(), { key: 'ArrowRight', shiftKey: false, ctrlKey: true }).handled,
    ).toBe(false);
  });

  it('clamps a stale cursor after the grid shrinks', () => {
    const r = gridKeyReducer({ ...base(), cursor: { row: 9, col: 9 } }, key(' '));
    expect(r.cursor).toEqual({ row: 2, col: 3 });
    expect(r.cells![11]).toBe(1);
  });
});
