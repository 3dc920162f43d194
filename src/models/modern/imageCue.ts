/**
 * Cues for continuous images in [-1, 1] (the modern Hopfield network):
 * hide a region or add noise to a stored image.
 *
 * Hidden pixels are set to 0, *unknown* (the midpoint of [-1, 1]), not -1
 * (dark): a 0 adds nothing to x_i.xi, so only the visible pixels vote
 * (SCIENCE.md section 2). `amount` is the fraction of the pixels hidden:
 * - 'top' / 'bottom': the first / last round(amount * height) rows;
 * - 'square': a centred square of side round(sqrt(amount) * width);
 * - 'random': round(amount * width * height) distinct pixels.
 * Noise: Gaussian of standard deviation `noise` added to the visible pixels,
 * then clipped to [-1, 1]. Random pixels are drawn first, then the noise,
 * from one seeded generator.
 */
import { sampleDistinct, type Rng } from '../../core/random';

export type CueRegion = 'none' | 'top' | 'bottom' | 'square' | 'random';
export const CUE_REGIONS: readonly CueRegion[] = ['none', 'top', 'bottom', 'square', 'random'];

export interface CueSpec {
  region: CueRegion;
  /** Fraction of the pixels hidden, 0..1. */
  amount: number;
  /** Standard deviation of the Gaussian noise on visible pixels (0: none). */
  noise: number;
}

/** 1 where the pixel is hidden by `region`, else 0 (length width * height). */
export function cueMask(
  width: number,
  height: number,
  region: CueRegion,
  amount: number,
  rng: Rng,
): Uint8Array {
  const mask = new Uint8Array(width * height);
  const a = Math.min(1, Math.max(0, amount));
  if (region === 'top' || region === 'bottom') {
    const rows = Math.round(a * height);
    const from = region === 'top' ? 0 : height - rows;
    mask.fill(1, from * width, (from + rows) * width);
  } else if (region === 'square') {
    const side = Math.min(width, height, Math.round(Math.sqrt(a) * width));
    const x0 = Math.floor((width - side) / 2);
    const y0 = Math.floor((height - side) / 2);
    for (let y = y0; y < y0 + side; y++) mask.fill(1, y * width + x0, y * width + x0 + side);
  } else if (region === 'random') {
    for (const i of sampleDistinct(width * height, Math.round(a * width * height), rng))
      mask[i] = 1;
  }
  return mask;
}

/** The cue made from `image` ([-1, 1]): hidden pixels 0, noise on the rest. A new array. */
export function makeCue(
  image: ArrayLike<number>,
  width: number,
  height: number,
  spec: CueSpec,
  rng: Rng,
): Float32Array {
  const mask = cueMask(width, height, spec.region, spec.amount, rng);
  const out = Float32Array.from(image);
  for (let i = 0; i < out.length; i++) {
    if (mask[i]) out[i] = 0;
    else if (spec.noise > 0) out[i] = Math.min(1, Math.max(-1, out[i] + spec.noise * rng.normal()));
  }
  return out;
}
