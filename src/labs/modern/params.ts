/**
 * Every URL parameter of the Modern Hopfield lab, listed once (name, type,
 * default, range). The lab reads a link through this table and writes the
 * view back through it, so a copied link reproduces what is on screen.
 */
import { enumParam, floatParam, intParam, stringParam } from '../../core/params';

export const MIN_STORED = 10;
export const MAX_STORED = 10_000;
export const MIN_BETA = 0.001;
export const MAX_BETA = 10_000;

export const PARAMS = {
  k: intParam(1000, MIN_STORED, MAX_STORED, 'K, the number of digits stored'),
  classes: stringParam(
    '0123456789',
    'the digit classes stored (e.g. 38 for threes and eights)',
    10,
  ),
  seed: intParam(1, 0, 999_999, 'random seed for the stored digits, the cue and its mask'),
  beta: floatParam(20, MIN_BETA, MAX_BETA, 'inverse temperature beta'),
  scale: enumParam(['sqrt', 'none'] as const, 'sqrt', "logits scaled by 1/sqrt(d) ('sqrt') or not"),
  src: enumParam(['stored', 'unstored', 'drawn'] as const, 'stored', 'where the cue comes from'),
  item: intParam(-1, -1, 9999, 'the dataset index of the cued digit (-1: pick one)'),
  region: enumParam(
    ['none', 'top', 'bottom', 'square', 'random'] as const,
    'bottom',
    'the region of the cue that is hidden',
  ),
  amount: floatParam(0.5, 0, 1, 'fraction of the pixels hidden'),
  noise: floatParam(0, 0, 2, 'standard deviation of the noise added to the visible pixels'),
  draw: stringParam('', 'the drawn digit, 784 hex digits of ink', 784),
  ck: intParam(20, 2, 300, 'digits stored in the classic-vs-modern comparison'),
  ccue: enumParam(['flip', 'mask-bottom'] as const, 'flip', 'comparison cue'),
  camt: floatParam(0.15, 0, 1, 'fraction of pixels flipped or hidden in the comparison cue'),
};

/** Drawn ink (784 values in [0, 1]) as 784 hex digits (16 levels). */
export function encodeDrawing(ink: Float32Array): string {
  let s = '';
  for (const v of ink) s += Math.round(Math.min(1, Math.max(0, v)) * 15).toString(16);
  return /[^0]/.test(s) ? s : '';
}

/** The inverse of encodeDrawing; null when the text is not 784 hex digits. */
export function decodeDrawing(text: string, d = 784): Float32Array | null {
  if (text.length !== d || !/^[0-9a-f]+$/i.test(text)) return null;
  const out = new Float32Array(d);
  for (let i = 0; i < d; i++) out[i] = parseInt(text[i], 16) / 15;
  return out;
}

/** "0123456789" -> [0, ..., 9]; ignores anything but digits, dedupes, sorts. */
export function parseClasses(text: string): number[] {
  return [...new Set([...text].filter((c) => c >= '0' && c <= '9').map(Number))].sort(
    (a, b) => a - b,
  );
}
