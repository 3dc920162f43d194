/**
 * Lossy baselines on the same records (SCIENCE.md section 4), each a point
 * (bytes, error per field) for the rate-distortion plot. Bytes count the
 * payload and every constant needed to read it back, not a file header.
 *
 * - float16: every numeric value rounded to binary16 (2 bytes), every
 *   category 1 byte: n (2 W + C) bytes (W numeric columns, C categories).
 * - int8: per numeric column, 256 levels spread evenly from its minimum to
 *   its maximum, v' = lo + round((v - lo) / (hi - lo) * 255) (hi - lo) / 255,
 *   plus lo and hi as float32: n (W + C) + 8 W bytes.
 * - pca: principal components of the standardised input vectors (./table:
 *   one-hot categories, standardised numbers), m components chosen as the
 *   most whose bytes fit the budget (at least 1): normalisation 8 D, mean
 *   4 D, components 4 m D (float32), scores 2 n m (float16). A record
 *   comes back as mean + scores . components, then through ./table's
 *   outputsToTable (argmax per category block, de-standardised numbers).
 *   Fitted on at most PCA_FIT_ROWS records (a seeded sample); eigenvectors
 *   by cyclic Jacobi (../consolidation/pca) for D <= 256, else by subspace
 *   iteration (Golub & Van Loan 8.2.4; m + 8 vectors, 40 iterations, then
 *   Rayleigh-Ritz), which is approximate for the last components kept.
 */
import { createRng, sampleDistinct, type Rng } from '../../core/random';
import { symmetricEigen } from '../consolidation/pca';
import { quantiseHalf, roundToHalf } from './float16';
import { fieldErrors, type FieldErrors } from './metrics';
import {
  inputVectors,
  inputWidth,
  outputsToTable,
  selectRecords,
  type Normalisation,
  type Table,
} from './table';

export interface RatePoint {
  readonly method: string;
  readonly bytes: number;
  readonly lossless: boolean;
  readonly error: FieldErrors;
  /** What the point is (settings), for a legend. */
  readonly detail: string;
}

export const PCA_FIT_ROWS = 4000;

const numericColumns = (t: Table): number =>
  t.fields.reduce((s, f) => s + (f.kind === 'numeric' ? f.columns.length : 0), 0);
const categoryCount = (t: Table): number => t.fields.filter((f) => f.kind === 'category').length;

/** Every numeric value as float16, categories as bytes. */
export function float16Baseline(table: Table): RatePoint {
  const values = table.fields.map((f, k) =>
    f.kind === 'numeric' ? quantiseHalf(table.values[k]) : table.values[k],
  );
  const back: Table = { ...table, values };
  return {
    method: 'float16',
    bytes: table.n * (2 * numericColumns(table) + categoryCount(table)),
    lossless: false,
    error: fieldErrors(table, back),
    detail: 'numbers as IEEE half precision, categories as one byte',
  };
}

/** Per-column 8-bit linear quantisation between the column's min and max. */
export function int8Baseline(table: Table): RatePoint {
  const values = table.fields.map((f, k) => {
    if (f.kind === 'category') return table.values[k];
    const v = table.values[k] as Float32Array;
    const w = f.columns.length;
    const out = new Float32Array(v.length);
    for (let j = 0; j < w; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < table.n; i++) {
        lo = Math.min(lo, v[i * w + j]);
        hi = Math.max(hi, v[i * w + j]);
      }
      const lo32 = Math.fround(lo);
      const step = Math.fround(hi) - lo32;
      for (let i = 0; i < table.n; i++) {
        const q = step > 0 ? Math.round(((v[i * w + j] - lo32) / step) * 255) : 0;
        out[i * w + j] = lo32 + (q * step) / 255;
      }
    }
    return out;
  });
  const cols = numericColumns(table);
  return {
    method: 'int8',
    bytes: table.n * (cols + categoryCount(table)) + 8 * cols,
    lossless: false,
    error: fieldErrors(table, { ...table, values }),
    detail: 'numbers in 256 levels per column (min..max), categories as one byte',
  };
}

/** Bytes of a rank-m PCA of n records of D input units. */
export const pcaBytes = (n: number, d: number, m: number): number =>
  8 * d + 4 * d + 4 * m * d + 2 * n * m;

/** The most components whose bytes fit the budget (at least 1, at most D). */
export function pcaComponentsFor(budget: number, n: number, d: number): number {
  const m = Math.floor((budget - 12 * d) / (4 * d + 2 * n));
  return Math.min(d, Math.max(1, m));
}

