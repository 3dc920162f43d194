/**
 * The typed-array batch engine: exact integer arithmetic for Hebbian, float64
 * sums over float32 weights for an explicit W. Gives the same final states as
 * Stepper (../dynamics) recalling one cue at a time; tests check it.
 *
 * Hebbian step, N H = (S X^T) X - N S, in two exact integer products:
 *
 * 1. u = X s by bits: each pattern and cue packed 32 units to a word (bit 1
 *    = +1), xi . s = D - 2 popcount(xi XOR s). D/32 word operations per
 *    pattern instead of D multiply-adds.
 * 2. X^T u by the "method of four Russians": the N patterns are taken in
 *    groups of 8; for each group a table holds the 256 sums of u over the
 *    subsets of its patterns, built with 256 additions. Unit i's byte in a
 *    group (bit k = pattern 8g + k is +1 at i) picks the sum of u over the
 *    patterns that are +1 there, so sum_mu xi^mu_i u_mu
 *    = 2 sum_g T_g[byte_{g,i}] - sum_mu u_mu: N/8 look-ups per unit instead
 *    of N multiply-adds.
 *
 * Everything is an integer, so ties (N h_i = 0) are found exactly and keep
 * the state, as in HebbianNetwork.field.
 */
import type { Network } from '../classic/hopfield';
import type { PatternMatrix } from '../../core/pattern';
import type { BatchEngine, BatchMemory } from './batch';

/** Number of set bits in a 32-bit integer. */
export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** Packs a bipolar row (from `offset`, d units) into words: bit i%32 of word i>>5 is 1 where the unit is +1. */
export function packBits(
  s: Int8Array,
  offset: number,
  d: number,
  out: Uint32Array,
  outOffset = 0,
): void {
  const words = (d + 31) >>> 5;
  for (let w = 0; w < words; w++) {
    let word = 0;
    const base = offset + w * 32;
    const end = Math.min(32, d - w * 32);
    for (let k = 0; k < end; k++) if (s[base + k] > 0) word |= 1 << k;
    out[outOffset + w] = word >>> 0;
  }
}

/** Hebbian memory by bit-packed overlaps and four-Russians field sums (exact). */
export class HebbianBitsMemory implements BatchMemory {
  readonly d: number;
  readonly n: number;
  private readonly words: number;
  private readonly groups: number;
  private readonly xb: Uint32Array;
  private readonly bytes: Uint8Array;
  private readonly sb: Uint32Array;
  private readonly u: Int32Array;
  private readonly table: Int32Array;

  constructor(x: PatternMatrix) {
    const { n, d, data } = x;
    this.d = d;
    this.n = n;
    this.words = (d + 31) >>> 5;
    this.groups = (n + 7) >>> 3;
    this.xb = new Uint32Array(n * this.words);
    for (let mu = 0; mu < n; mu++) packBits(data, mu * d, d, this.xb, mu * this.words);
    // bytes[i * G + g]: bit k set where pattern 8g + k is +1 at unit i.
    const g = this.groups;
    this.bytes = new Uint8Array(d * g);
    for (let mu = 0; mu < n; mu++) {
      const bit = 1 << (mu & 7);
      const col = mu >>> 3;
      const o = mu * d;
      for (let i = 0; i < d; i++) if (data[o + i] > 0) this.bytes[i * g + col] |= bit;
    }
    this.sb = new Uint32Array(this.words);
    this.u = new Int32Array(g * 8);
    this.table = new Int32Array(g * 256);
  }

  step(s: Int8Array, b: number, out: Int8Array): void {
    const { d, n, words, groups, xb, bytes, sb, u, table } = this;
    for (let c = 0; c < b; c++) {
      const so = c * d;
      if (n === 0) {
        out.set(s.subarray(so, so + d), so);
        continue;
      }
      packBits(s, so, d, sb);
      const sumU = overlapsByBits(xb, sb, n, words, d, u);
      subsetSums(u, n, groups, table);
      hebbianSigns(table, bytes, groups, d, n, sumU, s, so, out);
    }
  }

  dispose(): void {}
}

// The three phases of a Hebbian step, each a small function V8 optimises well.

/** u_mu = D - 2 popcount(xi^mu XOR s) for every pattern; returns sum_mu u_mu. */
function overlapsByBits(
  xb: Uint32Array,
  sb: Uint32Array,
  n: number,
  words: number,
  d: number,
  u: Int32Array,
): number {
  let sum = 0;
  for (let mu = 0; mu < n; mu++) {
    let ones = 0;
    const r = mu * words;
    for (let w = 0; w < words; w++) ones += popcount32(xb[r + w] ^ sb[w]);
    const dot = d - 2 * ones;
    u[mu] = dot;
    sum += dot;
  }
  return sum;
}

/** T_g[b] = sum of u over the patterns 8g + k whose bit k is set in b, for every group g. */
function subsetSums(u: Int32Array, n: number, groups: number, table: Int32Array): void {
  for (let g = 0; g < groups; g++) {
    const base = g << 8;
    table[base] = 0;
    for (let k = 0; k < 8; k++) {
      const mu = (g << 3) + k;
      const v = mu < n ? u[mu] : 0;
      const bit = 1 << k;
      for (let low = 0; low < bit; low++) table[base + bit + low] = table[base + low] + v;
    }
  }
}

