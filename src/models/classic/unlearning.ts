/**
 * Hopfield, Feinstein & Palmer (1983) unlearning ("dreaming"), SCIENCE.md
 * section 1b: start from the Hebbian J = (1/D) sum_mu xi^mu (xi^mu)^T with a
 * zero diagonal; then, for each dream, relax a random state by asynchronous
 * updates (a fresh random order per sweep, ties keep) to a fixed point s*
 * (or `maxSweeps`) and subtract
 *
 *   J_ij -= (epsilon / D) s*_i s*_j,   i != j.
 *
 * Deep (spurious and mixture) minima catch most random starts, so they lose
 * their basins first; the stored patterns' basins grow, up to a point: too
 * many dreams erase the memories too. W stays symmetric, the diagonal zero.
 *
 * How it is fast: W is never built. It is kept as R = N + K signed rows,
 * W = (1/D) (sum_r c_r v_r v_r^T - C I), c_r = 1 for a pattern and -epsilon
 * for a dream, C = sum_r c_r, so a field costs O(R D) and one flip O(R)
 * through the overlaps u_r = v_r . s, as for Hebbian (./networks). A dream
 * is then O(R D) per sweep instead of O(D^2).
 */
import { createRng, shuffle } from '../../core/random';
import type { PatternMatrix } from '../../core/pattern';
import type { FieldCache, Network } from './hopfield';
import { ZeroDiagonalNetwork } from './zeroDiagonal';

export interface UnlearningOptions {
  /** Number of dreams (random starts relaxed and subtracted). */
  dreams: number;
  /** Strength epsilon of each dream, in units of 1/D (a Hebbian pattern adds 1/D). */
  epsilon: number;
  /** Seed of the dreams' random starts and update orders. */
  seed: number;
  /** Sweeps a dream may take to settle (default 30). */
  maxSweeps?: number;
  /** Called after each dream (dreams done, dreams), for a progress bar. */
  progress?: (done: number, total: number) => void;
}

/**
 * What unlearning learned, as the rows W is kept in (see the class): enough
 * to rebuild the same network elsewhere (a Web Worker dreams, the page
 * recalls) without dreaming again.
 */
export interface UnlearnedRows {
  /** v^T, D x cap. */
  vt: Int8Array;
  /** c_r for the rows in use (cap entries). */
  c: Float64Array;
  rows: number;
}

/** The lab's and the sweeps' default unlearning, found by measurement (docs/rules.md). */
export const UNLEARNING_DEFAULTS = { dreamsPerPattern: 10, epsilon: 0.01 };

export class UnlearningNetwork extends ZeroDiagonalNetwork implements Network {
  readonly rule = 'unlearning' as const;
  readonly symmetric = true;
  readonly d: number;
  readonly n: number;
  /** Rows in use (patterns, then dreams) and their capacity. */
  private rows = 0;
  private readonly cap: number;
  /** v^T: D x cap, unit i's entries over the rows contiguous. */
  private readonly vt: Int8Array;
  private readonly c: Float64Array;
  private sumC = 0;

