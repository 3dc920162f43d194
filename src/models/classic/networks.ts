/**
 * How each learning rule computes fields and energies fast. Built by
 * `learn` in ./hopfield; see there for the formulas of the rules themselves.
 *
 * Hebbian and pseudo-inverse factor through the N overlaps u = X s
 * (2ND work per full field, O(N) per unit, no D x D matrix). Storkey has no
 * such factorisation and keeps W.
 */
import type { FieldCache, Network, Rule } from './hopfield';
import { choleskyInverse, gram, overlapFieldCache, ProjectionCache, transpose } from './linalg';
import { ZeroDiagonalNetwork } from './zeroDiagonal';
import type { PatternMatrix } from '../../core/pattern';

function checkLength(net: Network, s: Int8Array): void {
  if (s.length !== net.d) throw new RangeError(`state has ${s.length} units; network has ${net.d}`);
}

/**
 * Hebbian, W = (X^T X - N I) / N. Field h = X^T (X s) / N - s; energy
 * E = -(1/(2N)) sum_mu (xi^mu . s)^2 + D/2. N h_i is an integer, computed
 * exactly, so the tie h_i = 0 is detected exactly. N = 0 means W = 0.
 */
export class HebbianNetwork implements Network {
  readonly rule = 'hebbian' as const;
  readonly symmetric = true;
  readonly d: number;
  readonly n: number;
  private w: Float32Array | null = null;
  private xt: Int8Array | null = null;
  private readonly proj: ProjectionCache;
  private readonly acc: Float64Array;

  constructor(readonly patterns: PatternMatrix) {
    this.d = patterns.d;
    this.n = patterns.n;
    this.proj = new ProjectionCache(patterns);
    this.acc = new Float64Array(this.d);
  }

  selfWeight(): number {
    return 0;
  }

  weights(): Float32Array {
    if (this.w) return this.w;
    const { d, n } = this;
    const xt = this.transposed();
    const w = new Float32Array(d * d);
    if (n > 0) {
      for (let i = 0; i < d; i++) {
        for (let j = i + 1; j < d; j++) {
          let dot = 0;
          for (let mu = 0; mu < n; mu++) dot += xt[i * n + mu] * xt[j * n + mu];
          w[i * d + j] = w[j * d + i] = dot / n;
        }
      }
    }
    return (this.w = w);
  }

  weight(i: number, j: number): number {
    if (i === j || this.n === 0) return 0;
    const { d, n } = this;
    const data = this.patterns.data;
    let dot = 0;
    for (let mu = 0; mu < n; mu++) dot += data[mu * d + i] * data[mu * d + j];
    return dot / n;
  }

  field(s: Int8Array, out: Float32Array): Float32Array {
    checkLength(this, s);
    const { d, n, acc } = this;
    if (n === 0) return out.fill(0);
    const data = this.patterns.data;
    const u = this.proj.of(s);
    acc.fill(0);
    for (let mu = 0; mu < n; mu++) {
      const um = u[mu];
      const o = mu * d;
      for (let i = 0; i < d; i++) acc[i] += um * data[o + i];
    }
    for (let i = 0; i < d; i++) out[i] = (acc[i] - n * s[i]) / n;
    return out;
  }

  energy(s: Int8Array): number {
    checkLength(this, s);
    if (this.n === 0) return 0;
    const u = this.proj.of(s);
    let sq = 0;
    for (let mu = 0; mu < this.n; mu++) sq += u[mu] * u[mu];
    return -sq / (2 * this.n) + this.d / 2;
  }

  fieldCache(s: Int8Array): FieldCache {
    checkLength(this, s);
    const { n } = this;
    const xt = this.transposed();
    // A flip changes u_mu by xi^mu_i (s_new - s_old) = 2 s_new xi^mu_i.
    return overlapFieldCache(this.patterns, xt, s, (i, u) => {
      if (n === 0) return 0;
      const o = i * n;
      let dot = 0;
      for (let mu = 0; mu < n; mu++) dot += xt[o + mu] * u[mu];
      return (dot - n * s[i]) / n;
    });
  }

  private transposed(): Int8Array {
    return (this.xt ??= transpose(this.patterns));
  }
}

/**
 * Pseudo-inverse, W = P - diag(P) with P = X^T C X, C = (X X^T)^-1.
 * Keeps Y^T = (C X)^T (D x N, float64) so that h_i = (Y^T u)_i - P_ii s_i
 * with u = X s; energy E = -1/2 (u^T C u - trace P), since s_i^2 = 1.
 * Fields smaller than FIELD_EPS in magnitude are float64 rounding noise
 * (e.g. P_ii = 1 when N = D) and count as exact ties.
 */
export class PseudoInverseNetwork extends ZeroDiagonalNetwork implements Network {
  static readonly FIELD_EPS = 1e-9;
  readonly rule = 'pseudoinverse' as const;
  readonly symmetric = true;
  readonly d: number;
  readonly n: number;
  private readonly c: Float64Array;
  private readonly xt: Int8Array;
  private readonly yt: Float64Array;
  private readonly pd: Float64Array;
  private readonly traceP: number;
  private readonly proj: ProjectionCache;

