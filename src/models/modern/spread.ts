/**
 * A beta chosen for a cue: how sharp the attention must be for it to spread
 * over a given number of stored patterns. The "middle beta" of the Modern
 * lab is not one number for every cue: a cue that matches many digits
 * about equally needs a larger beta than one that matches a few well.
 *
 * The spread is the effective number of patterns n_eff = 1 / sum_i p_i^2 of
 * the attention p = softmax(beta' s) at the cue, s_i = x_i . xi (the same
 * count the lab shows everywhere, modernHopfield's effectiveCount). It falls
 * as beta' grows (for any scores): log sum_i p_i^2 = log Z(2 beta') -
 * 2 log Z(beta'), whose derivative 2 (<s>_{2 beta'} - <s>_{beta'}) is >= 0
 * because the mean <s> under softmax(b s) rises with b. So bisection on
 * log beta' finds the one beta' that gives a target n_eff, from N (beta' ->
 * 0, uniform) down to the number of patterns tied for the top score
 * (beta' -> infinity).
 */

/** n_eff = 1 / sum p_i^2 of p = softmax(beta' s), in float64 (largest score subtracted first). */
export function spreadAt(scores: ArrayLike<number>, betaEff: number): number {
  const n = scores.length;
  if (n === 0) return 0;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (scores[i] > max) max = scores[i];
  let z = 0;
  let z2 = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(betaEff * (scores[i] - max));
    z += e;
    z2 += e * e;
  }
  return (z * z) / z2;
}

export interface SpreadBeta {
  /** The beta' found, in [lo, hi]. */
  betaEff: number;
  /** n_eff at that beta' (close to the target unless the target is out of reach). */
  nEff: number;
  /** False when the target is out of reach in [lo, hi] (then the nearest end is returned). */
  reached: boolean;
}

export interface SpreadOptions {
  /** Bracket for beta' (defaults 1e-6 and 1e4). */
  lo?: number;
  hi?: number;
  /** Stop when n_eff is within this ratio of the target (default 1e-3), or after 100 halvings. */
  tolerance?: number;
}

/**
 * The beta' at which the attention over `scores` (s_i = x_i . xi) spreads
 * over `target` patterns (n_eff = 1 / sum p^2), by bisection on log beta'.
 */
export function betaForSpread(
  scores: ArrayLike<number>,
  target: number,
  { lo = 1e-6, hi = 1e4, tolerance = 1e-3 }: SpreadOptions = {},
): SpreadBeta {
  if (!(target >= 1)) throw new RangeError(`a spread of ${target} patterns is below 1`);
  const atLo = spreadAt(scores, lo);
  if (atLo <= target) return { betaEff: lo, nEff: atLo, reached: atLo >= target * (1 - tolerance) };
  const atHi = spreadAt(scores, hi);
  if (atHi >= target) return { betaEff: hi, nEff: atHi, reached: atHi <= target * (1 + tolerance) };
  let a = Math.log(lo);
  let b = Math.log(hi);
  let mid = (a + b) / 2;
  let n = spreadAt(scores, Math.exp(mid));
  for (let k = 0; k < 100 && Math.abs(n / target - 1) > tolerance; k++) {
    if (n > target) a = mid;
    else b = mid;
    mid = (a + b) / 2;
    n = spreadAt(scores, Math.exp(mid));
  }
  return { betaEff: Math.exp(mid), nEff: n, reached: true };
}
