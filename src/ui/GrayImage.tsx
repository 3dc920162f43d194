/**
 * GrayImage: a read-only picture of a grayscale image with values in
 * [-1, 1] (-1 paper, +1 ink; 0, a hidden pixel of a cue, is the mid tone),
 * or in [0, 1] with range="unit" (0 paper, 1 ink). Drawn on a canvas of one
 * pixel per image pixel, scaled up by CSS.
 */
import { useLayoutEffect, useRef } from 'react';
import './ui.css';

export interface GrayImageProps {
  values: ArrayLike<number> | null;
  width?: number;
  height?: number;
  /** CSS px of the side, default 112. */
  size?: number;
  label: string;
  testId?: string;
  /** 'bipolar': values in [-1, 1] (default); 'unit': values in [0, 1]. */
  range?: 'bipolar' | 'unit';
}

/** Paper and ink, as the Classic lab's grid (--off, --on). */
const PAPER = [244, 241, 232];
const INK = [29, 43, 83];

export function GrayImage({
  values,
  width = 28,
  height = 28,
  size = 112,
  label,
  testId,
  range = 'bipolar',
}: GrayImageProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const v = values ? values[i] : range === 'unit' ? 0 : -1;
      const t = Math.min(1, Math.max(0, range === 'unit' ? v : (v + 1) / 2));
      for (let c = 0; c < 3; c++) img.data[4 * i + c] = PAPER[c] + t * (INK[c] - PAPER[c]);
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, width, height, range]);
  return (
    <canvas
      ref={ref}
      className="gray-image"
      width={width}
      height={height}
      style={{ width: size, height: (size * height) / width }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
