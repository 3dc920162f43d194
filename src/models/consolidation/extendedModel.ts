/**
 * The extended consolidation model (SCIENCE.md section 3, step 6; Spens &
 * Burgess 2024): a hippocampal trace keeps the episode's latent (conceptual)
 * code plus only the sensory detail the neocortex predicts badly.
 *
 * Conventions (pixels of the episode x and of the VAE's prediction
 * xhat = decode(mu(x)) in [0, 1], d = 784, latent size L):
 * - Stored mask: m_j = 1 when |x_j - xhat_j| > theta (strictly), else 0.
 *   theta = 0 stores every pixel the VAE does not reproduce exactly (all of
 *   them in practice); theta >= 1 stores none, since |x_j - xhat_j| < 1.
 * - Memory size of a trace: L + k values, k = sum_j m_j stored pixels (each
 *   pixel value with its position); storedFraction = k / d.
 * - The trace, a row of the modern Hopfield network (MHN), is
 *     t_i = [ w mu_i , -|u_i|^2 / 2 , s_i ],  u_i = [ w mu_i , s_i ],  s_i = m_i * (2 x_i - 1)
 *   (length L + 1 + d): the latent, one bias coordinate, and the stored
 *   detail in [-1, 1] with unstored pixels 0 (unknown), as in the
 *   hippocampus. The cue holds 1 in the bias coordinate, so the logit
 *   tau . t_i = -|tau' - u_i|^2 / 2 + const (tau' the cue without it): the
 *   plain dot-product update of SCIENCE.md, but voting by distance. Why: a
 *   bare dot product favours long latents over near ones, and traces with
 *   more stored pixels over the right one (measured with the VAE of
 *   `consolidation --episodes 1000 --replays 2000 --epochs 3`: below 0.15, where much background is stored, the own
 *   trace won 2 to 19% of recalls with a bare dot product, 98 to 100% with
 *   the bias coordinate). w is latentWeight (default LATENT_WEIGHT = 1).
 * - Cue: an image c in [0, 1] whose hidden pixels are 0.5 (unknown);
 *   tau = [ w mu(c), 1, v ], v_j = 2 c_j - 1 on visible pixels, 0 on hidden.
 * - Recall: one MHN update, p = softmax(beta' T tau) with beta = 100 and the
 *   1/sqrt(D) logit scale (D = L + 1 + d, beta' = 100 / sqrt(D)); the
 *   recalled trace sum_i p_i t_i gives the latent zr = sum_i p_i mu_i, the
 *   stored weight M_j = sum_i p_i m_ij and the stored detail
 *   V_j = sum_i p_i m_ij x_ij. The recalled image
 *     r_j = (1 - M_j) decode(zr)_j + V_j
 *   is the schema (decoded latent) where nothing was stored and the stored
 *   pixel where something was (exactly so when p is one-hot).
 * - recallError = mean_j |r_j - x_j| over all pixels ([0, 1] units), and the
 *   same over the hidden pixels only.
 *
 * Tensors: everything is made and freed inside each call (tf.tidy and
 * dispose); results come back through await data().
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Pace } from '../../core/pace';
import { MNIST_SIDE } from '../../data/mnist';
import { attention, effectiveBeta, storePatterns, disposePatterns } from '../modern/modernHopfield';
import type { Vae } from './vae';

/** beta of the extended model's MHN (Spens & Burgess 2024), logits scaled by 1/sqrt(D). */
export const EXTENDED_BETA = 100;
/**
 * w: weight of the latent block in a trace. 1: with w = 4 or more the
 * latent of a half-hidden cue (often far from the episode's) outvotes the
 * stored detail, and even theta = 0 recalls the wrong episode (measured on
 * 500 held-out digits with the opening VAE and a bare dot product: own
 * trace 12% at w = 4, 99% at w = 1).
 */
export const LATENT_WEIGHT = 1;
/** Thresholds of the sweep, in pixel units ([0, 1]). */
export const SWEEP_THRESHOLDS = [
  0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1,
] as const;

/** Held-out digits stored as traces (the lab's step 6 and the `consolidation` experiment). */
export const SWEEP_TRACES = 500;
/** Of n traces, every PROBE_STEP-th is recalled from its top half in a sweep. */
export const PROBE_STEP = 5;

/** The probes of a sweep over n traces: 0, PROBE_STEP, 2 PROBE_STEP, ... below n. */
export function sweepProbes(n: number): number[] {
  return Array.from({ length: Math.ceil(n / PROBE_STEP) }, (_, i) => i * PROBE_STEP);
}

/** Episodes as the VAE sees them: pixels, latent means and predictions. */
export interface PredictedEpisodes {
  readonly n: number;
  readonly d: number;
  readonly latentSize: number;
  /** n x d, in [0, 1]. */
  readonly images: Float32Array;
  /** n x L latent means mu(x). */
  readonly latents: Float32Array;
  /** n x d, decode(mu(x)) in [0, 1]. */
  readonly predictions: Float32Array;
}

