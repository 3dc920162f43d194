/**
 * The theory lines of the capacity experiments (SCIENCE.md section 1,
 * "Capacity"), all computed from D, and small helpers for parameter lists.
 *
 * - alpha_c ~ 0.138 (Amit, Gutfreund & Sompolinsky 1985): retrieval with a
 *   small fraction of wrong bits up to N = 0.138 D; above it, collapse.
 * - D / (2 ln D) (McEliece et al. 1987): exact recall of a pattern with high
 *   probability (Hebbian).
 * - D / sqrt(2 ln D) (Storkey 1997): the same for the Storkey rule.
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

/** The exact-recall capacity theory of a rule, in patterns: Hebbian D/(2 ln D), Storkey D/sqrt(2 ln D), pseudo-inverse D. */
export function theoreticalCapacity(rule: Rule, d: number): number {
  if (rule === 'storkey') return storkeyCapacity(d);
  if (rule === 'pseudoinverse') return d;
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
