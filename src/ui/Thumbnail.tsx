/**
 * Thumbnail: a small read-only picture of a +-1 pattern. With `onClick` it is
 * a toggle-style <button> (aria-pressed follows `selected`), e.g. to pick a
 * stored pattern as the cue.
 */
import { useLayoutEffect, useMemo, useState } from 'react';
import { drawGrid } from './gridDraw';
import { backingSize, cellsToBits, gridCssSize } from './gridGeometry';
import { useDevicePixelRatio, useThemeVersion } from './hooks';
import { cssVars, gridPalette } from './scales';
import './ui.css';

export interface ThumbnailProps {
  width: number;
  height: number;
  cells: Int8Array;
  /** CSS px of the longer side, default 48. */
  size?: number;
  label: string;
  selected?: boolean;
  onClick?: () => void;
  testId?: string;
}

export function Thumbnail({
  width,
  height,
  cells,
  size = 48,
  label,
  selected,
  onClick,
  testId,
}: ThumbnailProps) {
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const dpr = useDevicePixelRatio();
  const dims = useMemo(() => ({ width, height }), [width, height]);
  const css = gridCssSize(dims, size);
  const pixelWidth = backingSize(css.w, dpr);
  const pixelHeight = backingSize(css.h, dpr);
  const bits = useMemo(() => cellsToBits(cells), [cells]);

  const theme = useThemeVersion();
  useLayoutEffect(() => {
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    drawGrid(ctx, {
      dims,
      cells,
      pixelWidth,
      pixelHeight,
      palette: gridPalette(cssVars(canvas)),
      dpr,
    });
  }, [canvas, dims, cells, pixelWidth, pixelHeight, dpr, theme]);

  const test = {
    'data-testid': testId,
    'data-cells': bits,
    'data-width': width,
    'data-height': height,
  };
  const picture = (
    <canvas
      ref={setCanvas}
      width={pixelWidth}
      height={pixelHeight}
      style={{ width: css.w, height: css.h }}
      className={onClick ? undefined : 'ui-thumb-static'}
      {...(onClick ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label, ...test })}
    />
  );
  if (!onClick) return picture;
  return (
    <button
      type="button"
      className="ui-thumb"
      aria-label={label}
      aria-pressed={selected === undefined ? undefined : selected}
      title={label}
      onClick={onClick}
      {...test}
    >
      {picture}
    </button>
  );
}
