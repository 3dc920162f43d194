/**
 * Framing an image like MNIST's digits (LeCun et al. 1998): the digit's
 * bounding box is scaled, aspect kept, to fit a 20 x 20 box with
 * anti-aliased resampling, and the result is placed in the 28 x 28 field so
 * that its centre of mass falls on the field's centre. A digit drawn small
 * or off-centre on the pad is then compared with the stored digits on their
 * own terms (a dot product between images rewards ink in the same places).
 *
 * Conventions:
 * - Ink in [0, 1] (1 = full stroke, 0 = background), row-major, any size
 *   w x h in; 28 x 28 ink out. Pixel (x, y) covers [x, x + 1) x [y, y + 1);
 *   its centre is (x + 0.5, y + 0.5).
 * - Bounding box: the pixels with ink >= BOX_THRESHOLD times the largest ink
 *   (faint brush tails do not widen it). The app's 10,000 digits have a box
 *   whose long side is 20 at ink > 0 and at ink > 0.25 alike (measured:
 *   9,998 and 9,985 of them), so the threshold changes nothing for them.
 * - Scale: 20 / (long side of the box), up or down.
 * - Resampling: separable tent (triangle) filter whose half-width is one
 *   output pixel measured in input pixels, max(1, 1 / scale): bilinear when
 *   enlarging, an anti-aliasing average of every input pixel under an output
 *   pixel when shrinking. Input outside the image counts as background.
 * - Centre of mass: the ink-weighted mean of the pixel centres. The app's
 *   digits have it at (14.50, 14.50) on average (the centre of pixel
 *   (14, 14)), so the framed image's is placed there (MASS_CENTRE).
 *   Resampling is done twice: once to measure the centre of mass of the
 *   scaled digit, once with the sub-pixel shift that puts it at the centre.
 * - An image with no ink frames to an empty (all-zero) field.
 */

/** The side of the field, as MNIST's. */
export const FIELD = 28;
/** The side of the box the digit's bounding box is scaled into. */
export const BOX = 20;
/** Where the framed digit's centre of mass goes, in pixel coordinates (x and y). */
export const MASS_CENTRE = 14.5;
/** Pixels at or above this share of the largest ink count for the bounding box. */
export const BOX_THRESHOLD = 0.25;

export interface Box {
  x0: number;
  y0: number;
  /** Width and height in pixels (x0 .. x0 + w - 1). */
  w: number;
  h: number;
}

/** The bounding box of the ink at or above `threshold` times the largest ink; null when none. */
export function inkBox(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  threshold = BOX_THRESHOLD,
): Box | null {
  let max = 0;
  for (let i = 0; i < width * height; i++) if (ink[i] > max) max = ink[i];
  if (!(max > 0)) return null;
  const cut = threshold * max;
  let x0 = width;
  let x1 = -1;
  let y0 = height;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] >= cut) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return { x0, y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** Ink-weighted mean of the pixel centres of a width x height image; null when it has no ink. */
export function centreOfMass(
  ink: ArrayLike<number>,
  width: number,
  height: number,
): { x: number; y: number } | null {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = ink[y * width + x];
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: mx / m, y: my / m } : null;
}

/**
 * Tent-filter weights from `n` input pixels onto FIELD output pixels along
 * one axis, output u = (s - from) * scale + offset (s: input coordinate).
 * Row o of the result lists [first input pixel, weights...], normalised to
 * sum 1 over all input positions (in the image or not: outside is background).
 */
function axisWeights(n: number, from: number, scale: number, offset: number) {
  const r = Math.max(1, 1 / scale);
  const rows: { first: number; w: Float64Array }[] = [];
  for (let o = 0; o < FIELD; o++) {
    const s = (o + 0.5 - offset) / scale + from; // input coordinate under the output centre
    const lo = Math.floor(s - r - 0.5);
    const hi = Math.ceil(s + r - 0.5);
    let total = 0;
    const all = new Float64Array(hi - lo + 1);
    for (let j = lo; j <= hi; j++) {
      const w = Math.max(0, 1 - Math.abs(j + 0.5 - s) / r);
      all[j - lo] = w;
      total += w;
    }
    const first = Math.max(0, lo);
    const last = Math.min(n - 1, hi);
    const w = new Float64Array(Math.max(0, last - first + 1));
    for (let j = first; j <= last; j++) w[j - first] = total > 0 ? all[j - lo] / total : 0;
    rows.push({ first, w });
  }
  return rows;
}

/** The image resampled onto the field: output = (input - box origin) * scale + offset, per axis. */
function resample(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  box: Box,
  scale: number,
  ox: number,
  oy: number,
): Float32Array {
  const wx = axisWeights(width, box.x0, scale, ox);
  const wy = axisWeights(height, box.y0, scale, oy);
  // Horizontal pass over the rows that any output row reads.
  const yFirst = wy[0].first;
  const yLast = Math.max(...wy.map((r) => r.first + r.w.length - 1));
  const rowsUsed = Math.max(0, yLast - yFirst + 1);
  const tmp = new Float64Array(rowsUsed * FIELD);
  for (let y = yFirst; y <= yLast; y++) {
    const src = y * width;
    const dst = (y - yFirst) * FIELD;
    for (let o = 0; o < FIELD; o++) {
      const { first, w } = wx[o];
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k] * ink[src + first + k];
      tmp[dst + o] = acc;
    }
  }
  const out = new Float32Array(FIELD * FIELD);
  for (let o = 0; o < FIELD; o++) {
    const { first, w } = wy[o];
    for (let k = 0; k < w.length; k++) {
      const row = (first + k - yFirst) * FIELD;
      const wk = w[k];
      if (wk === 0) continue;
      for (let x = 0; x < FIELD; x++) out[o * FIELD + x] += wk * tmp[row + x];
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, out[i]));
  return out;
}

/**
 * Frames `ink` (width x height, values in [0, 1]) as MNIST framed its
 * digits: bounding box scaled to fit 20 x 20 (aspect kept, tent-filter
 * resampling), centre of mass moved to (14.5, 14.5) of the 28 x 28 field.
 * Returns 784 values in [0, 1]; all zeros when there is no ink.
 */
export function frameDigit(ink: ArrayLike<number>, width: number, height: number): Float32Array {
  if (ink.length < width * height) {
    throw new RangeError(`${ink.length} values are fewer than ${width} x ${height}`);
  }
  const box = inkBox(ink, width, height);
  if (!box) return new Float32Array(FIELD * FIELD);
  const scale = BOX / Math.max(box.w, box.h);
  // First pass: the box centred in the field, to measure where its mass falls.
  const ox = (FIELD - box.w * scale) / 2;
  const oy = (FIELD - box.h * scale) / 2;
  const first = resample(ink, width, height, box, scale, ox, oy);
  const com = centreOfMass(first, FIELD, FIELD);
  if (!com) return first;
  return resample(
    ink,
    width,
    height,
    box,
    scale,
    ox + MASS_CENTRE - com.x,
    oy + MASS_CENTRE - com.y,
  );
}
