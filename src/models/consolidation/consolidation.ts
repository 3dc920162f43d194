/**
 * Consolidation as teacher-student learning (SCIENCE.md section 3, Spens &
 * Burgess 2024): a hippocampus (modern Hopfield network) stores episodes at
 * once, replays them from random noise, and a neocortex (a VAE) learns from
 * the replays only, never from the originals.
 *
 * Conventions
 * - Episodes are MNIST digits scaled to [-1, 1] (2 ink / 255 - 1), stored as
 *   the rows of X in the MHN with beta = 20 and the 1/sqrt(d) logit scale:
 *   beta' = 20 / sqrt(784) = 0.714 (./modernHopfield).
 * - Replay (step 2, noise cues through the hippocampus, with an
 *   inhibition of return): ./replay.
 * - The VAE (./vae) sees replays converted to [0, 1] ((xi + 1) / 2, clipped).
 * - Evaluation uses held-out digits (never stored, never replayed), pixels
 *   ink / 255 in [0, 1]:
 *   reconError = mean over digits of sum_j BCE(x_j, xhat_j) through the
 *     latent mean (nats per image); meanAbsError = mean |x - xhat| (pixels);
 *   kl = mean KL(q(z|x) || N(0, I)) (nats);
 *   decodingAccuracy = a logistic read-out (./linearReadout) fitted on the
 *     latent means of the first `labelled` held-out digits, scored on the
 *     rest (chance = 0.1).
 * - After training: prototypical distortion (./distortion) of the held-out
 *   digits' reconstructions, and the few-shot curve (./fewShot) with the
 *   first half of the held-out digits as the labelled pool and the second
 *   half as the test set.
 * - d, the pixels per image, comes from the data (784 for MNIST).
 * - One seed drives everything (./session, pipelineSeeds): the split of the
 *   10,000 digits (rng(seed)), the noise cues (rng(mixSeed(seed, 1))), the
 *   VAE's weights and noise (mixSeed(seed, 2)), the minibatch order
 *   (mixSeed(seed, 3)) and the few-shot draws (mixSeed(seed, 4)).
 *
 * This file is the hippocampus' side (split, gather, encode, store); ./replay
 * replays from it, ./session runs the whole pipeline step by step,
 * ./consolidationEval measures the VAE.
 *
 * Sharing the thread (../../core/pace): gathering, storing and replaying
 * take a Pace and run in chunks of rows or cues with a pause between
 * them; every row and every cue is computed on its own, so the chunks never
 * change the numbers (tests check it).
 *
 * Tensors: a replay owns everything it makes; the caller owns the
 * StoredPatterns from encodeEpisodes / storeEpisodes and disposes them
 * (disposePatterns).
 */
import * as tf from '@tensorflow/tfjs-core';
import { inChunks, type Pace } from '../../core/pace';
import { createRng } from '../../core/random';
import {
  disposePatterns,
  effectiveBeta,
  storePatterns,
  type StoredPatterns,
} from '../modern/modernHopfield';

/** beta of the hippocampus, with logits scaled by 1/sqrt(d) (Spens & Burgess 2024). */
export const HIPPOCAMPUS_BETA = 20;

/** A labelled image set: n rows of d values laid end to end. */
export interface ImageSet {
  readonly n: number;
  readonly d: number;
  readonly images: Float32Array;
  readonly labels: Uint8Array;
}

