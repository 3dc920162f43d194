/**
 * Recall from a partial cue, through the hippocampus and through the
 * neocortex, side by side (SCIENCE.md section 3, step 5).
 *
 * The cue is a stored episode (pixels in [-1, 1]) with its bottom `hidden`
 * rows unknown:
 * - hippocampus: the modern Hopfield network, xi <- X softmax(beta' X^T xi)
 *   applied `steps` times with the hidden pixels at 0 (unknown, the midpoint
 *   of [-1, 1]); it returns the stored episode itself, detail included;
 * - neocortex: the VAE reconstructs the cue through its latent mean, the
 *   hidden pixels at 0.5 (unknown, the midpoint of [0, 1]); it returns a
 *   typical digit: the gist, not the episode.
 * Errors are the mean absolute pixel difference from the episode on the
 * [0, 1] scale, over all pixels and over the hidden ones.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MNIST_SIDE } from '../../data/mnist';
import { retrieveStep, type StoredPatterns } from '../modern/modernHopfield';
import { unitFromBipolarRange, type Vae } from './vae';

export interface PartialRecall {
  /** The cue in [-1, 1] (hidden pixels 0). */
  cue: Float32Array;
  /** What the hippocampus returns, in [-1, 1]. */
  hippocampus: Float32Array;
  /** What the neocortex (VAE) returns, in [0, 1]. */
  neocortex: Float32Array;
  /** Mean |x - episode| on [0, 1], all pixels and hidden pixels only. */
  error: { hippocampus: number; neocortex: number };
  hiddenError: { hippocampus: number; neocortex: number };
}

export async function recallFromPartialCue(
  memory: StoredPatterns,
  vae: Vae,
  episode: Float32Array,
  {
    width = MNIST_SIDE,
    hidden = MNIST_SIDE / 2,
    beta,
    steps = 2,
  }: { width?: number; hidden: number; beta: number; steps?: number },
): Promise<PartialRecall> {
  const d = episode.length;
  const firstHidden = d - hidden * width;
  const cue = episode.slice();
  cue.fill(0, firstHidden);

  let state = tf.tensor2d(cue, [1, d]);
  for (let k = 0; k < steps; k++) {
    const r = retrieveStep(memory, state, beta);
    tf.dispose([state, r.attention, r.energy]);
    state = r.next;
  }
  const hippocampus = Float32Array.from(await state.data());
  state.dispose();
  const neocortex = await vae.reconstructImages(unitFromBipolarRange(cue), 1);

  const truth = unitFromBipolarRange(episode);
  const hip = unitFromBipolarRange(hippocampus);
  const err = (x: Float32Array, from: number) => {
    let s = 0;
    for (let i = from; i < d; i++) s += Math.abs(x[i] - truth[i]);
    return s / (d - from);
  };
  return {
    cue,
    hippocampus,
    neocortex,
    error: { hippocampus: err(hip, 0), neocortex: err(neocortex, 0) },
    hiddenError: { hippocampus: err(hip, firstHidden), neocortex: err(neocortex, firstHidden) },
  };
}
