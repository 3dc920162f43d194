/**
 * Boundary extension (SCIENCE.md section 3, step 5): a generative memory
 * recalls a close-up as wider and a wide view as closer, both nearer the
 * typical view it learned.
 *
 * Conventions (square images of side x side pixels, the VAE's d = side^2:
 * 28 x 28 for MNIST; pixels in [0, 1], ink 1):
 * - Zoom by s about the image centre c = ((side - 1) / 2, (side - 1) / 2),
 *   (13.5, 13.5) for MNIST: output pixel p takes the input at
 *   c + (p - c) / s, bilinearly interpolated, 0 (paper) outside the image. s > 1 zooms in (crops the middle and scales it up; ink can
 *   leave the frame), s < 1 zooms out (shrinks the digit and pads it).
 * - Extent: the ink's radius of gyration,
 *     R = sqrt( sum_j w_j |p_j - m|^2 / sum_j w_j ),  m = sum_j w_j p_j / sum_j w_j,
 *   with w_j the pixel value and p_j its (column, row) in pixels. R scales by
 *   s under a zoom that keeps all the ink in the frame.
 * - The measure: mean R of the zoomed inputs against mean R of the VAE's
 *   recalls decode(mu(x)) of them. Boundary extension: for s < 1 the recalls
 *   are larger than their inputs, for s > 1 smaller (pulled toward the
 *   typical R of unzoomed digits).
 */
import { MNIST_SIDE } from '../../data/mnist';
import type { Vae } from './vae';

/** The default image side: MNIST's. */
export const SIDE = MNIST_SIDE;
/** Zoom factors of the measure. */
export const ZOOMS = [0.6, 0.75, 0.9, 1, 1.15, 1.3, 1.5] as const;

/** One image zoomed by s (see the file's doc comment). */
export function zoomImage(img: Float32Array, s: number, side = SIDE): Float32Array {
  if (!(s > 0)) throw new RangeError(`zoom ${s} must be > 0`);
  if (img.length !== side * side) throw new RangeError(`expected ${side * side} pixels`);
  const c = (side - 1) / 2;
  const out = new Float32Array(side * side);
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= side || y >= side ? 0 : img[y * side + x];
  for (let v = 0; v < side; v++) {
    for (let u = 0; u < side; u++) {
      const x = c + (u - c) / s;
      const y = c + (v - c) / s;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      out[v * side + u] =
        (1 - fx) * (1 - fy) * at(x0, y0) +
        fx * (1 - fy) * at(x0 + 1, y0) +
        (1 - fx) * fy * at(x0, y0 + 1) +
        fx * fy * at(x0 + 1, y0 + 1);
    }
  }
  return out;
}

/** The ink's radius of gyration R in pixels (0 for a blank image). */
export function inkRadius(img: Float32Array, side = SIDE): number {
  let w = 0;
  let mx = 0;
  let my = 0;
  for (let j = 0; j < img.length; j++) {
    w += img[j];
    mx += img[j] * (j % side);
    my += img[j] * Math.floor(j / side);
  }
  if (w <= 0) return 0;
  mx /= w;
  my /= w;
  let s = 0;
  for (let j = 0; j < img.length; j++) {
    s += img[j] * ((j % side) - mx) ** 2 + img[j] * (Math.floor(j / side) - my) ** 2;
  }
  return Math.sqrt(s / w);
}

export interface BoundaryPoint {
  readonly zoom: number;
  /** Mean R of the zoomed inputs (pixels). */
  readonly input: number;
  /** Mean R of the VAE's recalls of them (pixels). */
  readonly recall: number;
  /** The first image's zoomed input and recall, to show. */
  readonly example: { input: Float32Array; recall: Float32Array };
}

/**
 * Zooms n images (laid end to end, d = the VAE's input size, square) by
 * each factor and measures input and recall extents.
 */
export async function boundaryExtension(
  vae: Vae,
  images: Float32Array,
  n: number,
  zooms: readonly number[] = ZOOMS,
): Promise<BoundaryPoint[]> {
  const d = vae.config.inputSize;
  const side = Math.round(Math.sqrt(d));
  if (side * side !== d) throw new RangeError(`${d} pixels are not a square image`);
  if (images.length !== n * d || n < 1) throw new RangeError(`expected ${n} images of ${d}`);
  const out: BoundaryPoint[] = [];
  for (const zoom of zooms) {
    const zoomed = new Float32Array(n * d);
    for (let i = 0; i < n; i++) {
      zoomed.set(zoomImage(images.subarray(i * d, (i + 1) * d), zoom, side), i * d);
    }
    const recalled = await vae.reconstructImages(zoomed, n);
    let rin = 0;
    let rout = 0;
    for (let i = 0; i < n; i++) {
      rin += inkRadius(zoomed.subarray(i * d, (i + 1) * d), side);
      rout += inkRadius(recalled.subarray(i * d, (i + 1) * d), side);
    }
    out.push({
      zoom,
      input: rin / n,
      recall: rout / n,
      example: { input: zoomed.slice(0, d), recall: recalled.slice(0, d) },
    });
  }
  return out;
}
