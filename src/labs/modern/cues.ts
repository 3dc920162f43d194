/**
 * The cue xi_0 the lab retrieves from, made from the settings: a stored
 * digit, a digit not stored, the visitor's drawing, or one of the visitor's
 * own images, then the hidden region and the noise (models/modern/imageCue).
 *
 * A drawn cue is framed like the data when `frame` is on (the default):
 * bounding box scaled into 20 x 20, centre of mass at the field's centre
 * (models/modern/framing), as MNIST framed its digits; off, the pad's ink
 * is used where it was drawn. Ink in [0, 1] becomes 2 ink - 1 in [-1, 1].
 */
import { createRng } from '../../core/random';
import { MNIST_PIXELS, MNIST_SIDE, signedImage, type MnistSet } from '../../data/mnist';
import { frameDigit } from '../../models/modern/framing';
import { makeCue } from '../../models/modern/imageCue';
import type { CueSource } from './params';
import type { ModernState } from './store';

export interface Cue {
  cue: Float32Array;
  /** The pool index of the cued digit or image; -1 for a drawing. */
  item: number;
  /** Its position in the stored set, or null. */
  truthPos: number | null;
}

/** A cue that cannot be made as asked: what to say, and the source to use instead. */
export interface NoCue {
  fallback: CueSource;
  message: string;
}

/** The drawing as the network gets it: framed when asked, then scaled to [-1, 1]. */
export function drawnImage(drawing: Float32Array, frame: boolean): Float32Array {
  const ink = frame ? frameDigit(drawing, MNIST_SIDE, MNIST_SIDE) : drawing;
  const image = new Float32Array(MNIST_PIXELS);
  for (let k = 0; k < MNIST_PIXELS; k++) image[k] = 2 * ink[k] - 1;
  return image;
}

/**
 * The cue for the settings `s` from `pool` (the digits, then the visitor's
 * images from index `digits` on). The digit stays the same while it still
 * fits the source; else one is drawn with the seed and `picks` (the number
 * of "another digit" presses).
 */
export function buildCue(
  pool: MnistSet,
  digits: number,
  s: Pick<
    ModernState,
    | 'source'
    | 'item'
    | 'stored'
    | 'classes'
    | 'seed'
    | 'drawing'
    | 'frame'
    | 'region'
    | 'amount'
    | 'noise'
  >,
  picks: number,
): Cue | NoCue {
  const storedSet = new Set(s.stored);
  let item = s.item;
  let image: Float32Array;
  if (s.source === 'drawn') {
    image = drawnImage(s.drawing, s.frame);
    item = -1;
  } else {
    const own = (i: number) => i >= digits && i < pool.count;
    const fits = (i: number) =>
      s.source === 'own'
        ? own(i)
        : i >= 0 && i < digits && storedSet.has(i) === (s.source === 'stored');
    if (!fits(item)) {
      const rng = createRng(s.seed * 31 + picks);
      const candidates: number[] = [];
      if (s.source === 'own') {
        for (let i = digits; i < pool.count; i++) candidates.push(i);
        if (candidates.length === 0) {
          return {
            fallback: 'stored',
            message:
              'None of your own images is kept on this device yet: add some under “Your own images”. Cueing with a stored digit.',
          };
        }
      } else if (s.source === 'stored') {
        for (const i of s.stored) if (i < digits) candidates.push(i);
      } else {
        const classes = new Set(s.classes);
        for (let i = 0; i < digits; i++) {
          if (!storedSet.has(i) && classes.has(pool.labels[i])) candidates.push(i);
        }
        if (candidates.length === 0) {
          for (let i = 0; i < digits; i++) if (!storedSet.has(i)) candidates.push(i);
        }
        if (candidates.length === 0) {
          return {
            fallback: 'stored',
            message:
              'Every digit is stored, so there is no unstored digit to cue with. Store fewer, or draw one.',
          };
        }
      }
      item = candidates[rng.int(candidates.length)];
    }
    image = signedImage(pool, item);
  }
  const cue = makeCue(
    image,
    MNIST_SIDE,
    MNIST_SIDE,
    { region: s.region, amount: s.amount, noise: s.noise },
    createRng(s.seed * 7919 + Math.max(0, item)),
  );
  const pos = item >= 0 ? s.stored.indexOf(item) : -1;
  return { cue, item, truthPos: pos >= 0 ? pos : null };
}
