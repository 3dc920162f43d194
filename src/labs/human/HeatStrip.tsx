/**
 * The context vector over time as a heat strip: one column per step of the
 * watched list (study, distractor, start-of-list reinstatement, recall), one
 * row per context unit, darker for a larger t_u. Columns after the current
 * step are left blank, so the strip fills in as the list plays. Clicking or
 * tapping a column goes to that step (the step slider does the same from
 * the keyboard).
 */
import { useLayoutEffect, useMemo, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { interpolateBlues, rgb } from 'd3';
import { useDevicePixelRatio, useElementSize } from '../../ui/hooks';

/** 256 colours of the sequential scale, as RGB bytes. */
const LUT = (() => {
  const out = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = rgb(interpolateBlues((i / 255) * 0.9 + 0.05));
    out.set([c.r, c.g, c.b], i * 3);
  }
  return out;
})();

/** A canvas with one pixel per (step, unit) for the steps up to `current`, or null without a DOM. */
function cellImage(
  columns: readonly Float64Array[],
  rows: readonly StripRow[],
  current: number,
): HTMLCanvasElement | null {
  if (typeof document === 'undefined' || columns.length === 0 || rows.length === 0) return null;
  const img = new ImageData(columns.length, rows.length);
  for (let c = 0; c <= Math.min(current, columns.length - 1); c++) {
    rows.forEach((r, k) => {
      const v = Math.round(Math.min(1, Math.max(0, columns[c][r.unit])) * 255);
      const o = (k * columns.length + c) * 4;
      img.data[o] = LUT[v * 3];
      img.data[o + 1] = LUT[v * 3 + 1];
      img.data[o + 2] = LUT[v * 3 + 2];
      img.data[o + 3] = 255;
    });
  }
  const out = document.createElement('canvas');
  out.width = columns.length;
  out.height = rows.length;
  out.getContext('2d')?.putImageData(img, 0, 0);
  return out;
}

export interface StripRow {
  unit: number;
  label: string;
}

const LEFT = 52;
const TOP = 6;
const BOTTOM = 4;

export function HeatStrip({
  columns,
  rows,
  current,
  onSelect,
  label,
  firstRecall,
}: {
  /** Context after each step (full vectors; `rows` picks the units shown). */
  columns: readonly Float64Array[];
  rows: readonly StripRow[];
  current: number;
  onSelect: (column: number) => void;
  label: string;
  /** Column index where recall starts (a line is drawn before it). */
  firstRecall: number;
}) {
  const [wrap, setWrap] = useState<HTMLElement | null>(null);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const width = Math.floor(useElementSize(wrap)?.width ?? 0);
  const dpr = useDevicePixelRatio();
  const rowH = Math.max(4, Math.min(12, Math.floor(300 / Math.max(1, rows.length))));
  const height = TOP + rows.length * rowH + BOTTOM;
  const colW = columns.length ? Math.max(1, (width - LEFT) / columns.length) : 0;

  // The cells as one small image (a pixel per cell), drawn scaled up in one call.
  const cells = useMemo(() => cellImage(columns, rows, current), [columns, rows, current]);

  useLayoutEffect(() => {
    const g = canvas?.getContext('2d');
    if (!canvas || !g || width === 0) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    const style = getComputedStyle(canvas);
    const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    g.fillStyle = css('--off', '#f1ede4');
    g.fillRect(LEFT, TOP, width - LEFT, rows.length * rowH);
    if (cells) {
      g.imageSmoothingEnabled = false;
      const shown = Math.min(current + 1, columns.length);
      g.drawImage(cells, 0, 0, shown, rows.length, LEFT, TOP, shown * colW, rows.length * rowH);
    }
    g.fillStyle = css('--fg', '#1b1f2a');
    g.font = `${Math.min(11, rowH + 1)}px system-ui, sans-serif`;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    const every = Math.ceil(10 / rowH);
    rows.forEach((r, k) => {
      if (k % every === 0 || r.label === 'start')
        g.fillText(r.label, LEFT - 4, TOP + (k + 0.5) * rowH);
    });
    g.lineWidth = 2;
    if (firstRecall > 0 && firstRecall < columns.length) {
      g.strokeStyle = css('--pos', '#b2182b');
      g.beginPath();
      g.moveTo(LEFT + firstRecall * colW, TOP);
      g.lineTo(LEFT + firstRecall * colW, TOP + rows.length * rowH);
      g.stroke();
    }
    g.strokeStyle = css('--accent', '#2457c5');
    g.strokeRect(LEFT + current * colW, TOP - 1, Math.max(2, colW), rows.length * rowH + 2);
  }, [canvas, cells, columns.length, rows, current, width, height, dpr, colW, rowH, firstRecall]);

  const pick = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = Math.floor((e.clientX - r.left - LEFT) / colW);
    if (c >= 0 && c < columns.length) onSelect(c);
  };

  return (
    <div ref={setWrap} className="hm-strip">
      <canvas
        ref={setCanvas}
        width={Math.round(width * dpr)}
        height={Math.round(height * dpr)}
        style={{ width, height }}
        role="img"
        aria-label={label}
        data-testid="context-strip"
        data-columns={columns.length}
        onPointerDown={pick}
      />
    </div>
  );
}
