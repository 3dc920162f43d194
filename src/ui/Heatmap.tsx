/**
 * Heatmap: a D x D matrix (a weight matrix W) on a canvas, coloured on a
 * diverging scale symmetric about 0 (from --neg through --heat-mid to --pos;
 * RdBu by default), with a legend of the range. Large matrices are
 * block-averaged to at most 512 x 512 image pixels; hover and keys always
 * address the full matrix. Hover (or arrows) shows "w[i,j] = ..."; a click,
 * Enter or Space selects row i (onSelect). The maths lives in heatmapMath.ts.
 */
import { useId, useLayoutEffect, useMemo, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import {
  type MatrixCell,
  cellRect,
  downsample,
  formatWeight,
  matrixFrom,
  maxAbs,
  moveEntry,
  screenToCell,
} from './heatmapMath';
import { formatNumber } from './chartMath';
import { useThemeVersion } from './hooks';
import { colorLut, cssVars, divergingColors, divergingInterpolator, valuesToRgba } from './scales';
import { ScreenReaderText } from './ScreenReaderText';
import './ui.css';
import './charts.css';

/** The canvas never holds more than this many pixels per side. */
export const HEATMAP_MAX_PIXELS = 512;

export interface HeatmapCell {
  i: number;
  j: number;
  w: number;
}

export interface HeatmapProps {
  /** Rows = columns = size. */
  size: number;
  /** Entry (i, j); used when `data` is not given. */
  value?: (i: number, j: number) => number;
  /** Row-major size x size entries; wins over `value`. Pass a new array when it changes. */
  data?: Float32Array;
  onHover?: (cell: HeatmapCell | null) => void;
  onSelect?: (i: number) => void;
  /** Row drawn as selected (e.g. the unit whose weights are shown elsewhere). */
  selected?: number | null;
  label: string;
  /** CSS px of the square, default 320; shrinks to fit narrow screens. */
  pixelSize?: number;
  testId?: string;
}

export function Heatmap({
  size,
  value,
  data,
  onHover,
  onSelect,
  selected = null,
  label,
  pixelSize = 320,
  testId,
}: HeatmapProps) {
  const matrix = useMemo(
    () => data ?? (value ? matrixFrom(size, value) : new Float32Array(size * size)),
    [data, value, size],
  );
  const m = useMemo(() => maxAbs(matrix), [matrix]);
  const image = useMemo(() => downsample(matrix, size, HEATMAP_MAX_PIXELS), [matrix, size]);

  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const [legend, setLegend] = useState<HTMLCanvasElement | null>(null);
  const theme = useThemeVersion();
  useLayoutEffect(() => {
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const lut = colorLut(divergingInterpolator(divergingColors(cssVars(canvas))));
    const img = ctx.createImageData(image.n, image.n);
    valuesToRgba(image.values, m, lut, img.data);
    ctx.putImageData(img, 0, 0);
    const lctx = legend?.getContext('2d');
    if (!lctx) return;
    const strip = lctx.createImageData(256, 1);
    strip.data.set(lut);
    lctx.putImageData(strip, 0, 0);
  }, [canvas, legend, image, m, theme]);

  const interactive = onHover !== undefined || onSelect !== undefined;
  const [hover, setHover] = useState<MatrixCell | null>(null);
  const [cursor, setCursor] = useState<MatrixCell | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const [announce, setAnnounce] = useState('');
  const entry = (c: MatrixCell): HeatmapCell => ({ ...c, w: matrix[c.i * size + c.j] });

  const hoverAt = (c: MatrixCell | null) => {
    if (c?.i === hover?.i && c?.j === hover?.j) return;
    setHover(c);
    onHover?.(c ? entry(c) : null);
  };

  const cellAt = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return screenToCell(e.clientX - r.left, e.clientY - r.top, r.width, r.height, size);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || size === 0) return;
    const from = cursor ?? hover ?? { i: 0, j: 0 };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setCursor(from);
      onSelect?.(from.i);
      setAnnounce(`selected row ${from.i}`);
      return;
    }
    const c = moveEntry(from, e.key, size, e.shiftKey);
    if (!c) return;
    e.preventDefault();
    setKeyboard(true);
    setCursor(c);
    setHover(null);
    onHover?.(entry(c));
    setAnnounce(formatWeight(c.i, c.j, entry(c).w));
  };

  const shown = hover ?? (keyboard ? cursor : null);
  const descId = useId();
  const description =
    `${size} by ${size} matrix, values from ${formatNumber(-m)} to ${formatNumber(m)};` +
    ` negative and positive entries in two contrasting colours, zero pale.` +
    (image.factor > 1 ? ` Each pixel averages ${image.factor} by ${image.factor} entries.` : '') +
    (interactive ? ' Arrow keys move (Shift: faster), Enter selects the row.' : '');

  return (
    <div className="ui-heatmap" data-testid={testId}>
      <div
        className="ui-heatmap-stage ui-focusable"
        style={{ width: pixelSize, aspectRatio: '1', touchAction: interactive ? 'none' : 'auto' }}
        role={interactive ? 'application' : 'img'}
        aria-roledescription="heatmap"
        aria-label={label}
        aria-describedby={descId}
        tabIndex={interactive ? 0 : undefined}
        data-size={size}
        data-factor={image.factor}
        onPointerMove={(e) => hoverAt(cellAt(e))}
        onPointerDown={(e) => hoverAt(cellAt(e))}
        onPointerLeave={(e) => e.pointerType === 'mouse' && hoverAt(null)}
        onClick={(e) => {
          const c = cellAt(e);
          if (!c || !onSelect) return;
          setCursor(c);
          setKeyboard(false);
          onSelect(c.i);
        }}
        onKeyDown={interactive ? onKeyDown : undefined}
        onBlur={() => setKeyboard(false)}
      >
        <canvas
          ref={setCanvas}
          className="ui-heatmap-canvas"
          width={image.n}
          height={image.n}
          aria-hidden="true"
        />
        {selected !== null && selected >= 0 && selected < size && (
          <div
            className="ui-heatmap-row"
            style={{ top: pct(selected / size), height: `max(2px, ${pct(1 / size)})` }}
          />
        )}
        {keyboard && cursor && cursor !== shown && <CellBox cell={cursor} size={size} />}
        {shown && <CellBox cell={shown} size={size} />}
        {shown && (
          <div
            className="ui-tooltip"
            style={{
              left: pct((shown.j + (shown.j > size / 2 ? 0 : 1)) / size),
              top: pct((shown.i + 1) / size),
              transform: `translate(${shown.j > size / 2 ? 'calc(-100% - 8px)' : '8px'}, ${
                shown.i > size * 0.75 ? 'calc(-100% - 24px)' : '4px'
              })`,
            }}
          >
            {formatWeight(shown.i, shown.j, entry(shown).w)}
          </div>
        )}
      </div>
      <div className="ui-heatmap-legend" style={{ maxWidth: pixelSize }}>
        <span>{formatNumber(-m)}</span>
        <canvas ref={setLegend} width={256} height={1} aria-hidden="true" />
        <span>
          {m > 0 ? '+' : ''}
          {formatNumber(m)}
        </span>
      </div>
      <ScreenReaderText
        id={descId}
        description={description}
        announce={interactive ? announce : null}
      />
    </div>
  );
}

function pct(f: number): string {
  return `${f * 100}%`;
}

/** Outline of one entry, at least 6 px so it stays visible on a 4096 x 4096 matrix. */
function CellBox({ cell, size }: { cell: MatrixCell; size: number }) {
  const r = cellRect(cell, size);
  const side = `max(6px, ${pct(r.width)})`;
  return (
    <div
      className="ui-heatmap-box"
      style={{
        left: `calc(${pct(r.left + r.width / 2)} - ${side} / 2)`,
        top: `calc(${pct(r.top + r.height / 2)} - ${side} / 2)`,
        width: side,
        height: side,
      }}
    />
  );
}
