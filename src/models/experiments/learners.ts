/**
 * Learning rules that grow one pattern at a time, for sweeps over the number
 * of stored patterns: the network of the first N patterns is extended to the
 * first N' > N instead of being learned again from scratch.
 *
 * Both keep only the upper triangle (j > i) while learning, so every pass
 * runs along rows; weights() mirrors it into the lower triangle of the same
 * array when a full W is wanted. The diagonal stays zero, but for Storkey
 * with diagonal 'keep' (../classic/hopfield DIAGONALS).
 */
import type { Diagonal } from '../classic/hopfield';
import { upperTriangleField } from '../classic/linalg';
import type { PatternMatrix } from '../../core/pattern';

abstract class UpperTriangle {
  readonly w: Float32Array;
  protected mirrored = true;
  n = 0;
  constructor(readonly d: number) {
    this.w = new Float32Array(d * d);
  }

  /** Full symmetric W (D x D row-major, zero diagonal); the learner's own array, valid until the next add. */
  weights(): Float32Array {
    if (this.mirrored) return this.w;
    const { d, w } = this;
    const B = 64; // blocks keep the transposed writes within cache
    for (let i0 = 0; i0 < d; i0 += B) {
      for (let j0 = i0; j0 < d; j0 += B) {
        const i1 = Math.min(d, i0 + B);
        const j1 = Math.min(d, j0 + B);
        for (let i = i0; i < i1; i++) {
          for (let j = Math.max(j0, i + 1); j < j1; j++) w[j * d + i] = w[i * d + j];
        }
      }
    }
    this.mirrored = true;
    return w;
  }
}

/**
 * Storkey (1997), SCIENCE.md section 1: for each new pattern xi, with the
 * weights before it, w_ij += (1/D)(xi_i xi_j - xi_i h_ji - h_ij xi_j),
 * h_ij = sum_{k != i,j} w_ik xi_k. With a zero diagonal h_ij = h_i - w_ij xi_j,
 * which turns the update into
 *
 *   w_ij <- (1 + 2/D) w_ij + (xi_i / D)(xi_j - h_j) - (h_i / D) xi_j,  h = W xi,
 *
 * O(D^2) per pattern. The field of the next pattern is summed in the same
 * pass that writes the new weights, so each pattern reads W once. Sums in
 * float64, weights stored as float32: equal to ../hopfield storkeyWeights up
 * to float32 rounding.
 *
 * The fused field is summed from the upper triangle, so it never holds
 * w_ii: it is g = the field from the other units, which is what both the
 * off-diagonal update and, with diagonal 'keep', the diagonal update
 * w_ii += (1/D)(1 - 2 xi_i g_i) need. The diagonal lives in W's own
 * diagonal entries, which no other pass reads or writes.
 */
export class StorkeyLearner extends UpperTriangle {
  private h: Float64Array;
  private hn: Float64Array;
  private readonly e: Float64Array;
  private readonly zeros: Int8Array;

  constructor(
    d: number,
    readonly diagonal: Diagonal = 'zero',
  ) {
    super(d);
    this.zeros = new Int8Array(d);
    this.h = new Float64Array(d);
    this.hn = new Float64Array(d);
    this.e = new Float64Array(d);
  }

  /** Learns rows n..to-1 of x (the rows before n must be the ones already learned). */
  growTo(x: PatternMatrix, to: number): void {
    const { d, w, e } = this;
    if (x.d !== d) throw new RangeError(`patterns have ${x.d} units; the learner has ${d}`);
    if (to <= this.n) return;
    const data = x.data;
    this.field(data, this.n * d, this.h);
    const c = 1 + 2 / d;
    for (let p = this.n; p < to; p++) {
      const o = p * d;
      // The next pattern, or zeros after the last one (its field is not needed).
      const more = p + 1 < to;
      const xn = more ? data : this.zeros;
      const on = more ? o + d : 0;
      const h = this.h;
      const hn = this.hn;
      if (this.diagonal === 'keep') {
        for (let i = 0; i < d; i++) w[i * d + i] += (1 - 2 * data[o + i] * h[i]) / d;
      }
      hn.fill(0);
      for (let j = 0; j < d; j++) e[j] = data[o + j] - h[j];
      for (let i = 0; i < d; i++) {
        hn[i] = updateRow(w, i, d, c, data[o + i] / d, h[i] / d, e, data, o, xn, on, hn);
      }
      this.h = hn;
      this.hn = h;
    }
    this.n = to;
    this.mirrored = false;
  }

