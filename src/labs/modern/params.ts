/**
 * Every shareable setting of the Modern Hopfield lab, listed once: the
 * table is keyed by the store's field names, and `link:` keeps the short
 * keys older links use (src, draw, ck, ccue, camt). The store's defaults,
 * reading the link and writing it back all come from this table, so a
 * copied link reproduces what is on screen.
 */
import {
  boolParam,
  customParam,
  enumParam,
  floatParam,
  intParam,
  invalid,
  type ParamValues,
} from '../../core/params';
import { MNIST_PIXELS } from '../../data/mnist';
import { BINARY_CUES } from '../../models/modern/classicVsModern';
import { CUE_REGIONS } from '../../models/modern/imageCue';
import { LOGIT_SCALES } from '../../models/modern/modernHopfield';

export const MIN_STORED = 10;
export const MAX_STORED = 10_000;
export const MIN_BETA = 0.001;
export const MAX_BETA = 10_000;
export const ALL_CLASSES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
export const CUE_SOURCES = ['stored', 'unstored', 'drawn', 'own'] as const;
export type CueSource = (typeof CUE_SOURCES)[number];

/** Drawn ink (784 values in [0, 1]) as 784 hex digits (16 levels); '' for an empty pad. */
export function encodeDrawing(ink: Float32Array): string {
  let s = '';
  for (const v of ink) s += Math.round(Math.min(1, Math.max(0, v)) * 15).toString(16);
  return /[^0]/.test(s) ? s : '';
}

/** The inverse of encodeDrawing; null when the text is not 784 hex digits. */
export function decodeDrawing(text: string, d = MNIST_PIXELS): Float32Array | null {
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

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Two drawings are the same setting when they write the same link text (16 ink levels). */
const sameDrawing = (a: Float32Array, b: Float32Array) => encodeDrawing(a) === encodeDrawing(b);

export const PARAMS = {
  k: intParam(1000, MIN_STORED, MAX_STORED, 'K, the number of digits stored', {
    label: 'Digits stored (K)',
  }),
  classes: customParam<number[]>(
    [...ALL_CLASSES],
    'the digit classes stored (e.g. 38 for threes and eights)',
    {
      read: (text) => {
        if (text.length > 10)
          return invalid('is longer than 10 characters', 'must be at most 10 characters');
        const classes = parseClasses(text);
        return classes.length > 0
          ? { ok: true, value: classes }
          : invalid('names no digit class', 'must name at least one digit class, e.g. 38');
      },
      write: (classes) => classes.join(''),
      same: sameList,
      shown: 'all ten classes',
    },
  ),
  seed: intParam(1, 0, 999_999, 'random seed for the stored digits, the cue and its mask', {
    label: 'Seed',
  }),
  beta: floatParam(20, MIN_BETA, MAX_BETA, 'inverse temperature beta', {
    label: 'β (inverse temperature)',
  }),
  scale: enumParam(LOGIT_SCALES, 'sqrt', "logits scaled by 1/sqrt(d) ('sqrt') or not"),
  source: enumParam(CUE_SOURCES, 'stored', 'where the cue comes from', {
    link: 'src',
    label: 'Cue from',
  }),
  item: intParam(-1, -1, 9999, 'the dataset index of the cued digit (-1: pick one)'),
  region: enumParam(CUE_REGIONS, 'bottom', 'the region of the cue that is hidden', {
    label: 'Hide',
  }),
  amount: floatParam(0.5, 0, 1, 'fraction of the pixels hidden', { label: 'Share hidden' }),
  noise: floatParam(0, 0, 2, 'standard deviation of the noise added to the visible pixels', {
    label: 'Noise σ on visible pixels',
  }),
  /** Drawn ink, 784 values in [0, 1]; replaced, never written in place. */
  drawing: customParam<Float32Array>(
    new Float32Array(MNIST_PIXELS),
    'the drawn digit, 784 hex digits of ink',
    {
      read: (text) => {
        if (text === '') return { ok: true, value: new Float32Array(MNIST_PIXELS) };
        const ink = decodeDrawing(text);
        return ink
          ? { ok: true, value: ink }
          : invalid('is not a drawing (784 hex digits of ink)', 'must be 784 hex digits of ink');
      },
      write: encodeDrawing,
      same: sameDrawing,
      shown: 'an empty pad',
    },
    { link: 'draw' },
  ),
  frame: boolParam(
    true,
    'frame a drawn cue like the digits: bounding box into 20 x 20, centre of mass at the centre',
    { label: 'Frame my drawing like the digits' },
  ),
  compareK: intParam(20, 2, 300, 'digits stored in the classic-vs-modern comparison', {
    link: 'ck',
    label: 'Digits stored',
  }),
  compareCue: enumParam(BINARY_CUES, 'flip', 'comparison cue', {
    link: 'ccue',
    label: 'Comparison cue',
  }),
  compareAmount: floatParam(
    0.15,
    0,
    1,
    'fraction of pixels flipped or hidden in the comparison cue',
    { link: 'camt', label: 'Share flipped or hidden' },
  ),
};

/** The lab's settings, typed by the table. */
export type ModernSettings = ParamValues<typeof PARAMS>;
