/**
 * PatternGrid: shows a +-1 pattern on a canvas and, when `onChange` is given,
 * lets a visitor draw on it with mouse, touch, pen or keyboard.
 *
 * Pointer: press sets the tool's value on the cell (right button, pen eraser
 * or Shift erase), dragging draws a gap-free Bresenham line between pointer
 * samples. The stroke draws into a private copy, repaints and emits a NEW
 * Int8Array at most once per animation frame, and always emits the final
 * state on pointerup. Keyboard: see gridKeyReducer. The pure logic lives in
 * gridGeometry.ts, gridEditing.ts and gridDraw.ts.
 *
 * For tests the canvas carries data-testid, data-cells ('1' for +1, '0' for
 * -1, row-major), data-width and data-height.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { drawGrid } from './gridDraw';
import { type GridTool, gridKeyReducer, paintIndices, strokeValue } from './gridEditing';
import {
  type Cell,
  backingSize,
  cellIndex,
  cellsToBits,
  clampCell,
  gridCssSize,
  inGrid,
  lineIndices,
  pointToCell,
} from './gridGeometry';
import { useDevicePixelRatio, useElementSize, useThemeVersion } from './hooks';
import { cssVars, gridPalette } from './scales';
import { ScreenReaderText } from './ScreenReaderText';
import './ui.css';

export interface PatternGridProps {
  width: number;
  height: number;
  /** Row-major +-1 cells. Pass a new array for each change. */
  cells: Int8Array;
  /** Makes the grid editable; receives a new array per change. */
  onChange?: (next: Int8Array) => void;
  /** Accessible name. */
  label: string;
  /** CSS px of the longer side (cells are square), default 320; shrinks to fit narrow screens. */
  size?: number;
  /** Unit index drawn with an outline (the unit async recall just updated). */
  highlight?: number | null;
  /** Reference pattern: cells that differ from it get a corner marker. */
  diff?: Int8Array | null;
  tool?: GridTool;
  testId?: string;
}

interface Stroke {
  readonly pointerId: number;
  readonly value: 1 | -1;
  readonly working: Int8Array;
  last: Cell;
  /** Something changed during this stroke. */
  changed: boolean;
  /** Changes not yet emitted. */
  dirty: boolean;
}