/** The digits, as the MNIST loader gives them (ink 0..255). */
export interface DigitSource {
  readonly count: number;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

export interface Split {
  /** Dataset indices stored as episodes. */
  readonly episodes: Int32Array;
  /** Dataset indices kept aside for evaluation (disjoint from episodes). */
  readonly heldOut: Int32Array;
}

/**
 * A seeded permutation of the digits: the first `episodes` are stored, the
 * next `heldOut` evaluate. Throws when the two do not fit.
 */
export function splitDigits(count: number, episodes: number, heldOut: number, seed: number): Split {
  if (!Number.isInteger(episodes) || episodes < 1 || !Number.isInteger(heldOut) || heldOut < 2) {
    throw new RangeError(`need >= 1 episodes and >= 2 held-out digits`);
  }
  if (episodes + heldOut > count) {
    throw new RangeError(`${episodes} episodes + ${heldOut} held out > ${count} digits`);
  }
  const rng = createRng(seed);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i < episodes + heldOut; i++) {
    const j = i + rng.int(count - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return {
    episodes: order.slice(0, episodes),
    heldOut: order.slice(episodes, episodes + heldOut),
  };
}

/** Pixel value of each ink level 0..255: v = ink / 255 ('unit') or 2 v - 1 ('bipolar'). */
function inkTable(range: 'bipolar' | 'unit'): Float64Array {
  return Float64Array.from({ length: 256 }, (_, ink) => {
    const v = ink / 255;
    return range === 'unit' ? v : 2 * v - 1;
  });
}

/** Rows a gather or a store handles per chunk, at most. */
const ROWS_PER_CHUNK = 1024;

/**
 * Digits `indices` in [-1, 1] (the hippocampus' range, 2 ink / 255 - 1) or
 * [0, 1] (the VAE's, ink / 255), as float32.
 */
export function gatherDigits(
  src: DigitSource,
  indices: ArrayLike<number>,
  range: 'bipolar' | 'unit',
): ImageSet {
  const set = emptySet(src, indices.length);
  gatherRows(src, indices, inkTable(range), set, 0, indices.length);
  return set;
}

/** gatherDigits in chunks of rows with `pace`'s pauses between them (the same numbers). */
export async function gatherDigitsPaced(
  src: DigitSource,
  indices: ArrayLike<number>,
  range: 'bipolar' | 'unit',
  pace: Pace,
): Promise<ImageSet> {
  const set = emptySet(src, indices.length);
  const table = inkTable(range);
  await inChunks(pace, 'gather', indices.length, ROWS_PER_CHUNK, (start, count) =>
    gatherRows(src, indices, table, set, start, count),
  );
  return set;
}

function emptySet(src: DigitSource, n: number): ImageSet {
  const d = src.pixels.length / src.count;
  return { n, d, images: new Float32Array(n * d), labels: new Uint8Array(n) };
}

function gatherRows(
  src: DigitSource,
  indices: ArrayLike<number>,
  table: Float64Array,
  set: ImageSet,
  start: number,
  count: number,
): void {
  const { d, images, labels } = set;
  const pixels = src.pixels;
  for (let r = start; r < start + count; r++) {
    const o = indices[r] * d;
    labels[r] = src.labels[indices[r]];
    for (let j = 0; j < d; j++) images[r * d + j] = table[pixels[o + j]];
  }
}

/** Step 1, encode: the episodes (rows in [-1, 1]) become the MHN's X. */
export function encodeEpisodes(episodes: ImageSet): StoredPatterns {
  return storePatterns(episodes.images, episodes.n, episodes.d);
}

/**
 * The hippocampus as storeEpisodes makes it: the MHN's X, X^T and norms,
 * and both matrices again in blocks of columns, for the replay. A matrix
 * product on the WASM backend packs its right-hand matrix the first time
 * it meets it (about 30 to 70 ms for 3,000 x 784 here, one task); blocks of
 * BLOCK_VALUES values each take a fraction of that, and storeEpisodes packs
 * them one per task. Column blocks change no number: each output of a
 * product is its own sum over the same inner dimension.
 */
export interface Hippocampus extends StoredPatterns {
  /** X^T (d x N) as blocks of its columns, in order. */
  readonly xtBlocks: readonly tf.Tensor2D[];
  /** X (N x d) as blocks of its columns, in order. */
  readonly xBlocks: readonly tf.Tensor2D[];
}

/** Values per column block of the hippocampus (2 MB of float32). */
export const BLOCK_VALUES = 1 << 19;

/** Frees a hippocampus from encodeEpisodes or storeEpisodes, blocks and all. */
export function disposeHippocampus(m: StoredPatterns | Hippocampus): void {
  disposePatterns(m);
  if ('xtBlocks' in m) tf.dispose([...m.xtBlocks, ...m.xBlocks]);
}

/** [start, end) column ranges of a rows x cols matrix in blocks of about `values` values. */
function columnBlocks(rows: number, cols: number, values: number): [number, number][] {
  const width = Math.max(1, Math.floor(values / rows));
  const out: [number, number][] = [];
  for (let c = 0; c < cols; c += width) out.push([c, Math.min(cols, c + width)]);
  return out;
}

/** q W for W given as column blocks: the blocks' products side by side. */
export function blockProduct(q: tf.Tensor2D, blocks: readonly tf.Tensor2D[]): tf.Tensor2D {
  const parts = blocks.map((b) => tf.matMul(q, b));
  return (parts.length === 1 ? parts[0] : tf.concat(parts, 1)) as tf.Tensor2D;
}

/**
 * encodeEpisodes in chunks: X^T is transposed on the CPU, |x_i|^2 taken a
 * block of rows at a time, and the column blocks of X and X^T made and
 * packed one per chunk, with `pace`'s pauses between the chunks. The same
 * X, X^T and norms as storePatterns (a transpose is a copy, and each row's
 * norm is its own reduction).
 */
export async function storeEpisodes(
  episodes: ImageSet,
  pace: Pace,
  blockValues: number = BLOCK_VALUES,
): Promise<Hippocampus> {
  const { n, d, images } = episodes;
  const xt = new Float32Array(n * d);
  await inChunks(pace, 'transpose', n, ROWS_PER_CHUNK, (start, count) => {
    for (let r = start; r < start + count; r++) {
      for (let j = 0; j < d; j++) xt[j * n + r] = images[r * d + j];
    }
  });
  const made: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => (made.push(t), t);
  try {
    const norms: tf.Tensor1D[] = [];
    await inChunks(pace, 'norms', n, ROWS_PER_CHUNK, (start, count) => {
      norms.push(
        keep(
          tf.tidy(() => {
            const rows = tf.tensor2d(images.subarray(start * d, (start + count) * d), [count, d]);
            return tf.sum(tf.square(rows), 1) as tf.Tensor1D;
          }),
        ),
      );
    });
    await pace.pause();
    const x = keep(tf.tensor2d(images, [n, d], 'float32'));
    const xT = keep(tf.tensor2d(xt, [d, n], 'float32'));
    const norm = keep(norms.length === 1 ? norms[0].clone() : (tf.concat(norms) as tf.Tensor1D));
    const xtBlocks: tf.Tensor2D[] = [];
    const xBlocks: tf.Tensor2D[] = [];
    // One block per chunk: cut it out, and pack it with a product of one row.
    const jobs = [
      ...columnBlocks(d, n, blockValues).map((range) => ({
        range,
        of: xT,
        rows: d,
        into: xtBlocks,
      })),
      ...columnBlocks(n, d, blockValues).map((range) => ({ range, of: x, rows: n, into: xBlocks })),
    ];
    await inChunks(pace, 'pack', jobs.length, 1, async (k) => {
      const { range, of, rows, into } = jobs[k];
      const block = keep(tf.slice(of, [0, range[0]], [rows, range[1] - range[0]]));
      into.push(block);
      const probe = tf.tidy(() => tf.matMul(tf.zeros([1, rows]), block));
      await probe.data();
      probe.dispose();
    });
    tf.dispose(norms);
    return { n, d, x, xt: xT, norms: norm, xtBlocks, xBlocks };
  } catch (e) {
    tf.dispose(made);
    throw e;
  }
}

/** beta' = 20 / sqrt(d). */
export function hippocampusBeta(d: number): number {
  return effectiveBeta(HIPPOCAMPUS_BETA, d, 'sqrt');
}
