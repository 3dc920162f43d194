/**
 * The theory lines of the capacity experiments (SCIENCE.md section 1,
 * "Capacity"), all computed from D, and small helpers for parameter lists.
 *
 * - alpha_c ~ 0.138 (Amit, Gutfreund & Sompolinsky 1985): retrieval with a
 *   small fraction of wrong bits up to N = 0.138 D; above it, collapse.
 * - D / (2 ln D) (McEliece et al. 1987): exact recall of a pattern with high
 *   probability (Hebbian).
 * - D / sqrt(2 ln D) (Storkey 1997): the same for the Storkey rule.
 * - alpha_c(c) (Gardner 1988): the most random patterns any W can hold with
 *   every stability at least c; 2 at c = 0. Krauth-Mezard reaches it.
 * - D^(n-1) / (2 (2n-3)!! ln D) (Krotov & Hopfield 2016): dense associative
 *   memory with F(x) = x^n, exact recall; n = 2 is McEliece's D / (2 ln D).
 * Logarithms are natural.
 */
import type { Rule } from '../classic/hopfield';

export const ALPHA_C = 0.138;

/** McEliece et al.: D / (2 ln D) patterns recalled exactly (Hebbian). 0 for D < 2. */
export function mcElieceCapacity(d: number): number {
  return d < 2 ? 0 : d / (2 * Math.log(d));
}

/** Storkey: D / sqrt(2 ln D) patterns. 0 for D < 2. */
export function storkeyCapacity(d: number): number {
  return d < 2 ? 0 : d / Math.sqrt(2 * Math.log(d));
}

/** (2k-1)!! = 1 * 3 * ... * (2k-1); 1 for k <= 0. */
function oddFactorial(k: number): number {
  let f = 1;
  for (let j = 1; j <= k; j++) f *= 2 * j - 1;
  return f;
}

/** Krotov & Hopfield: D^(n-1) / (2 (2n-3)!! ln D) patterns for F(x) = x^n. 0 for D < 2. */
export function denseCapacity(power: number, d: number): number {
  return d < 2 ? 0 : Math.pow(d, power - 1) / (2 * oddFactorial(power - 1) * Math.log(d));
}

/**
 * Gardner's bound alpha_c(c) = 1 / int_{-c}^inf Dt (t + c)^2 (Dt the unit
 * Gaussian measure), in patterns per unit: 2 at c = 0, about 0.52 at c = 1.
 * The integral is E[(t+c)^2; t > -c] = (1 + c^2)(1 - Phi(-c)) + c phi(c).
 */
export function gardnerLoad(margin: number): number {
  const c = margin;
  const phi = Math.exp((-c * c) / 2) / Math.sqrt(2 * Math.PI);
  const tail = 1 - normalCdf(-c);
  return 1 / ((1 + c * c) * tail + c * phi);
}

/** Phi(x), the unit normal CDF (Abramowitz & Stegun 7.1.26 erf, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * The exact-recall capacity theory of a rule, in patterns: Hebbian (and
 * unlearning, which starts from it) D/(2 ln D), Storkey D/sqrt(2 ln D),
 * pseudo-inverse D, Krauth-Mezard the Gardner bound 2D (c = 0), dense-am
 * Krotov & Hopfield's at n = 3 (the default power).
 */
export function theoreticalCapacity(rule: Rule, d: number): number {
  if (rule === 'storkey') return storkeyCapacity(d);
  if (rule === 'pseudoinverse') return d;
  if (rule === 'krauth-mezard') return 2 * d;
  if (rule === 'dense-am') return denseCapacity(3, d);
  return mcElieceCapacity(d);
}

/** n numbers from a to b (inclusive), evenly spaced; n = 1 gives [a]. */
export function linspace(a: number, b: number, n: number): number[] {
  if (n <= 1) return [a];
  return Array.from({ length: n }, (_, k) => a + ((b - a) * k) / (n - 1));
}

/** n numbers from a to b (inclusive, both > 0), evenly spaced on a log scale. */
export function logspace(a: number, b: number, n: number): number[] {
  return linspace(Math.log(a), Math.log(b), n).map(Math.exp);
}

/** Rounds to `digits` decimals (for tidy rows; NaN stays NaN). */
export function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
