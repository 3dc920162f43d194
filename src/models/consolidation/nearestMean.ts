/**
 * The nearest-class-mean read-out (Mensink et al. 2013; the "prototypical"
 * classifier of Snell et al. 2017 on fixed features): each class is the mean
 * m_c of its training rows, and a row x goes to the nearest one in Euclidean
 * distance,
 *
 *   class(x) = argmin_c ||x - m_c||^2 = argmax_c (2 x . m_c - ||m_c||^2),
 *
 * which is linear in x, so it is returned as a ./linearReadout model
 * (weights W_jc = 2 m_cj, bias_c = -||m_c||^2) and scored with the same
 * `predict` / `accuracy`. No fitting, no settings, no standardisation (the
 * features' own scale is the metric). A class with no training row gets
 * bias -Infinity and is never predicted; ties go to the lower class.
 */
import type { LogisticModel } from './linearReadout';

export function fitNearestMean(
  features: Float32Array,
  n: number,
  dim: number,
  labels: Uint8Array,
  classes: number,
): LogisticModel {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`need n >= 1 rows of dim >= 1 features, got ${n} x ${dim}`);
  }
  if (features.length !== n * dim) {
    throw new RangeError(`${features.length} values do not make ${n} rows of ${dim}`);
  }
  if (labels.length !== n) throw new RangeError(`${labels.length} labels for ${n} rows`);
  const sums = new Float64Array(dim * classes);
  const counts = new Float64Array(classes);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c >= classes) throw new RangeError(`label ${c} >= ${classes} classes`);
    counts[c]++;
    for (let j = 0; j < dim; j++) sums[j * classes + c] += features[i * dim + j];
  }
  const weights = new Float64Array(dim * classes);
  const bias = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    if (counts[c] === 0) {
      bias[c] = -Infinity;
      continue;
    }
    let sq = 0;
    for (let j = 0; j < dim; j++) {
      const m = sums[j * classes + c] / counts[c];
      weights[j * classes + c] = 2 * m;
      sq += m * m;
    }
    bias[c] = -sq;
  }
  return { dim, classes, weights, bias, iterations: 0, objective: NaN };
}
