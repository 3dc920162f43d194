/**
 * What the Modern lab stores from: the 10,000 MNIST digits, then the
 * visitor's own images after them, as one digit set. An own image is
 * index set.count + j (j = its place in the visitor's list) and has the
 * label YOURS (10), which no class choice names, so sampling digits of
 * classes 0..9 draws the same MNIST digits with or without them; they are
 * stored (all of them) after the K digits.
 */
import { MNIST_PIXELS, type MnistSet } from '../../data/mnist';

/** The label of the visitor's own images (digit classes are 0..9). */
export const YOURS = 10;

/** One of the visitor's images, framed like the digits: 784 ink bytes (0..255), row-major. */
export interface OwnImage {
  id: string;
  /** The file's name, as the visitor's system gave it. */
  name: string;
  ink: Uint8Array;
  /** When it was added (ms since 1970), for the order of the list. */
  added: number;
}

/** The digits with the images after them (a new set; the digits' arrays are copied once). */
export function withOwnImages(set: MnistSet, images: readonly OwnImage[]): MnistSet {
  if (images.length === 0) return set;
  const count = set.count + images.length;
  const labels = new Uint8Array(count);
  labels.set(set.labels);
  labels.fill(YOURS, set.count);
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  pixels.set(set.pixels);
  images.forEach((img, j) => pixels.set(img.ink, (set.count + j) * MNIST_PIXELS));
  return { ...set, count, labels, pixels };
}

/** Indices in the pool of the visitor's images: digits.count .. pool.count - 1. */
export function ownIndices(pool: MnistSet, digits: number): Int32Array {
  return Int32Array.from({ length: pool.count - digits }, (_, j) => digits + j);
}