  /** `learned`: the rows an earlier network with the same patterns and options returned (no dreaming). */
  constructor(
    readonly patterns: PatternMatrix,
    readonly opts: UnlearningOptions,
    learned?: UnlearnedRows,
  ) {
    super();
    const { n, d, data } = patterns;
    const { dreams, epsilon, seed, maxSweeps = 30, progress } = opts;
    if (!Number.isInteger(dreams) || dreams < 0) {
      throw new RangeError(`the number of dreams must be a whole number >= 0, got ${dreams}`);
    }
    this.d = d;
    this.n = n;
    this.cap = n + (n > 0 ? dreams : 0);
    if (learned) {
      if (learned.vt.length !== d * this.cap || learned.c.length !== this.cap) {
        throw new RangeError('the learned rows do not fit these patterns and dreams');
      }
      this.vt = learned.vt;
      this.c = learned.c;
      for (let r = 0; r < learned.rows; r++) this.sumC += this.c[r];
      this.rows = learned.rows;
      return;
    }
    this.vt = new Int8Array(d * this.cap);
    this.c = new Float64Array(this.cap);
    for (let mu = 0; mu < n; mu++) {
      for (let i = 0; i < d; i++) this.vt[i * this.cap + mu] = data[mu * d + i];
      this.add(1);
    }
    if (n === 0 || d === 0) return;
    const rng = createRng(seed);
    const s = new Int8Array(d);
    const order = new Int32Array(d);
    for (let i = 0; i < d; i++) order[i] = i;
    for (let k = 0; k < dreams; k++) {
      for (let i = 0; i < d; i++) s[i] = rng.next() < 0.5 ? -1 : 1;
      const cache = this.fieldCache(s);
      for (let sweep = 0; sweep < maxSweeps; sweep++) {
        shuffle(order, rng);
        let flips = 0;
        for (let q = 0; q < d; q++) {
          const i = order[q];
          const h = cache.at(i);
          const next = h > 0 ? 1 : h < 0 ? -1 : s[i];
          if (next === s[i]) continue;
          s[i] = next;
          cache.flipped(i);
          flips++;
        }
        if (flips === 0) break;
      }
      const r = this.rows;
      for (let i = 0; i < d; i++) this.vt[i * this.cap + r] = s[i];
      this.add(-epsilon);
      progress?.(k + 1, dreams);
    }
  }

  /** The rows learned (shared, not copied): pass them to the constructor to rebuild this network. */
  learnedRows(): UnlearnedRows {
    return { vt: this.vt, c: this.c, rows: this.rows };
  }

  private add(c: number): void {
    this.c[this.rows++] = c;
    this.sumC += c;
  }

  /** Dreams subtracted (rows beyond the patterns). */
  get dreams(): number {
    return this.rows - this.n;
  }

  // The full W (D x D, O(R D^2)) is built once, for the weights panel and engines that need it.
  protected offDiagonal(i: number, j: number): number {
    const { cap, vt, c, rows } = this;
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += c[r] * vt[i * cap + r] * vt[j * cap + r];
    return sum / this.d;
  }

  field(s: Int8Array, out: Float32Array): Float32Array {
    const u = this.overlaps(s);
    for (let i = 0; i < this.d; i++) out[i] = this.fieldAt(i, s, u);
    return out;
  }

  /** E = -1/2 s^T W s = -(1/(2D)) (sum_r c_r u_r^2 - C D). */
  energy(s: Int8Array): number {
    const u = this.overlaps(s);
    let q = 0;
    for (let r = 0; r < this.rows; r++) q += this.c[r] * u[r] * u[r];
    return (-0.5 * (q - this.sumC * this.d)) / this.d;
  }

  fieldCache(s: Int8Array): FieldCache {
    const u = this.overlaps(s);
    const { cap, vt } = this;
    return {
      at: (i) => this.fieldAt(i, s, u),
      flipped: (i) => {
        const twice = 2 * s[i];
        const o = i * cap;
        for (let r = 0; r < this.rows; r++) u[r] += twice * vt[o + r];
      },
      reset: () => void u.set(this.overlaps(s)),
    };
  }

  /** u_r = v_r . s for the rows in use (a fresh array of cap entries). */
  private overlaps(s: Int8Array): Int32Array {
    const { d, cap, vt, rows } = this;
    const u = new Int32Array(cap);
    for (let i = 0; i < d; i++) {
      const si = s[i];
      const o = i * cap;
      for (let r = 0; r < rows; r++) u[r] += si * vt[o + r];
    }
    return u;
  }

  /** h_i = (1/D) (sum_r c_r v_ri u_r - C s_i). */
  private fieldAt(i: number, s: Int8Array, u: Int32Array): number {
    const { cap, vt, c, rows } = this;
    const o = i * cap;
    let h = -this.sumC * s[i];
    for (let r = 0; r < rows; r++) h += c[r] * vt[o + r] * u[r];
    return h / this.d;
  }
}

/** The unlearned W (D x D, float32, zero diagonal): for tests and read-outs. */
export function unlearningWeights(x: PatternMatrix, opts: UnlearningOptions): Float32Array {
  return new UnlearningNetwork(x, opts).weights();
}
