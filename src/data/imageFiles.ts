/**
 * A visitor's image files as 28 x 28 digits: decoded by the browser
 * (createImageBitmap, drawn on an OffscreenCanvas at most WORK_SIDE pixels
 * on its long side, high-quality smoothing), made grey, turned into ink,
 * then framed like MNIST's digits (models/modern/framing).
 *
 * Grey: luminance 0.299 R + 0.587 G + 0.114 B of the image laid on white
 * (a transparent pixel is white paper). Ink: MNIST's digits are light ink
 * on a dark background, while most pictures of writing are dark on light;
 * the background is taken to be the median grey of the border pixels, and
 * ink = |grey - background| / (the largest such difference), so whichever
 * way round the picture is, the background becomes 0 and the strokes 1.
 *
 * The limits the lab states: files of at most MAX_FILE_BYTES; anything the
 * browser cannot decode as an image is refused with a sentence saying so.
 */
import { frameDigit } from '../models/modern/framing';

/** The long side an image is brought down to before framing (4 x the 28-pixel field). */
export const WORK_SIDE = 112;
/** The largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Why a file was refused: a sentence for the visitor. */
export class ImageFileError extends Error {
  override name = 'ImageFileError';
}

/** Grey (0..1) of RGBA bytes laid on white paper: 0.299 R + 0.587 G + 0.114 B. */
export function greyOnWhite(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const a = rgba[4 * i + 3] / 255;
    const lum = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
    grey[i] = a * lum + (1 - a);
  }
  return grey;
}

/** Ink in [0, 1] from grey: |grey - border median| over its largest value (all 0 if flat). */
export function inkFromGrey(grey: Float32Array, width: number, height: number): Float32Array {
  const border: number[] = [];
  for (let x = 0; x < width; x++) border.push(grey[x], grey[(height - 1) * width + x]);
  for (let y = 1; y < height - 1; y++) border.push(grey[y * width], grey[y * width + width - 1]);
  border.sort((a, b) => a - b);
  const background = border[Math.floor(border.length / 2)] ?? 0;
  const ink = new Float32Array(grey.length);
  let max = 0;
  for (let i = 0; i < grey.length; i++) {
    ink[i] = Math.abs(grey[i] - background);
    if (ink[i] > max) max = ink[i];
  }
  // Differences of under 1/255 are the file's own rounding, not strokes.
  if (max < 1 / 255) return new Float32Array(grey.length);
  for (let i = 0; i < ink.length; i++) ink[i] /= max;
  return ink;
}

/** RGBA bytes of any size as a framed 28 x 28 digit: 784 ink bytes (0..255). */
export function digitFromRgba(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const ink = frameDigit(
    inkFromGrey(greyOnWhite(rgba, width, height), width, height),
    width,
    height,
  );
  return Uint8Array.from(ink, (v) => Math.round(v * 255));
}

/** A file's contents as RGBA bytes, at most WORK_SIDE on the long side; ImageFileError if not an image. */
export async function decodeImage(
  file: Blob & { name?: string },
): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }> {
  const name = file.name ? `“${file.name}”` : 'The file';
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    const most = MAX_FILE_BYTES / 1024 / 1024;
    throw new ImageFileError(`${name} is ${mb} MB; files of at most ${most} MB are taken.`);
  }
  if (file.type && !file.type.startsWith('image/')) {
    throw new ImageFileError(`${name} is not an image (${file.type}).`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImageFileError(`${name} could not be read as an image by this browser.`);
  }
  try {
    const f = Math.min(1, WORK_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * f));
    const height = Math.max(1, Math.round(bitmap.height * f));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ImageFileError('This browser gives no canvas to read images with.');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    return { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close();
  }
}