/** mu(x) and decode(mu(x)) for n images laid end to end (`pace`: see ./vae). */
export async function predictEpisodes(
  vae: Vae,
  images: Float32Array,
  n: number,
  pace?: Pace,
): Promise<PredictedEpisodes> {
  const latents = await vae.encodeMeans(images, n, pace);
  const predictions = await vae.decodeLatents(latents, n, pace);
  const d = vae.config.inputSize;
  return { n, d, latentSize: vae.config.latentSize, images, latents, predictions };
}

/** m_j = 1 where |x_j - xhat_j| > theta, for n rows laid end to end. */
export function sensoryMask(
  images: Float32Array,
  predictions: Float32Array,
  threshold: number,
): Uint8Array {
  if (images.length !== predictions.length) throw new RangeError('images and predictions differ');
  if (!(threshold >= 0)) throw new RangeError(`threshold ${threshold} must be >= 0`);
  const m = new Uint8Array(images.length);
  for (let i = 0; i < m.length; i++)
    m[i] = Math.abs(images[i] - predictions[i]) > threshold ? 1 : 0;
  return m;
}

export interface ExtendedTraces {
  readonly n: number;
  readonly d: number;
  readonly latentSize: number;
  readonly threshold: number;
  readonly latentWeight: number;
  /** n x d stored mask. */
  readonly mask: Uint8Array;
  /** Stored pixels per trace (k_i). */
  readonly stored: Int32Array;
  /** n x (L + 1 + d): the MHN's rows t_i. */
  readonly rows: Float32Array;
  /** n x (L + 2d): the values read back from p: [mu_i, m_i, m_i x_i]. */
  readonly values: Float32Array;
}

/** The traces t_i of every episode at one threshold. */
export function buildTraces(
  ep: PredictedEpisodes,
  threshold: number,
  latentWeight = LATENT_WEIGHT,
): ExtendedTraces {
  const { n, d, latentSize: l } = ep;
  const mask = sensoryMask(ep.images, ep.predictions, threshold);
  const width = l + 1 + d;
  const rows = new Float32Array(n * width);
  const values = new Float32Array(n * (l + 2 * d));
  const stored = new Int32Array(n);
  const w = latentWeight;
  for (let i = 0; i < n; i++) {
    let sq = 0; // |u_i|^2
    for (let k = 0; k < l; k++) {
      const z = ep.latents[i * l + k];
      rows[i * width + k] = w * z;
      values[i * (l + 2 * d) + k] = z;
      sq += w * w * z * z;
    }
    for (let j = 0; j < d; j++) {
      if (!mask[i * d + j]) continue;
      const x = ep.images[i * d + j];
      rows[i * width + l + 1 + j] = 2 * x - 1;
      sq += (2 * x - 1) ** 2;
      values[i * (l + 2 * d) + l + j] = 1;
      values[i * (l + 2 * d) + l + d + j] = x;
      stored[i]++;
    }
    rows[i * width + l] = -sq / 2;
  }
  return { n, d, latentSize: l, threshold, latentWeight, mask, stored, rows, values };
}

/** Values per trace: L latents + k stored pixels. */
export function traceSize(traces: ExtendedTraces, i: number): number {
  return traces.latentSize + traces.stored[i];
}

export interface ExtendedRecall {
  /** B x d recalled images r in [0, 1]. */
  readonly images: Float32Array;
  /** B x L recalled latents zr. */
  readonly latents: Float32Array;
  /** B x d decode(zr): the schema alone. */
  readonly schema: Float32Array;
  /** B x d stored weight M (1 where the recalled trace holds the pixel). */
  readonly storedWeight: Float32Array;
  /** Per cue, the trace with the largest attention and that attention. */
  readonly winner: Int32Array;
  readonly winnerWeight: Float32Array;
}

/** beta' = 100 / sqrt(L + 1 + d). */
export function extendedBeta(latentSize: number, d: number): number {
  return effectiveBeta(EXTENDED_BETA, latentSize + 1 + d, 'sqrt');
}

/**
 * Recalls B cues (images in [0, 1], hidden pixels 0.5, `visible` a B x d
 * 0/1 mask) through one MHN update over the traces (file doc comment).
 */
