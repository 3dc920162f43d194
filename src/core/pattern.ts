/**
 * Patterns and the types that keep look-alike arrays apart.
 *
 * A Hopfield state or pattern is *bipolar*: every entry is -1 or +1. Binary
 * {0,1} images are mapped 0 -> -1, 1 -> +1 (SCIENCE.md section 1). The brand
 * stops a binary image or a float array from being passed where a bipolar
 * state is expected.
 */
export type Bipolar = Int8Array & { readonly __bipolar: true };

/** N patterns of D units, row-major: row mu is xi^mu = data[mu*D .. (mu+1)*D). */
export interface PatternMatrix {
  readonly n: number;
  readonly d: number;
  readonly data: Bipolar;
}

/** Checks that every entry is +-1 and brands the array. Throws otherwise. */
export function asBipolar(a: Int8Array): Bipolar {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== 1 && a[i] !== -1) {
      throw new RangeError(`entry ${i} is ${a[i]}; a bipolar pattern holds only -1 and +1`);
    }
  }
  return a as Bipolar;
}

/** A state of D units, all -1 ("off"). */
export function blank(d: number): Bipolar {
  return new Int8Array(d).fill(-1) as Bipolar;
}

/** Binary {0,1} (or any truthy/falsy) values to bipolar: 0 -> -1, else +1. */
export function fromBinary(bits: ArrayLike<number>): Bipolar {
  const out = new Int8Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = bits[i] ? 1 : -1;
  return out as Bipolar;
}

/** Stacks equal-length bipolar patterns into an N x D matrix. */
export function stack(patterns: readonly Bipolar[], d?: number): PatternMatrix {
  const dim = d ?? patterns[0]?.length ?? 0;
  const data = new Int8Array(patterns.length * dim);
  patterns.forEach((p, mu) => {
    if (p.length !== dim) throw new RangeError(`pattern ${mu} has ${p.length} units, not ${dim}`);
    data.set(p, mu * dim);
  });
  return { n: patterns.length, d: dim, data: data as Bipolar };
}

/** Row mu of a pattern matrix (a view, not a copy). */
export function row(x: PatternMatrix, mu: number): Bipolar {
  return x.data.subarray(mu * x.d, (mu + 1) * x.d) as Bipolar;
}

/** Number of units where a and b differ. */
export function hamming(a: Int8Array, b: Int8Array): number {
  let h = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) h++;
  return h;
}

/** Overlap m = (1/D) a . b, in [-1, 1]. */
export function overlap(a: Int8Array, b: Int8Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot / a.length;
}

export function equal(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