  /** h = W xi from the upper triangle (zeros when there is no pattern at o). */
  private field(data: Int8Array, o: number, h: Float64Array): void {
    if (o + this.d > data.length) h.fill(0);
    else upperTriangleField(this.w, this.d, data, o, h);
  }
}

/**
 * One row of the Storkey update over j > i (see StorkeyLearner): writes the
 * new w_ij and adds the next pattern's field, w_ij xn_j to hn_i (returned)
 * and w_ij xn_i to hn_j. A small function of its own, which V8 optimises
 * far better than the same loop inlined in growTo.
 */
function updateRow(
  w: Float32Array,
  i: number,
  d: number,
  c: number,
  a: number,
  b: number,
  e: Float64Array,
  x: Int8Array,
  o: number,
  xn: Int8Array,
  on: number,
  hn: Float64Array,
): number {
  const r = i * d;
  const xni = xn[on + i];
  let hni = hn[i];
  for (let j = i + 1; j < d; j++) {
    const f = Math.fround(c * w[r + j] + a * e[j] - b * x[o + j]); // the stored float32 weight
    w[r + j] = f;
    hni += f * xn[on + j];
    hn[j] += f * xni;
  }
  return hni;
}

/**
 * Covariance rule for sparse patterns (Tsodyks & Feigelman 1988), on 0/1
 * units v = (xi + 1)/2 with coding level a:
 *
 *   W_ij = 1/(D a (1 - a)) sum_mu (v_i - a)(v_j - a),  w_ii = 0,
 *   v_i <- 1 if sum_j W_ij v_j > theta, 0 if below (ties keep), theta = 1/2 - a.
 *
 * With that normalisation a stored pattern's field is about 1 - a on its
 * active units and -a on the others; theta sits half way. In bipolar terms
 * (s = 2v - 1) the same rule is s_i <- sgn(sum_j W_ij s_j - t_i) with
 * t_i = 1 - 2a - sum_j W_ij, which is what threshold() returns.
 */
export class CovarianceLearner extends UpperTriangle {
  constructor(
    d: number,
    readonly codingLevel: number,
  ) {
    super(d);
    if (!(codingLevel > 0 && codingLevel < 1)) {
      throw new RangeError(`coding level must be in (0, 1), got ${codingLevel}`);
    }
  }

  growTo(x: PatternMatrix, to: number): void {
    const { d, w, codingLevel: a } = this;
    const scale = 1 / (d * a * (1 - a));
    const dv = new Float64Array(d);
    for (let p = this.n; p < to; p++) {
      const o = p * d;
      for (let j = 0; j < d; j++) dv[j] = (x.data[o + j] > 0 ? 1 : 0) - a;
      for (let i = 0; i < d; i++) {
        const r = i * d;
        const di = dv[i] * scale;
        for (let j = i + 1; j < d; j++) w[r + j] += di * dv[j];
      }
    }
    if (to > this.n) this.mirrored = false;
    this.n = Math.max(this.n, to);
  }

  /** t_i = 1 - 2a - sum_j W_ij, the bipolar form of the threshold theta = 1/2 - a. */
  threshold(): Float64Array {
    const { d, codingLevel: a } = this;
    const w = this.weights();
    const t = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += w[i * d + j];
      t[i] = 1 - 2 * a - sum;
    }
    return t;
  }
}
