/**
 * Prototypical distortion (SCIENCE.md section 3, step 5): a generative memory
 * recalls items as more typical of their class than they were, so the
 * within-class pixel variance of its reconstructions is lower than that of
 * the originals.
 *
 * Within-class variance of class c with items I_c (images of d pixels):
 *
 *   V_c = (1/d) sum_j (1/|I_c|) sum_{i in I_c} (x_ij - mean_{i' in I_c} x_i'j)^2
 *
 * (the population variance of each pixel across the class, averaged over
 * pixels), in squared pixel units, so originals and reconstructions must
 * share one pixel range (the VAE's [0, 1]). Computed in float64.
 */

export interface DistortionResult {
  /** V_c of the originals per class (NaN for a class with no items). */
  readonly originals: Float64Array;
  /** V_c of the reconstructions per class (NaN for a class with no items). */
  readonly reconstructions: Float64Array;
  /** reconstructions[c] / originals[c] (NaN where undefined). */
  readonly perClassRatio: Float64Array;
  /**
   * mean_c V_c(reconstructions) / mean_c V_c(originals), over the classes
   * that have items (each class weighted equally). Below 1: prototypical.
   */
  readonly ratio: number;
}

/** V_c for each class c in 0..classes-1 (NaN for a class with no items). */
export function withinClassVariance(
  images: Float32Array,
  n: number,
  d: number,
  labels: Uint8Array,
  classes: number,
): Float64Array {
  if (images.length !== n * d || labels.length !== n) {
    throw new RangeError(`${images.length} values and ${labels.length} labels for ${n} x ${d}`);
  }
  const count = new Float64Array(classes);
  const sum = new Float64Array(classes * d);
  const sumSq = new Float64Array(classes * d);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c >= classes) throw new RangeError(`label ${c} >= ${classes} classes`);
    count[c]++;
    const o = c * d;
    for (let j = 0; j < d; j++) {
      const x = images[i * d + j];
      sum[o + j] += x;
      sumSq[o + j] += x * x;
    }
  }
  const out = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    if (count[c] === 0) {
      out[c] = NaN;
      continue;
    }
    let v = 0;
    for (let j = 0; j < d; j++) {
      const m = sum[c * d + j] / count[c];
      // E[x^2] - E[x]^2 can round below 0 when the variance is ~0.
      v += Math.max(0, sumSq[c * d + j] / count[c] - m * m);
    }
    out[c] = v / d;
  }
  return out;
}

/** Within-class variance of originals and of their reconstructions (same order, same labels). */
export function prototypicalDistortion(
  originals: Float32Array,
  reconstructions: Float32Array,
  n: number,
  d: number,
  labels: Uint8Array,
  classes: number,
): DistortionResult {
  const vo = withinClassVariance(originals, n, d, labels, classes);
  const vr = withinClassVariance(reconstructions, n, d, labels, classes);
  const perClassRatio = vr.map((v, c) => v / vo[c]);
  let so = 0;
  let sr = 0;
  for (let c = 0; c < classes; c++) {
    if (Number.isNaN(vo[c])) continue;
    so += vo[c];
    sr += vr[c];
  }
  return { originals: vo, reconstructions: vr, perClassRatio, ratio: sr / so };
}
