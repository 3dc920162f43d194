import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { expect, it } from 'vitest';
import { loadMnistNode } from '../../data/mnistNode';
import { digitsFromTheEnd, loadPretrainedVae } from '../../testing/pretrainedVae';
import { boundaryExtension, inkRadius, zoomImage } from './boundaryExtension';

/** A filled 2h x 2h square centred on the grid centre (13.5, 13.5). */
function square(h: number): Float32Array {
  const img = new Float32Array(784);
  for (let y = 14 - h; y < 14 + h; y++) for (let x = 14 - h; x < 14 + h; x++) img[y * 28 + x] = 1;
  return img;
}

it('the radius of gyration of two ink points is half their distance', () => {
  const img = new Float32Array(784);
  img[10 * 28 + 4] = 1;
  img[10 * 28 + 14] = 1;
  expect(inkRadius(img)).toBeCloseTo(5, 10);
  expect(inkRadius(new Float32Array(784))).toBe(0);
});

it('zoom 1 is the identity; zooming scales the extent by the factor', () => {
  const img = square(5);
  expect(Array.from(zoomImage(img, 1))).toEqual(Array.from(img));
  const r = inkRadius(img);
  for (const s of [0.5, 0.75, 1.5]) {
    expect(inkRadius(zoomImage(img, s)) / r).toBeCloseTo(s, 1);
  }
  // Zooming in crops: ink near the corner leaves the frame.
  const corner = new Float32Array(784);
  corner[1 * 28 + 1] = 1;
  expect(zoomImage(corner, 2).every((v) => v === 0)).toBe(true);
  expect(zoomImage(corner, 0.5).some((v) => v > 0)).toBe(true);
  expect(() => zoomImage(img, 0)).toThrow(RangeError);
});

it('the trained VAE recalls zoomed-out digits larger and zoomed-in ones smaller', async () => {
  await tf.setBackend('cpu');
  const vae = loadPretrainedVae();
  const digits = digitsFromTheEnd(await loadMnistNode(), 100, 2);
  const before = tf.memory().numTensors;
  const pts = await boundaryExtension(vae, digits.images, digits.n, [0.6, 1, 1.5]);
  expect(tf.memory().numTensors).toBe(before);
  const [out, same, inn] = pts;
  expect(out.input).toBeLessThan(same.input);
  expect(inn.input).toBeGreaterThan(same.input);
  // Pulled toward the typical view, from both sides.
  expect(out.recall).toBeGreaterThan(out.input * 1.2);
  expect(inn.recall).toBeLessThan(inn.input * 0.85);
  expect(Math.abs(same.recall - same.input)).toBeLessThan(0.1 * same.input);
  vae.dispose();
});
