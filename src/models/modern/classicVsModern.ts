/**
 * Classic against modern Hopfield networks on the same binarised images and
 * the same cue (SCIENCE.md sections 1 and 2): correlated images such as
 * digits break the classic network after a handful, the modern one holds.
 *
 * - Patterns: +-1 images (e.g. MNIST digits binarised at half ink).
 * - Cue: a stored pattern with a fraction of its units flipped ('flip',
 *   distinct units), or with its bottom rows hidden ('mask-bottom'). A +-1
 *   network has no "unknown" value, so hidden units are set to -1 (off, the
 *   background) for BOTH networks: the same cue, in the only form the classic
 *   network can take.
 * - Classic: Hebbian (W = (1/N) X^T X, zero diagonal) and pseudo-inverse,
 *   asynchronous dynamics in random order until a sweep flips nothing
 *   (at most 30 sweeps).
 * - Modern: xi <- X^T softmax(beta' X xi) on the same +-1 patterns, until
 *   no unit moves by 1e-3 (at most 50 updates), in float64.
 * - Scoring (same for all): the final state counts as retrieved when the
 *   stored pattern nearest to it (Euclidean, which for +-1 states is Hamming)
 *   is the cue's own; `exact` when sgn(final) equals it unit for unit.
 */
import { createRng, sampleDistinct, type Rng } from '../../core/random';
import { flipFraction } from '../classic/corrupt';
import { recall } from '../classic/dynamics';
import { learn, type Network } from '../classic/hopfield';
import { effectiveBeta, nearestRow, referenceSettle, type LogitScale } from './modernHopfield';
import { row, type Bipolar, type PatternMatrix } from '../../core/pattern';

export type BinaryCue = 'flip' | 'mask-bottom';
export const BINARY_CUES: readonly BinaryCue[] = ['flip', 'mask-bottom'];
export type Method = 'hebbian' | 'pseudoinverse' | 'modern';
export const METHODS: readonly Method[] = ['hebbian', 'pseudoinverse', 'modern'];
export const METHOD_LABEL: Record<Method, string> = {
  hebbian: 'Classic, Hebbian',
  pseudoinverse: 'Classic, pseudo-inverse',
  modern: 'Modern',
};

const CLASSIC_MAX_SWEEPS = 30;

/** The cue from a +-1 pattern of width x height. A new array. */
export function binaryCue(
  p: Bipolar,
  width: number,
  kind: BinaryCue,
  amount: number,
  rng: Rng,
): Bipolar {
  if (kind === 'flip') return flipFraction(p.slice() as Bipolar, amount, rng);
  const height = p.length / width;
  const rows = Math.round(Math.min(1, Math.max(0, amount)) * height);
  const out = p.slice() as Bipolar;
  out.fill(-1, (height - rows) * width);
  return out;
}

export interface Networks {
  patterns: PatternMatrix;
  hebbian: Network;
  /** null when the patterns are linearly dependent (the rule cannot store them). */
  pseudoinverse: Network | null;
  /** The patterns as floats, for the modern network. */
  floats: Float32Array;
}

export function buildNetworks(patterns: PatternMatrix): Networks {
  let pseudoinverse: Network | null;
  try {
    pseudoinverse = learn('pseudoinverse', patterns);
  } catch {
    pseudoinverse = null;
  }
  return {
    patterns,
    hebbian: learn('hebbian', patterns),
    pseudoinverse,
    floats: Float32Array.from(patterns.data),
  };
}

export interface MethodResult {
  /** Final state: +-1 for the classic networks, continuous for the modern one. */
  state: ArrayLike<number>;
  nearest: number;
  correct: boolean;
  exact: boolean;
  /** classic: sweeps; modern: updates that moved the state */
  steps: number;
}

export interface ModernSettings {
  beta: number;
  scale: LogitScale;
}

