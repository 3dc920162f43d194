/**
 * Vector arithmetic in the VAE's latent space (SCIENCE.md section 3,
 * step 5): z = m_a - m_b + m_c, with m_k the mean latent (mean of the
 * encoder means mu(x)) of the held-out digits of class k. The result is
 * decoded, and a linear read-out (./linearReadout) fitted on labelled
 * latent means says which class it lies nearest to, with its probability
 * p(c | z) = softmax(z W + b)_c.
 */
import type { LogisticModel } from './linearReadout';

/** classes x dim: the mean latent of each class (NaN for a class with no rows). */
export function classMeans(
  latents: Float32Array,
  labels: Uint8Array,
  dim: number,
  classes: number,
): Float64Array {
  if (latents.length !== labels.length * dim) {
    throw new RangeError(`${latents.length} values are not ${labels.length} rows of ${dim}`);
  }
  const sums = new Float64Array(classes * dim);
  const counts = new Float64Array(classes);
  labels.forEach((c, i) => {
    counts[c]++;
    for (let j = 0; j < dim; j++) sums[c * dim + j] += latents[i * dim + j];
  });
  for (let c = 0; c < classes; c++) {
    for (let j = 0; j < dim; j++) sums[c * dim + j] /= counts[c] || NaN;
  }
  return sums;
}

/** z = m_a - m_b + m_c (dim values). */
export function analogy(
  means: Float64Array,
  dim: number,
  [a, b, c]: readonly [number, number, number],
): Float32Array {
  return Float32Array.from({ length: dim }, (_, j) => {
    return means[a * dim + j] - means[b * dim + j] + means[c * dim + j];
  });
}

/** p(c | x) = softmax(x W + b) for one row x of raw features. */
export function readoutProbabilities(model: LogisticModel, x: ArrayLike<number>): Float64Array {
  const { dim, classes, weights, bias } = model;
  if (x.length !== dim) throw new RangeError(`${x.length} features, expected ${dim}`);
  const s = Float64Array.from(bias);
  for (let j = 0; j < dim; j++)
    for (let k = 0; k < classes; k++) s[k] += x[j] * weights[j * classes + k];
  const top = Math.max(...s);
  let total = 0;
  for (let k = 0; k < classes; k++) total += s[k] = Math.exp(s[k] - top);
  for (let k = 0; k < classes; k++) s[k] /= total;
  return s;
}