/** PCA of the standardised inputs with m components (see the module comment). */
export function pcaBaseline(table: Table, norm: Normalisation, m: number, seed: number): RatePoint {
  const d = inputWidth(table.fields);
  const rng = createRng(seed);
  const fitRows = table.n <= PCA_FIT_ROWS ? null : sampleDistinct(table.n, PCA_FIT_ROWS, rng);
  const fit = inputVectors(fitRows ? selectRecords(table, fitRows) : table, norm);
  const rows = fit.length / d;
  const mean = new Float64Array(d);
  for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) mean[j] += fit[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= rows;
  const cov = covariance(fit, rows, d, mean);
  const comps = topComponents(cov, d, m, rng); // m x d, float64
  const c32 = Float32Array.from(comps);
  const mean32 = Float32Array.from(mean);
  const outputs = new Float32Array(table.n * d);
  const chunk = 2048;
  const scores = new Float64Array(m);
  for (let start = 0; start < table.n; start += chunk) {
    const end = Math.min(table.n, start + chunk);
    const x = inputVectors(table, norm, start, end);
    for (let r = 0; r < end - start; r++) {
      for (let c = 0; c < m; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (x[r * d + j] - mean32[j]) * c32[c * d + j];
        scores[c] = roundToHalf(s); // stored as float16
      }
      const o = (start + r) * d;
      for (let j = 0; j < d; j++) {
        let v = mean32[j];
        for (let c = 0; c < m; c++) v += scores[c] * c32[c * d + j];
        outputs[o + j] = v;
      }
    }
  }
  const back = outputsToTable(table, norm, outputs);
  return {
    method: 'pca',
    bytes: pcaBytes(table.n, d, m),
    lossless: false,
    error: fieldErrors(table, back),
    detail: `${m} principal components of the ${d} standardised inputs, scores as float16`,
  };
}

function covariance(x: Float32Array, rows: number, d: number, mean: Float64Array): Float64Array {
  const cov = new Float64Array(d * d);
  const e = new Float64Array(d);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) e[j] = x[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ea = e[a];
      if (ea === 0) continue;
      const o = a * d;
      for (let b = a; b < d; b++) cov[o + b] += ea * e[b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= rows;
      cov[b * d + a] = cov[a * d + b];
    }
  }
  return cov;
}

/** The m leading unit eigenvectors of a symmetric d x d matrix (m x d, row-major). */
export function topComponents(cov: Float64Array, d: number, m: number, rng: Rng): Float64Array {
  if (d <= 256) {
    const { values, vectors } = symmetricEigen(cov, d);
    const order = [...values.keys()].sort((a, b) => values[b] - values[a]);
    const out = new Float64Array(m * d);
    for (let r = 0; r < m; r++)
      for (let j = 0; j < d; j++) out[r * d + j] = vectors[j * d + order[r]];
    return out;
  }
  const p = Math.min(d, m + 8);
  let q: Float64Array = new Float64Array(p * d); // rows are the basis vectors
  for (let i = 0; i < q.length; i++) q[i] = rng.normal();
  orthonormalise(q, p, d);
  for (let it = 0; it < 40; it++) {
    q = multiply(cov, q, p, d);
    orthonormalise(q, p, d);
  }
  // Rayleigh-Ritz: eigenvectors of B = Q C Q^T (p x p) rotate the basis.
  const cq = multiply(cov, q, p, d);
  const b = new Float64Array(p * p);
  for (let r = 0; r < p; r++) {
    for (let s = 0; s < p; s++) {
      let v = 0;
      for (let j = 0; j < d; j++) v += q[r * d + j] * cq[s * d + j];
      b[r * p + s] = v;
    }
  }
  const { values, vectors } = symmetricEigen(b, p);
  const order = [...values.keys()].sort((x, y) => values[y] - values[x]);
  const out = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    for (let s = 0; s < p; s++) {
      const w = vectors[s * p + order[r]];
      for (let j = 0; j < d; j++) out[r * d + j] += w * q[s * d + j];
    }
  }
  return out;
}

/** Rows of the result are C applied to the rows of q (C symmetric d x d, q p x d). */
function multiply(c: Float64Array, q: Float64Array, p: number, d: number): Float64Array {
  const out = new Float64Array(p * d);
  for (let r = 0; r < p; r++) {
    for (let a = 0; a < d; a++) {
      const qa = q[r * d + a];
      if (qa === 0) continue;
      const o = a * d;
      for (let j = 0; j < d; j++) out[r * d + j] += qa * c[o + j];
    }
  }
  return out;
}

/** Modified Gram-Schmidt on the p rows of q (in place). */
function orthonormalise(q: Float64Array, p: number, d: number): void {
  for (let r = 0; r < p; r++) {
    for (let s = 0; s < r; s++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += q[r * d + j] * q[s * d + j];
      for (let j = 0; j < d; j++) q[r * d + j] -= dot * q[s * d + j];
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += q[r * d + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; j++) q[r * d + j] /= norm;
  }
}