/** N h_i = 2 sum_g T_g[byte_{g,i}] - sum u - N s_i, and the new state (ties keep s_i). */
function hebbianSigns(
  table: Int32Array,
  bytes: Uint8Array,
  groups: number,
  d: number,
  n: number,
  sumU: number,
  s: Int8Array,
  so: number,
  out: Int8Array,
): void {
  for (let i = 0; i < d; i++) {
    const o = i * groups;
    let acc = 0;
    for (let g = 0; g < groups; g++) acc += table[(g << 8) | bytes[o + g]];
    const si = s[so + i];
    const nh = 2 * acc - sumU - n * si; // N h_i, an exact integer
    out[so + i] = nh > 0 ? 1 : nh < 0 ? -1 : si;
  }
}

/**
 * An explicit W (row-major D x D) with an optional threshold per unit:
 * h_i = sum_j w_ij s_j - theta_i, summed in float64 over j in order, as
 * DenseNetwork.field does. Four cues share each pass over a row of W (four
 * independent sums, each still in j order, so results are unchanged).
 */
export class DenseMemory implements BatchMemory {
  constructor(
    private readonly w: Float32Array,
    readonly d: number,
    private readonly threshold?: Float64Array,
  ) {
    if (w.length !== d * d) throw new RangeError(`W has ${w.length} entries, not ${d}^2`);
  }

  step(s: Int8Array, b: number, out: Int8Array): void {
    const { w, d, threshold } = this;
    let c = 0;
    for (; c + 4 <= b; c += 4) denseFour(w, d, threshold, s, c * d, out);
    for (; c + 2 <= b; c += 2) denseTwo(w, d, threshold, s, c * d, out);
    if (c < b) denseOne(w, d, threshold, s, c * d, out);
  }

  dispose(): void {}
}

// Four, two or one cues per pass over W: independent sums, each in j order.
function denseFour(
  w: Float32Array,
  d: number,
  t: Float64Array | undefined,
  s: Int8Array,
  o0: number,
  out: Int8Array,
) {
  const o1 = o0 + d;
  const o2 = o1 + d;
  const o3 = o2 + d;
  for (let i = 0; i < d; i++) {
    const r = i * d;
    let h0 = 0;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    for (let j = 0; j < d; j++) {
      const wij = w[r + j];
      h0 += wij * s[o0 + j];
      h1 += wij * s[o1 + j];
      h2 += wij * s[o2 + j];
      h3 += wij * s[o3 + j];
    }
    const ti = t ? t[i] : 0;
    out[o0 + i] = sign(h0 - ti, s[o0 + i]);
    out[o1 + i] = sign(h1 - ti, s[o1 + i]);
    out[o2 + i] = sign(h2 - ti, s[o2 + i]);
    out[o3 + i] = sign(h3 - ti, s[o3 + i]);
  }
}

function denseTwo(
  w: Float32Array,
  d: number,
  t: Float64Array | undefined,
  s: Int8Array,
  o0: number,
  out: Int8Array,
) {
  const o1 = o0 + d;
  for (let i = 0; i < d; i++) {
    const r = i * d;
    let h0 = 0;
    let h1 = 0;
    for (let j = 0; j < d; j++) {
      const wij = w[r + j];
      h0 += wij * s[o0 + j];
      h1 += wij * s[o1 + j];
    }
    const ti = t ? t[i] : 0;
    out[o0 + i] = sign(h0 - ti, s[o0 + i]);
    out[o1 + i] = sign(h1 - ti, s[o1 + i]);
  }
}

function denseOne(
  w: Float32Array,
  d: number,
  t: Float64Array | undefined,
  s: Int8Array,
  o: number,
  out: Int8Array,
) {
  for (let i = 0; i < d; i++) {
    const r = i * d;
    let h = 0;
    for (let j = 0; j < d; j++) h += w[r + j] * s[o + j];
    out[o + i] = sign(h - (t ? t[i] : 0), s[o + i]);
  }
}

/** Any Network through its own field (pseudo-inverse: factorised, float64, its tie tolerance). */
export class NetworkMemory implements BatchMemory {
  readonly d: number;
  private readonly h: Float32Array;

  constructor(private readonly net: Network) {
    this.d = net.d;
    this.h = new Float32Array(net.d);
  }

  step(s: Int8Array, b: number, out: Int8Array): void {
    const { d, h } = this;
    for (let c = 0; c < b; c++) {
      const o = c * d;
      const cue = s.subarray(o, o + d);
      this.net.field(cue, h);
      for (let i = 0; i < d; i++) out[o + i] = sign(h[i], cue[i]);
    }
  }

  dispose(): void {}
}

function sign(h: number, keep: number): number {
  return h > 0 ? 1 : h < 0 ? -1 : keep;
}

/** The default engine: typed arrays, exact, on the thread that calls it. */
export const typedEngine: BatchEngine = {
  name: 'typed-array',
  hebbian: (x) => new HebbianBitsMemory(x),
  dense: (w, d, threshold) => new DenseMemory(w, d, threshold),
  network: (net) =>
    net.rule === 'hebbian' ? new HebbianBitsMemory(net.patterns) : new NetworkMemory(net),
};