export function PatternGrid({
  width,
  height,
  cells,
  onChange,
  label,
  size = 320,
  highlight = null,
  diff = null,
  tool = 'paint',
  testId,
}: PatternGridProps) {
  const editable = onChange !== undefined;
  const dims = useMemo(() => ({ width, height }), [width, height]);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const box = useElementSize(canvas);
  const dpr = useDevicePixelRatio();
  const css = gridCssSize(dims, size);
  const pixelWidth = backingSize(box?.width || css.w, dpr);
  const pixelHeight = backingSize(box?.height || css.h, dpr);

  const [cursorState, setCursor] = useState<Cell>({ row: 0, col: 0 });
  const cursor = useMemo(() => clampCell(cursorState, dims), [cursorState, dims]);
  const [showCursor, setShowCursor] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [strokesEnded, setStrokesEnded] = useState(0);

  const stroke = useRef<Stroke | null>(null);
  const frame = useRef(0);
  const latest = useRef({ cells, onChange });
  const drawRef = useRef<(source: ArrayLike<number>) => void>(() => {});
  useLayoutEffect(() => {
    latest.current = { cells, onChange };
  });

  const theme = useThemeVersion();
  // Reading CSS variables costs a style lookup; do it once per theme change,
  // not on every animation frame.
  const palette = useMemo(
    () => (canvas ? gridPalette(cssVars(canvas)) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [canvas, theme],
  );
  // Repaint whenever what is shown changes (or the theme does); a live stroke shows its own copy.
  useLayoutEffect(() => {
    const draw = (source: ArrayLike<number>) => {
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || !palette) return;
      drawGrid(ctx, {
        dims,
        cells: source,
        pixelWidth,
        pixelHeight,
        palette,
        highlight,
        diff,
        cursor: showCursor ? cursor : null,
        dpr,
      });
    };
    drawRef.current = draw;
    draw(stroke.current?.working ?? cells);
  }, [
    canvas,
    dims,
    cells,
    pixelWidth,
    pixelHeight,
    highlight,
    diff,
    showCursor,
    cursor,
    dpr,
    strokesEnded,
    palette,
  ]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const bits = useMemo(() => cellsToBits(cells), [cells]);
  const onCount = bits.split('1').length - 1;
  const descId = useId();

  const flush = () => {
    frame.current = 0;
    const s = stroke.current;
    if (!s) return;
    drawRef.current(s.working);
    if (s.dirty) {
      s.dirty = false;
      latest.current.onChange?.(new Int8Array(s.working));
    }
  };

  const paint = (indices: number[]) => {
    const s = stroke.current;
    if (!s || paintIndices(s.working, indices, s.value) === 0) return;
    s.changed = true;
    s.dirty = true;
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  };

  const cellAt = (e: { clientX: number; clientY: number }, el: HTMLCanvasElement): Cell => {
    const r = el.getBoundingClientRect();
    return pointToCell(e.clientX - r.left, e.clientY - r.top, r.width, r.height, dims);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (stroke.current || (e.button !== 0 && e.button !== 2 && e.button !== 5)) return;
    const el = e.currentTarget;
    const cell = cellAt(e, el);
    if (!inGrid(cell, dims)) return;
    e.preventDefault();
    el.focus({ preventScroll: true });
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // Capture is a nicety (drags that leave the canvas); drawing works without it.
    }
    const working = new Int8Array(latest.current.cells);
    const value = strokeValue(tool, e, working[cellIndex(cell, dims)]);
    stroke.current = {
      pointerId: e.pointerId,
      value,
      working,
      last: cell,
      changed: false,
      dirty: false,
    };
    setCursor(cell);
    setShowCursor(false);
    paint(lineIndices(cell, cell, dims));
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || e.pointerId !== s.pointerId) return;
    const coalesced = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const p of coalesced.length > 0 ? coalesced : [e]) {
      const cell = cellAt(p, e.currentTarget);
      if (cell.row === s.last.row && cell.col === s.last.col) continue;
      paint(lineIndices(s.last, cell, dims));
      s.last = cell;
    }
  };

  const endStroke = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || e.pointerId !== s.pointerId) return;
    if (e.type === 'pointerup') paint(lineIndices(s.last, cellAt(e, e.currentTarget), dims));
    stroke.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    // The last onChange of a stroke always comes now, with the final state.
    if (s.changed) latest.current.onChange?.(new Int8Array(s.working));
    setCursor(clampCell(s.last, dims));
    setStrokesEnded((n) => n + 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (stroke.current) return;
    const r = gridKeyReducer({ cursor, cells, dims, tool }, e);
    if (!r.handled) return;
    e.preventDefault();
    setCursor(r.cursor);
    setShowCursor(true);
    if (r.cells) onChange?.(r.cells);
    if (r.announce) setAnnouncement(r.announce);
  };

  const description =
    `${width} by ${height} grid, ${onCount} of ${width * height} cells on.` +
    (editable
      ? ' Draw with a mouse, finger or pen; right button or Shift erases.' +
        ' Arrow keys move the cursor, Space toggles a cell, Shift with arrows paints.'
      : '');

  return (
    <div className="ui-grid">
      <canvas
        ref={setCanvas}
        className="ui-grid-canvas ui-focusable"
        width={pixelWidth}
        height={pixelHeight}
        style={{ width: css.w, aspectRatio: `${width} / ${height}` }}
        role={editable ? 'application' : 'img'}
        aria-roledescription={editable ? 'drawing grid' : undefined}
        aria-label={label}
        aria-describedby={descId}
        tabIndex={editable ? 0 : undefined}
        data-editable={editable}
        data-testid={testId}
        data-cells={bits}
        data-width={width}
        data-height={height}
        onPointerDown={editable ? onPointerDown : undefined}
        onPointerMove={editable ? onPointerMove : undefined}
        onPointerUp={editable ? endStroke : undefined}
        onPointerCancel={editable ? endStroke : undefined}
        onLostPointerCapture={editable ? endStroke : undefined}
        onContextMenu={editable ? (e) => e.preventDefault() : undefined}
        onKeyDown={editable ? onKeyDown : undefined}
        onFocus={(e) => setShowCursor(editable && focusVisible(e.currentTarget))}
        onBlur={() => setShowCursor(false)}
      />
      <ScreenReaderText
        id={descId}
        description={description}
        announce={editable ? announcement : null}
      />
    </div>
  );
}

/** Did this focus come from the keyboard? (false where :focus-visible is unknown) */
function focusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return false;
  }
}
