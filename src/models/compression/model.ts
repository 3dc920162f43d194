/**
 * The trained autoencoder frozen into typed arrays: what is exported, what
 * encodes queries and what gives the records back (SCIENCE.md section 4).
 *
 * Precision: 'float32' keeps the trained weights; 'float16' rounds every
 * weight and bias to the nearest binary16 value (./float16) before anything
 * uses them, so the codes, the reconstructions and the exported file all
 * come from the same half-precision weights. Normalisation constants stay
 * float32.
 *
 * Arithmetic: plain JavaScript in float64 over the stored (float32 or
 * float16-valued) weights, row by row, in a fixed order, so the same model
 * and codes give bit-identical outputs wherever they run (a page, a worker,
 * Node, or a model read back from its file); it does not depend on the
 * tfjs backend. Formulas as in ./autoencoder:
 *   code = sgn(relu(x W1 + b1) W2 + b2)   (tanh is monotone, so sgn(tanh(a)) = sgn(a); 0 -> +1)
 *   y    = relu(code W3 + b3) W4 + b4
 */
import type { AutoencoderWeights } from './autoencoder';
import { quantiseHalf } from './float16';
import { outputsToTable, type Normalisation, type Table } from './table';
import { packCodes, unpackCodes } from './codes';

export type Precision = 'float32' | 'float16';
export const PRECISIONS: readonly Precision[] = ['float32', 'float16'];

export interface CompressionModel {
  /** The fields, dataset name and label of the table it was trained on. */
  readonly template: Pick<Table, 'dataset' | 'label' | 'fields'>;
  readonly norm: Normalisation;
  readonly precision: Precision;
  /** Weights, already at `precision` (float16 values held exactly in Float32Arrays). */
  readonly weights: AutoencoderWeights;
}

/** Freezes trained weights at a precision (copies; the input is left alone). */
export function freezeModel(
  template: Pick<Table, 'dataset' | 'label' | 'fields'>,
  norm: Normalisation,
  weights: AutoencoderWeights,
  precision: Precision,
): CompressionModel {
  const q = (a: Float32Array) => (precision === 'float16' ? quantiseHalf(a) : a.slice());
  const w = weights;
  return {
    template,
    norm,
    precision,
    weights: {
      inputs: w.inputs,
      hidden: w.hidden,
      bits: w.bits,
      w1: q(w.w1),
      b1: q(w.b1),
      w2: q(w.w2),
      b2: q(w.b2),
      w3: q(w.w3),
      b3: q(w.b3),
      w4: q(w.w4),
      b4: q(w.b4),
    },
  };
}

/**
 * acc = relu?(x W + b) for one row x (length rows of W), W rows x cols.
 * x is always a Float64Array (rows are copied into one) so this stays monomorphic.
 */
function affineRow(
  x: Float64Array,
  w: Float32Array,
  b: Float32Array,
  acc: Float64Array,
  relu: boolean,
): Float64Array {
  const cols = b.length;
  for (let j = 0; j < cols; j++) acc[j] = b[j];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const o = i * cols;
    for (let j = 0; j < cols; j++) acc[j] += xi * w[o + j];
  }
  if (relu) for (let j = 0; j < cols; j++) if (acc[j] < 0) acc[j] = 0;
  return acc;
}

/**
 * One half of the autoencoder, row by row: y = (relu(x Wa + ba)) Wb + bb for
 * each row x of `rows` (inWidth wide), then emit(r, y). `y` is reused from
 * row to row, so emit copies what it keeps.
 */
function twoLayerRows(
  rows: Float32Array | Int8Array,
  inWidth: number,
  hidden: number,
  outWidth: number,
  layers: readonly [Float32Array, Float32Array, Float32Array, Float32Array],
  emit: (r: number, y: Float64Array) => void,
): void {
  const [wa, ba, wb, bb] = layers;
  const x = new Float64Array(inWidth);
  const h = new Float64Array(hidden);
  const y = new Float64Array(outWidth);
  for (let r = 0; r < rows.length / inWidth; r++) {
    x.set(rows.subarray(r * inWidth, (r + 1) * inWidth));
    affineRow(x, wa, ba, h, true);
    affineRow(h, wb, bb, y, false);
    emit(r, y);
  }
}

/** Bipolar codes (m x K) of input vectors (m x D, ./table inputVectors): sign(t), +1 at t = 0. */
export function encodeInputs(model: CompressionModel, inputs: Float32Array): Int8Array {
  const { inputs: d, hidden, bits, w1, b1, w2, b2 } = model.weights;
  const out = new Int8Array((inputs.length / d) * bits);
  twoLayerRows(inputs, d, hidden, bits, [w1, b1, w2, b2], (r, t) => {
    for (let j = 0; j < bits; j++) out[r * bits + j] = t[j] >= 0 ? 1 : -1;
  });
  return out;
}

/** Decoder outputs (m x D: logits and standardised numbers) of bipolar codes (m x K). */
export function decodeCodes(model: CompressionModel, codes: Int8Array): Float32Array {
  const { inputs: d, hidden, bits, w3, b3, w4, b4 } = model.weights;
  const out = new Float32Array((codes.length / bits) * d);
  twoLayerRows(codes, bits, hidden, d, [w3, b3, w4, b4], (r, y) => out.set(y, r * d));
  return out;
}

/** Packed codes of input vectors, the stored form (./codes). */
export function compressInputs(model: CompressionModel, inputs: Float32Array): Uint8Array {
  return packCodes(encodeInputs(model, inputs), model.weights.bits);
}

/** The records that packed codes give back, as a table with the model's fields. */
export function reconstruct(model: CompressionModel, packed: Uint8Array): Table {
  const outputs = decodeCodes(model, unpackCodes(packed, model.weights.bits));
  return outputsToTable(model.template, model.norm, outputs);
}
