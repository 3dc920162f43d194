/**
 * For tests of the Consolidation models in Node: the lab's shipped VAE
 * (public/models/consolidation-vae.json, trained by
 * scripts/train-consolidation.ts) and digits to measure it on.
 */
import { readFileSync } from 'node:fs';
import type { MnistSet } from '../data/mnist';
import { gatherDigits, type ImageSet } from '../models/consolidation/consolidation';
import {
  PRETRAINED_FILE,
  type PretrainedDoc,
} from '../models/consolidation/consolidationPretrained';
import { loadVae, type Vae } from '../models/consolidation/vae';
import { vaeFromJson } from '../models/consolidation/vaeParams';

/** The shipped VAE on the current tfjs backend; the caller disposes it. */
export function loadPretrainedVae(): Vae {
  const file = new URL(`../../public/${PRETRAINED_FILE}`, import.meta.url);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as PretrainedDoc;
  return loadVae(vaeFromJson(doc.vae));
}

/**
 * n digits from the end of the set, every `stride`-th, in [0, 1]: past the
 * opening VAE's episodes, which come from a seeded permutation of all of them.
 */
export function digitsFromTheEnd(set: MnistSet, n: number, stride: number): ImageSet {
  return gatherDigits(
    set,
    Int32Array.from({ length: n }, (_, i) => set.count - 1 - stride * i),
    'unit',
  );
}
