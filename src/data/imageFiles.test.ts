import { describe, expect, it } from 'vitest';
import { centreOfMass } from '../models/modern/framing';
import {
  decodeImage,
  digitFromRgba,
  greyOnWhite,
  ImageFileError,
  inkFromGrey,
  MAX_FILE_BYTES,
} from './imageFiles';

/** A w x h RGBA image of `paper` with a filled rectangle of `pen` (each [r, g, b, a]). */
function picture(w: number, h: number, paper: number[], pen: number[], rect: number[]) {
  const rgba = new Uint8ClampedArray(w * h * 4);
  const [x0, y0, x1, y1] = rect;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = x >= x0 && x < x1 && y >= y0 && y < y1 ? pen : paper;
      rgba.set(c, (y * w + x) * 4);
    }
  }
  return rgba;
}

describe('image files as digits', () => {
  it('grey is luminance laid on white: a transparent pixel is paper', () => {
    const g = greyOnWhite([0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 255], 4, 1);
    expect(g[0]).toBe(0);
    expect(g[1]).toBe(1);
    expect(g[2]).toBeCloseTo(1, 6);
    expect(g[3]).toBeCloseTo(0.299, 3);
  });

  it('dark on light and light on dark both become strokes of ink 1 on a background of 0', () => {
    const dark = picture(60, 40, [250, 250, 250, 255], [20, 20, 20, 255], [10, 5, 20, 35]);
    const light = picture(60, 40, [0, 0, 0, 255], [255, 255, 255, 255], [10, 5, 20, 35]);
    for (const rgba of [dark, light]) {
      const ink = inkFromGrey(greyOnWhite(rgba, 60, 40), 60, 40);
      expect(ink[0]).toBe(0);
      expect(ink[10 * 60 + 15]).toBe(1);
    }
    expect(inkFromGrey(new Float32Array(100).fill(0.5), 10, 10).every((v) => v === 0)).toBe(true);
  });

  it('are framed like the digits: 784 bytes, mass at the centre; a blank picture stays blank', () => {
    const rgba = picture(90, 50, [255, 255, 255, 255], [0, 0, 0, 255], [60, 30, 80, 45]);
    const digit = digitFromRgba(rgba, 90, 50);
    expect(digit).toHaveLength(784);
    const com = centreOfMass(
      Float32Array.from(digit, (v) => v / 255),
      28,
      28,
    )!;
    expect(com.x).toBeCloseTo(14.5, 0);
    expect(com.y).toBeCloseTo(14.5, 0);
    const blank = picture(30, 30, [255, 255, 255, 255], [0, 0, 0, 255], [0, 0, 0, 0]);
    expect(digitFromRgba(blank, 30, 30).every((v) => v === 0)).toBe(true);
  });

  it('refuses files that are too large or are not images, saying so', async () => {
    const big = Object.assign(
      new Blob([new Uint8Array(MAX_FILE_BYTES + 1)], { type: 'image/png' }),
      {
        name: 'huge.png',
      },
    );
    await expect(decodeImage(big)).rejects.toThrow(ImageFileError);
    await expect(decodeImage(big)).rejects.toThrow(/“huge.png” is 20.0 MB; files of at most 20 MB/);
    const text = Object.assign(new Blob(['hello'], { type: 'text/plain' }), { name: 'notes.txt' });
    await expect(decodeImage(text)).rejects.toThrow('“notes.txt” is not an image (text/plain).');
  });
});
