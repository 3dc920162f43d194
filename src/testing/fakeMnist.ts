/**
 * A small stand-in for the 10,000 MNIST digits, for tests that need a digit
 * set but not real digits: `count` images of 28 x 28 pixels, each pixel
 * inked (1..255) with probability `ink`, else background (0); labels
 * i mod 10. Deterministic in the seed.
 */
import { createRng } from '../core/random';
import { MNIST_PIXELS, MNIST_SIDE, type MnistSet } from '../data/mnist';

export function fakeMnist(count = 40, seed = 4, ink = 0.2): MnistSet {
  const rng = createRng(seed);
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < pixels.length; i++) if (rng.next() < ink) pixels[i] = 1 + rng.int(255);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { count, width: MNIST_SIDE, height: MNIST_SIDE, labels, pixels };
}
