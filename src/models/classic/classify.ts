/**
 * What the final state of a recall is (SCIENCE.md section 1, "What the state
 * is"): the target, another stored pattern, an inverted pattern, a state near
 * the target, a mixture of three patterns, a spurious state, or a cycle.
 * Re-exported from ./dynamics.
 */
import { hamming, row, type PatternMatrix } from '../../core/pattern';

export type Outcome =
  'target' | 'near-target' | 'other-pattern' | 'inverted' | 'mixture' | 'spurious' | 'cycle';

export interface Verdict {
  outcome: Outcome;
  /** pattern index the state matches (target/other/inverted), if any */
  index?: number;
  /** indices in a mixture, strongest overlap first */
  components?: number[];
  /** signs e_k of the mixture components, same order as `components` */
  signs?: number[];
  hammingToTarget: number;
  overlapWithTarget: number;
}

/** Overlap with the target at or above which a state counts as 'near-target'. */
export const NEAR_TARGET_OVERLAP = 0.9;
/** A state within this fraction of D bits of a 3-mixture counts as that mixture. */
export const MIXTURE_TOLERANCE = 0.02;

/** Overlaps m_mu = (1/D) xi^mu . s, one per stored pattern, each in [-1, 1]. */
export function overlaps(x: PatternMatrix, s: Int8Array, out?: Float64Array): Float64Array {
  const { n, d, data } = x;
  if (s.length !== d) throw new RangeError(`state has ${s.length} units; patterns have ${d}`);
  const m = out ?? new Float64Array(n);
  for (let mu = 0; mu < n; mu++) {
    const o = mu * d;
    let dot = 0;
    for (let i = 0; i < d; i++) dot += data[o + i] * s[i];
    m[mu] = d === 0 ? 0 : dot / d;
  }
  return m;
}

/**
 * Classifies state s against the stored patterns X, where `target` is the
 * index of the pattern the cue came from. Checked in this order:
 *
 * 1. `cycled` (a synchronous 2-cycle) -> 'cycle';
 * 2. s = xi^target exactly -> 'target';
 * 3. s = xi^mu exactly for another mu -> 'other-pattern' (index mu);
 * 4. s = -xi^mu for any mu (the target included) -> 'inverted' (index mu);
 * 5. m_target >= NEAR_TARGET_OVERLAP (0.9, i.e. at most 5 % of bits wrong) and
 *    |m_target| is the largest |m_mu| -> 'near-target';
 * 6. with a, b, c the three patterns of largest |m| and e_k = sign(m_k)
 *    (+1 for m_k = 0): if s is within MIXTURE_TOLERANCE * D bits (2 %) of
 *    sgn(e_a xi^a + e_b xi^b + e_c xi^c) -> 'mixture' (components a, b, c);
 * 7. otherwise 'spurious'.
 */
export function classify(x: PatternMatrix, s: Int8Array, target: number, cycled: boolean): Verdict {
  const { n, d } = x;
  if (!Number.isInteger(target) || target < 0 || target >= n) {
    throw new RangeError(`target ${target} is not a stored pattern (0..${n - 1})`);
  }
  const m = overlaps(x, s);
  const base = { hammingToTarget: hamming(s, row(x, target)), overlapWithTarget: m[target] };
  if (cycled) return { outcome: 'cycle', ...base };
  // m_mu = +-1 exactly iff s = +-xi^mu: the dot product is an integer, and
  // dividing +-D by D is exact.
  if (m[target] === 1) return { outcome: 'target', index: target, ...base };
  for (let mu = 0; mu < n; mu++) {
    if (mu !== target && m[mu] === 1) return { outcome: 'other-pattern', index: mu, ...base };
  }
  for (let mu = 0; mu < n; mu++) {
    if (m[mu] === -1) return { outcome: 'inverted', index: mu, ...base };
  }
  let largest = 0;
  for (let mu = 0; mu < n; mu++) largest = Math.max(largest, Math.abs(m[mu]));
  if (m[target] >= NEAR_TARGET_OVERLAP && Math.abs(m[target]) >= largest) {
    return { outcome: 'near-target', index: target, ...base };
  }
  if (n >= 3) {
    const top = strongest(m, 3);
    const signs = top.map((mu) => (m[mu] < 0 ? -1 : 1));
    let off = 0;
    for (let i = 0; i < d; i++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += signs[k] * x.data[top[k] * d + i];
      // A sum of three +-1 terms is odd, never 0: sgn needs no tie rule.
      if ((sum > 0 ? 1 : -1) !== s[i]) off++;
    }
    if (off <= MIXTURE_TOLERANCE * d) {
      return { outcome: 'mixture', components: top, signs, ...base };
    }
  }
  return { outcome: 'spurious', ...base };
}

/** Indices of the k largest |m|, largest first (lower index first on ties). */
function strongest(m: Float64Array, k: number): number[] {
  const idx = Array.from(m, (_, mu) => mu);
  idx.sort((a, b) => Math.abs(m[b]) - Math.abs(m[a]) || a - b);
  return idx.slice(0, k);
}
