/**
 * DrawPad: draw a digit on a 28 x 28 canvas with a mouse, a finger or a pen
 * (pointer events). A soft round brush adds ink (0..1) with a Gaussian
 * falloff, so strokes look like MNIST's anti-aliased pen. The drawing is
 * handed over when a stroke ends.
 */
import { useLayoutEffect, useRef } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { Button } from '../../ui/Controls';

const SIDE = 28;
/** Brush: ink = exp(-r^2 / (2 sigma^2)) around the pen, in cells. */
const SIGMA = 0.8;
const REACH = 2;

export function stamp(ink: Float32Array, x: number, y: number): void {
  for (let cy = Math.floor(y - REACH); cy <= Math.ceil(y + REACH); cy++) {
    for (let cx = Math.floor(x - REACH); cx <= Math.ceil(x + REACH); cx++) {
      if (cx < 0 || cy < 0 || cx >= SIDE || cy >= SIDE) continue;
      const r2 = (cx + 0.5 - x) ** 2 + (cy + 0.5 - y) ** 2;
      const v = Math.exp(-r2 / (2 * SIGMA * SIGMA));
      const k = cy * SIDE + cx;
      if (v > ink[k]) ink[k] = v;
    }
  }
}

export function DrawPad({
  drawing,
  onCommit,
  size = 224,
}: {
  drawing: Float32Array;
  onCommit: (ink: Float32Array) => void;
  size?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef(new Float32Array(SIDE * SIDE));
  const last = useRef<[number, number] | null>(null);

  const paint = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(SIDE, SIDE);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const t = ink.current[i];
      img.data[4 * i] = 244 + t * (29 - 244);
      img.data[4 * i + 1] = 241 + t * (43 - 241);
      img.data[4 * i + 2] = 232 + t * (83 - 232);
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  };

  useLayoutEffect(() => {
    ink.current = drawing.slice();
    paint();
  }, [drawing]);

  const at = (e: ReactPointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * SIDE, ((e.clientY - r.top) / r.height) * SIDE];
  };
  const strokeTo = (p: [number, number]) => {
    const from = last.current ?? p;
    const dist = Math.hypot(p[0] - from[0], p[1] - from[1]);
    const n = Math.max(1, Math.ceil(dist / 0.25));
    for (let k = 1; k <= n; k++) {
      stamp(
        ink.current,
        from[0] + ((p[0] - from[0]) * k) / n,
        from[1] + ((p[1] - from[1]) * k) / n,
      );
    }
    last.current = p;
    paint();
  };
  const end = () => {
    if (!last.current) return;
    last.current = null;
    onCommit(ink.current.slice());
  };

  return (
    <div className="mh-drawpad">
      <canvas
        ref={canvas}
        width={SIDE}
        height={SIDE}
        className="mh-image mh-drawcanvas"
        style={{ width: size, height: size }}
        aria-label="Drawing pad: draw a digit with the mouse, a finger or a pen"
        data-testid="draw-pad"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = null;
          strokeTo(at(e));
        }}
        onPointerMove={(e) => {
          if (last.current) strokeTo(at(e));
        }}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <Button onClick={() => onCommit(new Float32Array(SIDE * SIDE))}>Clear drawing</Button>
    </div>
  );
}
