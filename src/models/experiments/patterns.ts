/**
 * Pattern statistics for the experiments: how the N patterns of a trial are
 * made. Every maker returns N rows whose first n rows are the patterns of a
 * smaller network, so a sweep over N can grow one network.
 *
 * - random: each unit +-1 with probability 1/2 (the setting of the theory).
 * - sparse: exactly round(a D) units +1 (coding level a), the rest -1.
 * - orthogonal: distinct rows of the Walsh-Hadamard matrix H_D (D a power of
 *   two), row 0 (all +1) left out; any two are orthogonal, xi . xi' = 0.
 * - letters: the 26 letters and 10 digits of the 5x7 font on a square grid
 *   (D a square), in a random order: strongly correlated patterns.
 */
import { sampleDistinct, shuffle, type Rng } from '../../core/random';
import { GLYPH_NAMES, glyph, sparsePattern } from '../../data/presets';
import { randomPatterns } from '../classic/hopfield';
import type { Bipolar, PatternMatrix } from '../../core/pattern';

export type PatternKind = 'random' | 'sparse' | 'orthogonal' | 'letters';
export const PATTERN_KINDS: readonly PatternKind[] = ['random', 'sparse', 'orthogonal', 'letters'];

export const PATTERN_KIND_LABEL: Record<PatternKind, string> = {
  random: 'random',
  sparse: 'sparse (covariance rule)',
  orthogonal: 'orthogonal (Walsh-Hadamard)',
  letters: 'letters and digits',
};

/** The most patterns a kind can supply at D units (Infinity when unlimited). */
export function maxPatterns(kind: PatternKind, d: number): number {
  if (kind === 'orthogonal') return d - 1;
  if (kind === 'letters') return GLYPH_NAMES.length;
  return Infinity;
}

/** Why a kind cannot be used at D units, or null. */
export function kindProblem(kind: PatternKind, d: number): string | null {
  if (kind === 'orthogonal' && (d < 2 || (d & (d - 1)) !== 0)) {
    return `orthogonal (Walsh-Hadamard) patterns need D to be a power of two; D = ${d}`;
  }
  if (kind === 'letters' && (Math.sqrt(d) % 1 !== 0 || d < 16)) {
    return `letters need a square grid of at least 4x4 units; D = ${d}`;
  }
  return null;
}

/** Entry (r, c) of the Walsh-Hadamard matrix of size 2^k (Sylvester): (-1)^popcount(r & c). */
export function hadamardEntry(r: number, c: number): 1 | -1 {
  let v = r & c;
  let parity = 0;
  while (v) {
    parity ^= 1;
    v &= v - 1;
  }
  return parity ? -1 : 1;
}

/** N patterns of the given kind. Throws RangeError if the kind cannot supply them at D. */
export function makePatterns(
  kind: PatternKind,
  n: number,
  d: number,
  rng: Rng,
  codingLevel = 0.1,
): PatternMatrix {
  const problem = kindProblem(kind, d);
  if (problem) throw new RangeError(problem);
  if (n > maxPatterns(kind, d)) {
    throw new RangeError(
      `only ${maxPatterns(kind, d)} ${kind} patterns exist at D = ${d}, not ${n}`,
    );
  }
  if (kind === 'random') return randomPatterns(n, d, rng);
  const data = new Int8Array(n * d);
  if (kind === 'sparse') {
    for (let mu = 0; mu < n; mu++) data.set(sparsePattern(d, codingLevel, rng), mu * d);
  } else if (kind === 'orthogonal') {
    const rows = sampleDistinct(d - 1, n, rng);
    for (let mu = 0; mu < n; mu++) {
      const r = rows[mu] + 1;
      for (let i = 0; i < d; i++) data[mu * d + i] = hadamardEntry(r, i);
    }
  } else {
    const side = Math.round(Math.sqrt(d));
    const names = [...GLYPH_NAMES];
    shuffle(names, rng);
    for (let mu = 0; mu < n; mu++) data.set(glyph(names[mu], side, side), mu * d);
  }
  return { n, d, data: data as Bipolar };
}