/** Runs all three networks from the same cue towards pattern `target`. */
export function compareOnce(
  nets: Networks,
  target: number,
  cue: Bipolar,
  modern: ModernSettings,
  rng: Rng,
): Record<Method, MethodResult | null> {
  const { patterns } = nets;
  const { n, d } = patterns;
  const own = row(patterns, target);
  const score = (state: ArrayLike<number>, steps: number): MethodResult => {
    const nearest = nearestRow(nets.floats, n, d, state);
    let exact = true;
    for (let k = 0; k < d && exact; k++) exact = (state[k] > 0 ? 1 : -1) === own[k];
    return { state, nearest, correct: nearest === target, exact, steps };
  };
  const classic = (net: Network | null) => {
    if (!net) return null;
    const r = recall(net, cue, {
      dynamics: 'async',
      rng: createRng(rng.int(2 ** 31)),
      maxSteps: CLASSIC_MAX_SWEEPS,
    });
    return score(r.final, r.steps);
  };
  const b = effectiveBeta(modern.beta, d, modern.scale);
  const m = referenceSettle(nets.floats, n, d, cue, b);
  return {
    hebbian: classic(nets.hebbian),
    pseudoinverse: classic(nets.pseudoinverse),
    modern: score(m.state, m.steps),
  };
}

export interface SweepOptions extends ModernSettings {
  /** Numbers of stored patterns to try, ascending. */
  counts: readonly number[];
  trials: number;
  cue: BinaryCue;
  amount: number;
  width: number;
  seed: number;
}

export interface SweepPoint {
  stored: number;
  trials: number;
  /** Share of cues retrieved (nearest stored pattern is the cue's own), per method; null if it could not run. */
  accuracy: Record<Method, number | null>;
  /** Share of cues recalled exactly (sgn of the final state equals the stored pattern). */
  exact: Record<Method, number | null>;
}

export interface SweepProgress {
  done: number;
  total: number;
  /** Finished points so far. */
  points: SweepPoint[];
}

/**
 * The sweep as a generator, one trial per `next()`, so the browser can run
 * it in chunks between frames and the CLI can run it straight through.
 * For each count K: K patterns sampled from `pool` (seeded, without
 * replacement), then `trials` cues, each from a random stored pattern.
 */
export function* sweep(pool: PatternMatrix, opts: SweepOptions): Generator<SweepProgress> {
  const total = opts.counts.length * opts.trials;
  const points: SweepPoint[] = [];
  const rng = createRng(opts.seed);
  let done = 0;
  for (const k of opts.counts) {
    const picks = sampleDistinct(pool.n, Math.min(k, pool.n), rng);
    const data = new Int8Array(picks.length * pool.d);
    picks.forEach((p, r) => data.set(row(pool, p), r * pool.d));
    const nets = buildNetworks({ n: picks.length, d: pool.d, data: data as Bipolar });
    const hits: Record<Method, number> = { hebbian: 0, pseudoinverse: 0, modern: 0 };
    const exact: Record<Method, number> = { hebbian: 0, pseudoinverse: 0, modern: 0 };
    for (let t = 0; t < opts.trials; t++) {
      const target = rng.int(picks.length);
      const cue = binaryCue(row(nets.patterns, target), opts.width, opts.cue, opts.amount, rng);
      const r = compareOnce(nets, target, cue, opts, rng);
      for (const m of METHODS) {
        if (r[m]?.correct) hits[m]++;
        if (r[m]?.exact) exact[m]++;
      }
      done++;
      if (t < opts.trials - 1) yield { done, total, points };
    }
    const share = (c: Record<Method, number>) =>
      Object.fromEntries(
        METHODS.map((m) => [
          m,
          m === 'pseudoinverse' && !nets.pseudoinverse ? null : c[m] / opts.trials,
        ]),
      ) as Record<Method, number | null>;
    points.push({
      stored: picks.length,
      trials: opts.trials,
      accuracy: share(hits),
      exact: share(exact),
    });
    yield { done, total, points };
  }
}

/** Runs the whole sweep; returns its points. */
export function runSweep(pool: PatternMatrix, opts: SweepOptions): SweepPoint[] {
  let last: SweepPoint[] = [];
  for (const p of sweep(pool, opts)) last = p.points;
  return last;
}

/** `points` numbers of stored patterns from lo to hi, spaced evenly on a log scale, distinct. */
export function logCounts(lo: number, hi: number, points: number): number[] {
  const out = new Set<number>();
  for (let k = 0; k < points; k++) {
    const t = points === 1 ? 1 : k / (points - 1);
    out.add(Math.round(lo * Math.pow(hi / lo, t)));
  }
  return [...out].sort((a, b) => a - b);
}
