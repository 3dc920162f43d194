/**
 * Does framing a drawn cue like the data (./framing) help retrieval? A
 * measurement on real digits: digits that are NOT stored are redrawn the
 * way a visitor draws on the 28 x 28 pad (smaller or larger than MNIST's
 * 20-pixel box, and off-centre), then retrieved from the stored digits with
 * and without framing, and scored by the label of the stored digit nearest
 * to the retrieved state (what the lab's "Nearest stored digit" line shows).
 *
 * A "visitor's drawing" (visitorDraw): the digit's ink scaled by s about the
 * field's centre (14, 14) and shifted by (dx, dy) pixels, bilinear, zero
 * outside the source. s is drawn uniformly from [minScale, maxScale], dx and
 * dy uniformly from [-maxShift, maxShift], from one seeded generator (after
 * the stored digits and the cued digits are drawn).
 *
 * Retrieval: xi <- X^T softmax(beta' X xi) in float64 (referenceSettle),
 * from the cue 2 ink - 1 (nothing hidden), until no pixel moves by 1e-3 or
 * 50 updates.
 */
import { createRng } from '../../core/random';
import { MNIST_PIXELS, sampleDigits, signedMatrix, type MnistSet } from '../../data/mnist';
import { frameDigit } from './framing';
import { effectiveBeta, nearestRow, referenceSettle, type LogitScale } from './modernHopfield';

const SIDE = 28;

/** The digit's ink (28 x 28, [0, 1]) scaled by s about (14, 14) and shifted by (dx, dy), bilinear. */
export function visitorDraw(
  ink: ArrayLike<number>,
  s: number,
  dx: number,
  dy: number,
): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : ink[y * SIDE + x];
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      // Output centre -> source coordinate, then bilinear between source centres.
      const sx = (x + 0.5 - 14 - dx) / s + 14 - 0.5;
      const sy = (y + 0.5 - 14 - dy) / s + 14 - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      out[y * SIDE + x] =
        (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
        fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
    }
  }
  return out;
}

export interface FramingTrialConfig {
  stored: number;
  cues: number;
  beta: number;
  scale: LogitScale;
  minScale: number;
  maxScale: number;
  maxShift: number;
  seed: number;
}

export const FRAMING_TRIAL_DEFAULTS: FramingTrialConfig = {
  stored: 1000,
  cues: 60,
  beta: 20,
  scale: 'sqrt',
  minScale: 0.55,
  maxScale: 1.3,
  maxShift: 5,
  seed: 1,
};

export interface FramingTrialReport {
  /** Share of cues whose retrieved state is nearest to a stored digit of the cue's class. */
  accuracy: {
    /** the unstored digit as it is in the data (already framed by MNIST) */
    asInData: number;
    /** redrawn as a visitor would, cued as drawn */
    drawn: number;
    /** redrawn, then framed by frameDigit */
    framed: number;
  };
  /** Mean s, |dx|, |dy| of the redrawings. */
  meanScale: number;
  meanShift: number;
  config: FramingTrialConfig;
}

/**
 * Runs the measurement described above: K stored digits (seeded sample of
 * all classes, as the lab stores them), `cues` unstored digits redrawn.
 */
export function runFramingTrial(
  set: MnistSet,
  partial: Partial<FramingTrialConfig> = {},
): FramingTrialReport {
  const c = { ...FRAMING_TRIAL_DEFAULTS, ...partial };
  const d = MNIST_PIXELS;
  const rng = createRng(c.seed);
  const stored = sampleDigits(set, c.stored, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rng);
  const x = signedMatrix(set, stored);
  const isStored = new Set(stored);
  const pool: number[] = [];
  for (let i = 0; i < set.count; i++) if (!isStored.has(i)) pool.push(i);
  const b = effectiveBeta(c.beta, d, c.scale);
  const labelOf = (state: ArrayLike<number>) =>
    set.labels[stored[nearestRow(x, stored.length, d, state)]];
  const retrieve = (ink: ArrayLike<number>) => {
    const cue = new Float64Array(d);
    for (let k = 0; k < d; k++) cue[k] = 2 * ink[k] - 1;
    return labelOf(referenceSettle(x, stored.length, d, cue, b).state);
  };
  const hits = { asInData: 0, drawn: 0, framed: 0 };
  let scaleSum = 0;
  let shiftSum = 0;
  const n = Math.min(c.cues, pool.length);
  for (let t = 0; t < n; t++) {
    const j = t + rng.int(pool.length - t);
    [pool[t], pool[j]] = [pool[j], pool[t]];
    const item = pool[t];
    const ink = new Float32Array(d);
    for (let k = 0; k < d; k++) ink[k] = set.pixels[item * d + k] / 255;
    const s = c.minScale + (c.maxScale - c.minScale) * rng.next();
    const dx = c.maxShift * (2 * rng.next() - 1);
    const dy = c.maxShift * (2 * rng.next() - 1);
    scaleSum += s;
    shiftSum += (Math.abs(dx) + Math.abs(dy)) / 2;
    const drawn = visitorDraw(ink, s, dx, dy);
    const label = set.labels[item];
    if (retrieve(ink) === label) hits.asInData++;
    if (retrieve(drawn) === label) hits.drawn++;
    if (retrieve(frameDigit(drawn, SIDE, SIDE)) === label) hits.framed++;
  }
  return {
    accuracy: { asInData: hits.asInData / n, drawn: hits.drawn / n, framed: hits.framed / n },
    meanScale: scaleSum / n,
    meanShift: shiftSum / n,
    config: c,
  };
}
