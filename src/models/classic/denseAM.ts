/**
 * Dense associative memory (Krotov & Hopfield 2016; SCIENCE.md section 1b):
 * binary states, energy
 *
 *   E(s) = -D^(1-n) sum_mu F(xi^mu . s),   F(x) = x^n,
 *
 * and the unit update s_i <- sgn( sum_mu [F(xi^mu . s^(i+)) - F(xi^mu . s^(i-))] ),
 * s^(i+/-) being s with unit i set to +/-1. n = 2 is the classic Hebbian
 * network (the same signs); capacity grows like D^(n-1).
 *
 * Conventions: the scale D^(1-n) only keeps energies readable (a stored
 * pattern alone has E = -D); it changes no update. The "field" reported is
 *
 *   h_i = (1/2) D^(1-n) sum_mu xi_i^mu G(a_mu),  G(a) = (a+1)^n - (a-1)^n,
 *   a_mu = xi^mu . s - xi_i^mu s_i  (the overlap without unit i),
 *
 * so that flipping unit i changes the energy by 2 s_i h_i, as in the
 * pairwise network, and s_i <- sgn(h_i) is the update above (ties keep).
 * G is summed from its binomial expansion 2 sum_{k odd} C(n, k) a^(n-k), so
 * no two huge powers are subtracted. For odd n, F is odd and -xi is an
 * energy maximum, not an attractor.
 */
import type { FieldCache, Network } from './hopfield';
import type { PatternMatrix } from '../../core/pattern';
import { overlapFieldCache, ProjectionCache, symmetricWeights, transpose } from './linalg';

export const MIN_POWER = 2;
export const MAX_POWER = 10;

/** G(a) = (a+1)^n - (a-1)^n by Horner over its odd binomial terms. */
export function makeG(n: number): (a: number) => number {
  if (!Number.isInteger(n) || n < MIN_POWER || n > MAX_POWER) {
    throw new RangeError(
      `the power n must be a whole number in [${MIN_POWER}, ${MAX_POWER}], got ${n}`,
    );
  }
  // coefficients of a^(n-k) for odd k: 2 C(n, k)
  const coef: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    if (k % 2 === 1) coef.push(2 * c);
    else coef.push(0);
    c = (c * (n - k)) / (k + 1);
  }
  // G(a) = sum_k coef[k] a^(n-k), highest power first.
  return (a: number) => {
    let v = 0;
    for (let k = 0; k <= n; k++) v = v * a + coef[k];
    return v;
  };
}

export class DenseAMNetwork implements Network {
  readonly rule = 'dense-am' as const;
  readonly d: number;
  readonly n: number;
  readonly symmetric = true;
  private readonly g: (a: number) => number;
  private readonly xt: Int8Array;
  private readonly scale: number;
  private readonly proj: ProjectionCache;
  private w: Float32Array | null = null;

  constructor(
    readonly patterns: PatternMatrix,
    readonly power: number,
  ) {
    this.d = patterns.d;
    this.n = patterns.n;
    this.g = makeG(power);
    this.xt = transpose(patterns);
    this.scale = Math.pow(Math.max(1, this.d), 1 - power);
    this.proj = new ProjectionCache(patterns);
  }

  selfWeight(): number {
    return 0;
  }

  /**
   * Only n = 2 has pairwise weights: W = (2/D) X^T X with a zero diagonal
   * gives the same energy up to a constant. Higher orders couple n units at
   * once, so there is no matrix to show.
   */
  weights(): Float32Array {
    if (this.power !== 2) {
      throw new Error(
        `a dense associative memory of order n = ${this.power} has no pairwise weight matrix: its energy couples ${this.power} units at once`,
      );
    }
    return (this.w ??= symmetricWeights(this.d, (i, j) => this.weight(i, j)));
  }

  weight(i: number, j: number): number {
    if (this.power !== 2) return NaN;
    if (i === j) return 0;
    const { d, n } = this;
    const data = this.patterns.data;
    let dot = 0;
    for (let mu = 0; mu < n; mu++) dot += data[mu * d + i] * data[mu * d + j];
    return (2 * dot) / d;
  }

  field(s: Int8Array, out: Float32Array): Float32Array {
    const u = this.proj.of(s);
    for (let i = 0; i < this.d; i++) out[i] = this.fieldAt(i, s, u);
    return out;
  }

  energy(s: Int8Array): number {
    const u = this.proj.of(s);
    let e = 0;
    for (let mu = 0; mu < this.n; mu++) e += Math.pow(u[mu], this.power);
    return -this.scale * e;
  }

  fieldCache(s: Int8Array): FieldCache {
    return overlapFieldCache(this.patterns, this.xt, s, (i, u) => this.fieldAt(i, s, u));
  }

  private fieldAt(i: number, s: Int8Array, u: Int32Array): number {
    const { n, xt, g } = this;
    const o = i * n;
    const si = s[i];
    let h = 0;
    for (let mu = 0; mu < n; mu++) {
      const x = xt[o + mu];
      h += x * g(u[mu] - x * si);
    }
    return 0.5 * this.scale * h;
  }
}