export async function recallExtended(
  vae: Vae,
  traces: ExtendedTraces,
  cues: Float32Array,
  visible: Uint8Array,
  b: number,
): Promise<ExtendedRecall> {
  const { n, d, latentSize: l, latentWeight: w } = traces;
  const width = l + 1 + d;
  const zc = await vae.encodeMeans(cues, b);
  const tau = new Float32Array(b * width);
  for (let r = 0; r < b; r++) {
    for (let k = 0; k < l; k++) tau[r * width + k] = w * zc[r * l + k];
    tau[r * width + l] = 1;
    for (let j = 0; j < d; j++) {
      if (visible[r * d + j]) tau[r * width + l + 1 + j] = 2 * cues[r * d + j] - 1;
    }
  }
  const memory = storePatterns(traces.rows, n, width);
  const out = tf.tidy(() => {
    const q = tf.tensor2d(tau, [b, width]);
    const p = attention(memory, q, extendedBeta(l, d));
    const vals = tf.tensor2d(traces.values, [n, l + 2 * d]);
    return { read: tf.matMul(p, vals), top: tf.topk(p, 1) };
  });
  disposePatterns(memory);
  const [read, topIdx, topVal] = await Promise.all([
    out.read.data() as Promise<Float32Array>,
    out.top.indices.data() as Promise<Int32Array>,
    out.top.values.data() as Promise<Float32Array>,
  ]);
  tf.dispose([out.read, out.top.indices, out.top.values]);
  const latents = new Float32Array(b * l);
  const storedWeight = new Float32Array(b * d);
  const detail = new Float32Array(b * d);
  const stride = l + 2 * d;
  for (let r = 0; r < b; r++) {
    latents.set(read.subarray(r * stride, r * stride + l), r * l);
    storedWeight.set(read.subarray(r * stride + l, r * stride + l + d), r * d);
    detail.set(read.subarray(r * stride + l + d, (r + 1) * stride), r * d);
  }
  const schema = await vae.decodeLatents(latents, b);
  const images = new Float32Array(b * d);
  for (let i = 0; i < images.length; i++) {
    const v = (1 - storedWeight[i]) * schema[i] + detail[i];
    images[i] = Math.min(1, Math.max(0, v));
  }
  return {
    images,
    latents,
    schema,
    storedWeight,
    winner: Int32Array.from(topIdx),
    winnerWeight: Float32Array.from(topVal),
  };
}

/** The top `visibleRows` rows of each episode kept, the rest 0.5 (unknown). */
export function topHalfCues(
  images: Float32Array,
  indices: readonly number[],
  d: number,
  visibleRows = MNIST_SIDE / 2,
  width = MNIST_SIDE,
): { cues: Float32Array; visible: Uint8Array } {
  const b = indices.length;
  const cues = new Float32Array(b * d).fill(0.5);
  const visible = new Uint8Array(b * d);
  const shown = Math.min(d, visibleRows * width);
  for (let r = 0; r < b; r++) {
    const i = indices[r];
    cues.set(images.subarray(i * d, i * d + shown), r * d);
    visible.fill(1, r * d, r * d + shown);
  }
  return { cues, visible };
}

export interface SweepPoint {
  readonly threshold: number;
  /** Mean k / d over the traces. */
  readonly storedFraction: number;
  /** Mean L + k over the traces (values per trace). */
  readonly valuesPerTrace: number;
  /** Mean |r - x| over all pixels of the recalled episodes. */
  readonly recallError: number;
  /** The same over the hidden pixels only. */
  readonly hiddenError: number;
  /** Share of cues whose largest attention is on their own trace. */
  readonly ownTrace: number;
}

/**
 * For each threshold: store every episode as a trace, recall `probes` of
 * them (indices) from their top half, and average size and error.
 */
export async function sweepThresholds(
  vae: Vae,
  ep: PredictedEpisodes,
  probes: readonly number[],
  thresholds: readonly number[] = SWEEP_THRESHOLDS,
  latentWeight = LATENT_WEIGHT,
): Promise<SweepPoint[]> {
  const { d } = ep;
  const { cues, visible } = topHalfCues(ep.images, probes, d);
  const out: SweepPoint[] = [];
  for (const threshold of thresholds) {
    const traces = buildTraces(ep, threshold, latentWeight);
    const rec = await recallExtended(vae, traces, cues, visible, probes.length);
    let all = 0;
    let hidden = 0;
    let hiddenCount = 0;
    let own = 0;
    probes.forEach((i, r) => {
      if (rec.winner[r] === i) own++;
      for (let j = 0; j < d; j++) {
        const e = Math.abs(rec.images[r * d + j] - ep.images[i * d + j]);
        all += e;
        if (!visible[r * d + j]) {
          hidden += e;
          hiddenCount++;
        }
      }
    });
    const k = traces.stored.reduce((a, v) => a + v, 0) / ep.n;
    out.push({
      threshold,
      storedFraction: k / d,
      valuesPerTrace: ep.latentSize + k,
      recallError: all / (probes.length * d),
      hiddenError: hiddenCount > 0 ? hidden / hiddenCount : 0,
      ownTrace: own / probes.length,
    });
  }
  return out;
}

/**
 * The reference: the VAE alone recalls each probe from its top-half cue,
 * decode(mu(c)); mean |decode(mu(c)) - x| over all pixels.
 */
export async function vaeRecallError(
  vae: Vae,
  ep: PredictedEpisodes,
  probes: readonly number[],
): Promise<number> {
  const { d } = ep;
  const { cues } = topHalfCues(ep.images, probes, d);
  const recon = await vae.reconstructImages(cues, probes.length);
  let s = 0;
  probes.forEach((i, r) => {
    for (let j = 0; j < d; j++) s += Math.abs(recon[r * d + j] - ep.images[i * d + j]);
  });
  return s / (probes.length * d);
}
