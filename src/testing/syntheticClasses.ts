/**
 * A small labelled image set with real class structure, for testing the
 * consolidation models without MNIST: each class is a prototype of a few
 * random soft strokes; each item is its class's prototype shifted by up to
 * `shift` pixels (continuous), scaled in brightness by U(0.7, 1) and given
 * Gaussian pixel noise, clipped to [0, 1]. Deterministic in the seed.
 */
import { createRng, type Rng } from '../core/random';

export interface LabelledImages {
  /** n images of side x side pixels in [0, 1], row-major, laid end to end. */
  readonly images: Float32Array;
  readonly labels: Uint8Array;
  readonly n: number;
  readonly side: number;
  readonly classes: number;
}

export interface SyntheticOptions {
  readonly classes?: number;
  readonly perClass: number;
  readonly side?: number;
  /** Strokes per prototype. Default 3. */
  readonly strokes?: number;
  /** Largest shift in pixels along each axis. Default 1. */
  readonly shift?: number;
  /** Standard deviation of the pixel noise. Default 0.1. */
  readonly noise?: number;
  /** Seeds the prototypes (same seed, same classes). */
  readonly classSeed: number;
  /** Seeds the items (train and test sets share classSeed, differ here). */
  readonly itemSeed: number;
}

type Segment = readonly [number, number, number, number];

/** Items interleaved by class (item i has label i mod classes). */
export function syntheticClasses(options: SyntheticOptions): LabelledImages {
  const classes = options.classes ?? 10;
  const side = options.side ?? 12;
  const strokes = options.strokes ?? 3;
  const shift = options.shift ?? 1;
  const noise = options.noise ?? 0.1;
  const protoRng = createRng(options.classSeed);
  const prototypes: Segment[][] = [];
  for (let c = 0; c < classes; c++) {
    const segs: Segment[] = [];
    for (let s = 0; s < strokes; s++) {
      const m = 2;
      const p = (): number => m + protoRng.next() * (side - 1 - 2 * m);
      segs.push([p(), p(), p(), p()]);
    }
    prototypes.push(segs);
  }
  const rng = createRng(options.itemSeed);
  const n = classes * options.perClass;
  const d = side * side;
  const images = new Float32Array(n * d);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels[i] = c;
    const dx = (2 * rng.next() - 1) * shift;
    const dy = (2 * rng.next() - 1) * shift;
    const gain = 0.7 + 0.3 * rng.next();
    render(prototypes[c], side, dx, dy, gain, noise, rng, images.subarray(i * d, (i + 1) * d));
  }
  return { images, labels, n, side, classes };
}

function render(
  segs: Segment[],
  side: number,
  dx: number,
  dy: number,
  gain: number,
  noise: number,
  rng: Rng,
  out: Float32Array,
): void {
  const width = 0.7;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let best = Infinity;
      for (const [x0, y0, x1, y1] of segs) {
        best = Math.min(best, segmentDist2(x - dx, y - dy, x0, y0, x1, y1));
      }
      const v = gain * Math.exp(-best / (2 * width * width)) + noise * rng.normal();
      out[y * side + x] = Math.min(1, Math.max(0, v));
    }
  }
}

function segmentDist2(
  px: number,
  py: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  const vx = x1 - x0;
  const vy = y1 - y0;
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - x0) * vx + (py - y0) * vy) / len2));
  const ex = px - (x0 + t * vx);
  const ey = py - (y0 + t * vy);
  return ex * ex + ey * ey;
}
