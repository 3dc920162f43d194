/**
 * Step 5's vector arithmetic and boundary extension, as patches of the
 * lab's state (the maths is src/models/consolidation/latentArithmetic and
 * boundaryExtension).
 */
import { boundaryExtension } from '../../models/consolidation/boundaryExtension';
import type { ImageSet } from '../../models/consolidation/consolidation';
import { CLASSES } from '../../models/consolidation/consolidationEval';
import {
  analogy,
  classMeans,
  readoutProbabilities,
} from '../../models/consolidation/latentArithmetic';
import { fitLogistic } from '../../models/consolidation/linearReadout';
import type { Vae } from '../../models/consolidation/vae';
import { rows, type Patch } from './explore';

/** Held-out digits zoomed for boundary extension. */
export const BOUNDARY_DIGITS = 300;

/**
 * a - b + c on the class means of the held-out digits' latents, decoded,
 * and the class a read-out fitted on the first `labelled` latent means
 * gives it.
 */
export async function vectorArithmetic(
  vae: Vae,
  heldOut: ImageSet,
  labelled: number,
  picks: [number, number, number],
): Promise<Patch> {
  const l = vae.config.latentSize;
  const latents = await vae.encodeMeans(heldOut.images, heldOut.n);
  const means = classMeans(latents, heldOut.labels, l, CLASSES);
  const z = analogy(means, l, picks);
  const all = new Float32Array(4 * l);
  picks.forEach((c, k) => all.set(means.subarray(c * l, (c + 1) * l), k * l));
  all.set(z, 3 * l);
  const decoded = await vae.decodeLatents(all, 4);
  const model = fitLogistic(
    latents.subarray(0, labelled * l),
    labelled,
    l,
    heldOut.labels.subarray(0, labelled),
    CLASSES,
  );
  const p = readoutProbabilities(model, z);
  const nearest = p.indexOf(Math.max(...p));
  return {
    arithmetic: {
      picks,
      images: rows(decoded, 4),
      nearest,
      confidence: p[nearest],
    },
  };
}

/** Zoomed-in and zoomed-out held-out digits through the VAE: ink extent of input and recall. */
export async function boundary(vae: Vae, heldOut: ImageSet): Promise<Patch> {
  const n = Math.min(BOUNDARY_DIGITS, heldOut.n);
  return { boundary: await boundaryExtension(vae, heldOut.images.subarray(0, n * heldOut.d), n) };
}