  constructor(readonly patterns: PatternMatrix) {
    super();
    const { n, d } = patterns;
    this.d = d;
    this.n = n;
    const c = n > d ? null : choleskyInverse(gram(patterns), n, 1e-8 * Math.max(1, d));
    if (!c) {
      throw new Error(
        `the ${n} patterns are linearly dependent (X X^T is singular${n > d ? `: N = ${n} > D = ${d}` : ''}); ` +
          'the pseudo-inverse rule needs linearly independent patterns',
      );
    }
    this.c = c;
    this.xt = transpose(patterns);
    this.yt = new Float64Array(d * n);
    this.pd = new Float64Array(d);
    // Row i of Y^T = sum_nu xi^nu_i C[nu, :] (C is symmetric). Rows are done
    // in blocks so that each row of C is read once per block, not once per unit.
    const { xt, yt } = this;
    for (let i0 = 0; i0 < d; i0 += 32) {
      const i1 = Math.min(d, i0 + 32);
      for (let nu = 0; nu < n; nu++) {
        const r = nu * n;
        for (let i = i0; i < i1; i++) {
          const o = i * n;
          const sign = xt[o + nu];
          for (let mu = 0; mu < n; mu++) yt[o + mu] += sign * c[r + mu];
        }
      }
    }
    let trace = 0;
    for (let i = 0; i < d; i++) {
      const o = i * n;
      let p = 0;
      for (let mu = 0; mu < n; mu++) p += yt[o + mu] * xt[o + mu];
      this.pd[i] = p;
      trace += p;
    }
    this.traceP = trace;
    this.proj = new ProjectionCache(patterns);
  }

  protected offDiagonal(i: number, j: number): number {
    const { n, yt, xt } = this;
    let dot = 0;
    for (let mu = 0; mu < n; mu++) dot += yt[i * n + mu] * xt[j * n + mu];
    return dot;
  }

  field(s: Int8Array, out: Float32Array): Float32Array {
    checkLength(this, s);
    const u = this.proj.of(s);
    for (let i = 0; i < this.d; i++) out[i] = this.fieldAt(i, s, u);
    return out;
  }

  energy(s: Int8Array): number {
    checkLength(this, s);
    const { n, c } = this;
    const u = this.proj.of(s);
    let q = 0;
    for (let mu = 0; mu < n; mu++) {
      let row = 0;
      for (let nu = 0; nu < n; nu++) row += c[mu * n + nu] * u[nu];
      q += u[mu] * row;
    }
    return -0.5 * (q - this.traceP);
  }

  fieldCache(s: Int8Array): FieldCache {
    checkLength(this, s);
    return overlapFieldCache(this.patterns, this.xt, s, (i, u) => this.fieldAt(i, s, u));
  }

  private fieldAt(i: number, s: Int8Array, u: Int32Array): number {
    const { n, yt } = this;
    const o = i * n;
    let h = -this.pd[i] * s[i];
    for (let mu = 0; mu < n; mu++) h += yt[o + mu] * u[mu];
    return Math.abs(h) < PseudoInverseNetwork.FIELD_EPS ? 0 : h;
  }
}

/**
 * Any rule given as an explicit W (storkey, krauth-mezard, unlearning):
 * h_i = sum_j w_ij s_j, the diagonal included when it is not zero. Field
 * W s costs D^2; the field cache keeps h = W s and adds 2 s_i W[:, i] when
 * unit i flips (O(D); read along row i when W is symmetric).
 */
export class DenseNetwork implements Network {
  readonly d: number;
  readonly n: number;

  constructor(
    readonly rule: Rule,
    readonly patterns: PatternMatrix,
    private readonly w: Float32Array,
    /** false for a W whose rows were learned apart (krauth-mezard). */
    readonly symmetric = true,
  ) {
    this.d = patterns.d;
    this.n = patterns.n;
    if (w.length !== this.d * this.d) throw new RangeError(`W has ${w.length} entries, not D^2`);
  }

  weights(): Float32Array {
    return this.w;
  }

  weight(i: number, j: number): number {
    return this.w[i * this.d + j];
  }

  selfWeight(i: number): number {
    return this.w[i * this.d + i];
  }

  field(s: Int8Array, out: Float32Array): Float32Array {
    checkLength(this, s);
    const { d, w } = this;
    for (let i = 0; i < d; i++) {
      const r = i * d;
      let h = 0;
      for (let j = 0; j < d; j++) h += w[r + j] * s[j];
      out[i] = h;
    }
    return out;
  }

  energy(s: Int8Array): number {
    checkLength(this, s);
    const { d, w } = this;
    let e = 0;
    for (let i = 0; i < d; i++) {
      const r = i * d;
      let h = 0;
      for (let j = 0; j < d; j++) h += w[r + j] * s[j];
      e += s[i] * h;
    }
    return -0.5 * e;
  }

  /**
   * Rows start..start+count-1 of h = W s into out (the same sums as the
   * field cache's): a caller can fill all D rows in chunks, a few per task,
   * and pass them to fieldCache.
   */
  fieldsOf(s: Int8Array, out: Float64Array, start: number, count: number): void {
    const { d, w } = this;
    for (let i = start; i < start + count; i++) {
      const r = i * d;
      let sum = 0;
      for (let j = 0; j < d; j++) sum += w[r + j] * s[j];
      out[i] = sum;
    }
  }

  /** `fields`: h = W s for s, already computed by fieldsOf (copied, not recomputed). */
  fieldCache(s: Int8Array, fields?: Float64Array): FieldCache {
    checkLength(this, s);
    const { d, w } = this;
    const h = new Float64Array(d);
    const reset = (): void => this.fieldsOf(s, h, 0, d);
    if (fields && fields.length === d) h.set(fields);
    else reset();
    const symmetric = this.symmetric;
    return {
      at: (i) => h[i],
      flipped: (i) => {
        // h_j changes by w_ji (s_new - s_old) = 2 s_new w_ji.
        const twice = 2 * s[i];
        if (symmetric) {
          const r = i * d;
          for (let j = 0; j < d; j++) h[j] += twice * w[r + j];
        } else {
          for (let j = 0; j < d; j++) h[j] += twice * w[j * d + i];
        }
      },
      reset,
    };
  }
}
