/**
 * LineChart's crosshair: an x value (so it stays put while a live series
 * grows), moved by the pointer or the keyboard (Left/Right, Shift for ten
 * points, Home/End; Escape hides it), and the points of every series close
 * enough to it to read out. The maths is in chartMath.ts.
 */
import { useState } from 'react';
import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { type Point, formatNumber, moveIndex, nearestIndex, primaryIndex } from './chartMath';
import { seriesColor } from './scales';

/** A series' point joins the read-out only if it is this close (px) to the crosshair. */
const READOUT_PX = 16;

export interface ReadoutRow {
  /** The series' index. */
  k: number;
  name: string;
  p: Point;
  color: string;
}

export function useCrosshair(
  points: readonly (readonly Point[])[],
  series: readonly { name: string; color?: string }[],
  x: (v: number) => number,
  xLabel: string,
) {
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const primary = primaryIndex(points);

  const readoutAt = (xv: number): ReadoutRow[] => {
    const target = x(xv);
    return points.flatMap((pts, k) => {
      const i = nearestIndex(pts, target, x);
      if (i < 0 || Math.abs(x(pts[i].x) - target) > READOUT_PX) return [];
      return [{ k, name: series[k].name, p: pts[i], color: seriesColor(k, series[k].color) }];
    });
  };

  const onPointer = (e: ReactPointerEvent<SVGRectElement>) => {
    const pts = points[primary];
    if (!pts || pts.length === 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    const i = nearestIndex(pts, e.clientX - r.left, x);
    setHoverX(i < 0 ? null : pts[i].x);
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Escape') {
      setHoverX(null);
      return;
    }
    const pts = points[primary];
    if (!pts || e.ctrlKey || e.metaKey || e.altKey) return;
    const from = hoverX === null ? -1 : nearestIndex(pts, x(hoverX), x);
    const next = moveIndex(from, e.key, pts.length, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    const xv = pts[next].x;
    setHoverX(xv);
    const parts = readoutAt(xv).map((r) => `${r.name} ${formatNumber(r.p.y)}`);
    setAnnounce(`${xLabel} ${formatNumber(xv)}: ${parts.join(', ')}`);
  };

  return {
    /** The crosshair's x, or null when hidden. */
    hoverX,
    readout: hoverX === null ? [] : readoutAt(hoverX),
    /** What the last key press read out, for a polite live region. */
    announce,
    hide: () => setHoverX(null),
    onPointer,
    onKeyDown,
  };
}
