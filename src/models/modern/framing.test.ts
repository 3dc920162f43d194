import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../data/mnistNode';
import type { MnistSet } from '../../data/mnist';
import { centreOfMass, frameDigit, MASS_CENTRE } from './framing';
import { runFramingTrial, visitorDraw } from './framingTrial';
import { cosine } from './modernHopfield';

let set: MnistSet;
beforeAll(async () => {
  set = await loadMnistNode();
});

const inkOf = (i: number) => {
  const ink = new Float32Array(784);
  for (let k = 0; k < 784; k++) ink[k] = set.pixels[i * 784 + k] / 255;
  return ink;
};

describe('frameDigit', () => {
  it('an empty pad stays empty', () => {
    expect(frameDigit(new Float32Array(784), 28, 28).every((v) => v === 0)).toBe(true);
    expect(frameDigit(new Float32Array(50 * 30), 50, 30)).toHaveLength(784);
  });

  it('a shifted and shrunk digit frames back to near the original', () => {
    for (const i of [5, 1234, 4321, 7777, 9999]) {
      const original = inkOf(i);
      const drawn = visitorDraw(original, 0.6, 5, -4);
      const framed = frameDigit(drawn, 28, 28);
      expect(cosine(drawn, original)).toBeLessThan(0.5);
      expect(cosine(framed, original)).toBeGreaterThan(0.9);
    }
  });

  it('puts the long side of the box at 20 pixels and the centre of mass at (14.5, 14.5)', () => {
    // A 6 x 3 bar of full ink off in a corner of a 40 x 40 image.
    const ink = new Float32Array(40 * 40);
    for (let y = 30; y < 36; y++) for (let x = 2; x < 5; x++) ink[y * 40 + x] = 1;
    const framed = frameDigit(ink, 40, 40);
    // Extent as mass / the largest row (column) sum: a filled 10 x 20 rectangle, blurred
    // at its edges by the resampling, keeps both.
    const rows = new Float64Array(28);
    const cols = new Float64Array(28);
    framed.forEach((v, k) => {
      rows[Math.floor(k / 28)] += v;
      cols[k % 28] += v;
    });
    const mass = rows.reduce((a, b) => a + b, 0);
    expect(mass).toBeCloseTo(200, -1);
    expect(mass / Math.max(...rows)).toBeCloseTo(20, 0);
    expect(mass / Math.max(...cols)).toBeCloseTo(10, 0);
    const com = centreOfMass(framed, 28, 28)!;
    expect(com.x).toBeCloseTo(MASS_CENTRE, 1);
    expect(com.y).toBeCloseTo(MASS_CENTRE, 1);
  });

  it('shrinks a large image with anti-aliasing: no ink is lost to aliasing', () => {
    // A 1-pixel grid of lines every 4 pixels in 200 x 200: sampled without a filter
    // it would come out all ink or all background; averaged it is about 1/4 grey.
    const ink = new Float32Array(200 * 200);
    for (let y = 0; y < 200; y++) for (let x = 0; x < 200; x += 4) ink[y * 200 + x] = 1;
    const framed = frameDigit(ink, 200, 200);
    const inside = framed.filter((_, k) => {
      const x = k % 28;
      const y = Math.floor(k / 28);
      return x >= 6 && x < 22 && y >= 6 && y < 22;
    });
    for (const v of inside) expect(v).toBeCloseTo(0.25, 1);
  });
});

describe('framing drawn cues: retrieval accuracy with and without it', () => {
  it('redrawn unstored digits are retrieved as their class far more often once framed', () => {
    const r = runFramingTrial(set, { cues: 40 });
    console.log('framing trial', JSON.stringify(r));
    expect(r.accuracy.framed).toBeGreaterThan(r.accuracy.drawn + 0.3);
    expect(r.accuracy.framed).toBeGreaterThan(r.accuracy.asInData - 0.1);
  });
});
