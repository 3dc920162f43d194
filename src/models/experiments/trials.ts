/**
 * The trial loop shared by the capacity-style experiments: for each number of
 * stored patterns N in a list, T trials of "store N patterns, corrupt C
 * stored patterns, recall all C cues at once, score them".
 *
 * How it saves work, and why the numbers stay honest:
 * - A trial is one network (one pattern set) tested with C cues in one
 *   batch; the rates are over T x C recalls. Cues are C distinct stored
 *   patterns (drawn with replacement when C > N), each with round(f D)
 *   distinct units flipped.
 * - Points share networks: a trial's patterns for N are the first N of its
 *   own sequence, and the network grows from one point to the next (Storkey
 *   and the covariance rule learn incrementally) instead of being learned
 *   anew. Each point is still an unbiased estimate; neighbouring points are
 *   correlated, which makes curves smoother, not shifted.
 * - Trials run in groups that fit a memory budget; with one group (the usual
 *   case) rows come out point by point, as soon as each is complete.
 * Every trial draws from its own seeded generator (./seeds), so results do
 * not depend on grouping, batching or engine.
 */
import { flipFraction } from '../classic/corrupt';
import { learn, type Diagonal, type Network, type Rule } from '../classic/hopfield';
import { krauthMezardWeights, KM_DEFAULT_MARGIN } from '../classic/rules';
import { UNLEARNING_DEFAULTS } from '../classic/unlearning';
import { row as patternRow, type PatternMatrix } from '../../core/pattern';
import { sampleDistinct, type Rng } from '../../core/random';
import {
  batchRecall,
  type BatchEngine,
  type BatchMemory,
  type BatchRecallResult,
  type GrowingMemory,
} from './batch';
import { CovarianceLearner, StorkeyLearner } from './learners';
import { makePatterns, type PatternKind } from './patterns';
import { deriveSeed, trialRng } from './seeds';
import type { ExperimentEvent } from './types';

export type LearnKind = Rule | 'covariance';

/** Salts that keep the generators of patterns, cues and dreams apart. */
const PATTERNS = 1;
const CUES = 2;
const DREAMS = 3;

/** The settings of the rules that take some (defaults as ../classic/hopfield learn). */
export interface RuleSettings {
  /** storkey */
  diagonal?: Diagonal;
  /** krauth-mezard */
  margin?: number;
  /** unlearning: dreams per stored pattern, and their strength */
  dreamsPerPattern?: number;
  epsilon?: number;
  /** dense-am */
  power?: number;
}

export interface PointStats {
  /** number of recalls */
  count: number;
  exact: number;
  inverted: number;
  sumHamming: number;
  sumOverlap: number;
  sumSteps: number;
  converged: number;
  cycled: number;
}

export function emptyStats(): PointStats {
  return {
    count: 0,
    exact: 0,
    inverted: 0,
    sumHamming: 0,
    sumOverlap: 0,
    sumSteps: 0,
    converged: 0,
    cycled: 0,
  };
}

/** Adds one recall: final state vs target (both D units from their offsets). */
export function score(
  st: PointStats,
  final: Int8Array,
  fo: number,
  target: Int8Array,
  to: number,
  d: number,
  steps: number,
  converged: boolean,
  cycled: boolean,
): void {
  let h = 0;
  for (let i = 0; i < d; i++) if (final[fo + i] !== target[to + i]) h++;
  st.count++;
  if (h === 0) st.exact++;
  if (h === d) st.inverted++;
  st.sumHamming += h;
  st.sumOverlap += 1 - (2 * h) / d; // m = (1/D) xi . s
  st.sumSteps += steps;
  if (converged) st.converged++;
  if (cycled) st.cycled++;
}

/** Adds the C recalls of a batch (finals and targets C x D, cue c at c D). */
export function scoreBatch(
  st: PointStats,
  r: BatchRecallResult,
  target: Int8Array,
  cues: number,
  d: number,
): void {
  for (let c = 0; c < cues; c++) {
    score(st, r.finals, c * d, target, c * d, d, r.steps[c], !!r.converged[c], !!r.cycled[c]);
  }
}

/**
 * C cues for the first n patterns of x (C x D each): C distinct stored
 * patterns (drawn with replacement when C > n), each with round(flip D)
 * distinct units flipped, and the patterns they came from as targets.
 */
export function makeCues(
  x: PatternMatrix,
  n: number,
  cues: number,
  flip: number,
  rng: Rng,
): { cue: Int8Array; target: Int8Array } {
  const d = x.d;
  const picks =
    cues <= n
      ? Array.from(sampleDistinct(n, cues, rng))
      : Array.from({ length: cues }, () => rng.int(n));
  const cue = new Int8Array(cues * d);
  const target = new Int8Array(cues * d);
  picks.forEach((mu, c) => {
    const xi = patternRow(x, mu);
    target.set(xi, c * d);
    cue.set(flipFraction(xi, flip, rng), c * d);
  });
  return { cue, target };
}

/** The measured columns every row shares. */
export function summarise(st: PointStats, d: number) {
  const k = Math.max(1, st.count);
  return {
    recalls: st.count,
    successRate: st.exact / k,
    meanFinalHamming: st.sumHamming / k,
    meanErrorFraction: st.sumHamming / k / d,
    meanOverlap: st.sumOverlap / k,
    invertedRate: st.inverted / k,
    meanSteps: st.sumSteps / k,
    convergedRate: st.converged / k,
    cycleRate: st.cycled / k,
  };
}

/** A network that grows with the number of stored patterns. */
export interface Grower {
  /** A batch memory for the first n patterns (n never below the last n asked for); dispose it before the next call. */
  memory(n: number, engine: BatchEngine): BatchMemory;
  /** Frees what the network holds outside the JS heap (engine-owned W). */
  dispose(): void;
}

/**
 * How each kind grows: Hebbian is never built; Storkey and the covariance
 * rule learn incrementally; pseudo-inverse, Krauth-Mezard, unlearning and
 * dense-am are learned again for every N (none of them is incremental).
 * `seed` seeds unlearning's dreams.
 */
export function makeGrower(
  kind: LearnKind,
  x: PatternMatrix,
  codingLevel = 0.1,
  settings: RuleSettings = {},
  seed = 1,
): Grower {
  const d = x.d;
  const prefix = (n: number): PatternMatrix => ({
    n,
    d,
    data: x.data.subarray(0, n * d) as typeof x.data,
  });
  switch (kind) {
    case 'hebbian':
      return { memory: (n, engine) => engine.hebbian(prefix(n)), dispose: () => {} };
    case 'pseudoinverse': {
      let net: Network | null = null;
      return {
        memory: (n, engine) => {
          if (!net || net.n !== n) net = learn('pseudoinverse', prefix(n));
          return engine.network(net);
        },
        dispose: () => {},
      };
    }
    case 'storkey': {
      let learner: StorkeyLearner | null = null;
      let own: GrowingMemory | null = null;
      const diagonal = settings.diagonal ?? 'zero';
      return {
        memory: (n, engine) => {
          if (engine.storkey) {
            own ??= engine.storkey(x, diagonal);
            return own.memory(n);
          }
          learner ??= new StorkeyLearner(d, diagonal);
          learner.growTo(x, n);
          return engine.dense(learner.weights(), d);
        },
        dispose: () => own?.dispose(),
      };
    }
    case 'krauth-mezard':
      return {
        memory: (n, engine) =>
          engine.dense(krauthMezardWeights(prefix(n), settings.margin ?? KM_DEFAULT_MARGIN).w, d),
        dispose: () => {},
      };
    case 'unlearning':
      return {
        // Its own factorised field, O((N + dreams) D) per cue and step (../classic/unlearning).
        memory: (n, engine) =>
          engine.network(
            learn('unlearning', prefix(n), {
              dreams: Math.round(
                (settings.dreamsPerPattern ?? UNLEARNING_DEFAULTS.dreamsPerPattern) * n,
              ),
              epsilon: settings.epsilon ?? UNLEARNING_DEFAULTS.epsilon,
              seed: deriveSeed(seed, n),
            }),
          ),
        dispose: () => {},
      };
    case 'dense-am':
      return {
        memory: (n, engine) =>
          engine.network(learn('dense-am', prefix(n), { power: settings.power })),
        dispose: () => {},
      };
    case 'covariance': {
      const learner = new CovarianceLearner(d, codingLevel);
      return {
        memory: (n, engine) => {
          learner.growTo(x, n);
          return engine.dense(learner.weights(), d, learner.threshold());
        },
        dispose: () => {},
      };
    }
  }
}

/** Bytes one trial holds at D units and at most nMax patterns (for grouping trials). */
export function trialBytes(kind: LearnKind, d: number, nMax: number): number {
  const patterns = nMax * d * 2;
  if (kind === 'storkey' || kind === 'covariance') return patterns + 4 * d * d;
  // W is built for one point at a time and dropped, but count it in the group.
  if (kind === 'krauth-mezard') return patterns + 8 * d * d;
  if (kind === 'unlearning') return patterns * 12;
  if (kind === 'pseudoinverse') return patterns + 16 * d * nMax + 8 * nMax * nMax;
  return patterns;
}

/** Relative cost of one trial at one point (for progress and time estimates). */
export function pointCost(
  kind: LearnKind,
  d: number,
  n: number,
  prevN: number,
  cues: number,
  settings: RuleSettings = {},
): number {
  const recall =
    cues *
    3 *
    (kind === 'hebbian'
      ? (n * d) / 8
      : kind === 'pseudoinverse'
        ? 2 * n * d
        : kind === 'dense-am'
          ? 4 * n * d * d
          : d * d);
  const dreams = (settings.dreamsPerPattern ?? UNLEARNING_DEFAULTS.dreamsPerPattern) * n;
  const learnCost =
    kind === 'storkey' || kind === 'covariance'
      ? Math.max(0, n - prevN) * d * d * 0.5
      : kind === 'pseudoinverse'
        ? n * n * d
        : kind === 'krauth-mezard'
          ? n * n * d + n * d * d + 20 * n * n * d
          : kind === 'unlearning'
            ? dreams * 4 * (n + dreams) * d
            : n * d * 0.1;
  return recall + learnCost + d;
}

/** One point of a sweep: N stored patterns, cues with a fraction `flip` of their units flipped. */
export interface SweepPoint {
  n: number;
  flip: number;
}

export interface LoadSweep {
  d: number;
  /** the points, N never decreasing */
  points: readonly SweepPoint[];
  kind: LearnKind;
  patterns: PatternKind;
  codingLevel?: number;
  /** the settings of the rule (diagonal, margin, dreams, power) */
  settings?: RuleSettings;
  trials: number;
  cues: number;
  maxSteps: number;
  seed: number;
  /** distinguishes the generators of different sweeps in one run (rule, size...) */
  stream: number;
  /** bytes the trials of one group may hold, default 192 MB */
  memoryBudget?: number;
}

/**
 * Runs the sweep; yields ('point', index, stats) as each point completes and
 * progress in cost units (`costOffset` + done of this sweep's own total).
 */
export async function* runLoadSweep(
  sw: LoadSweep,
  engine: BatchEngine,
  progress: { offset: number; total: number },
): AsyncGenerator<ExperimentEvent | { kind: 'point'; index: number; stats: PointStats }, number> {
  const { d, points, trials, cues, maxSteps, seed, stream } = sw;
  if (points.length === 0 || trials === 0) return 0;
  const nMax = Math.max(...points.map((p) => p.n));
  const per = trialBytes(sw.kind, d, nMax);
  const group = Math.max(1, Math.min(trials, Math.floor((sw.memoryBudget ?? 192e6) / per)));
  const stats = points.map(() => emptyStats());
  let done = 0;
  for (let t0 = 0; t0 < trials; t0 += group) {
    const members = Array.from({ length: Math.min(group, trials - t0) }, (_, k) => {
      const t = t0 + k;
      const x = makePatterns(
        sw.patterns,
        nMax,
        d,
        trialRng(seed, stream, PATTERNS, t),
        sw.codingLevel,
      );
      const grower = makeGrower(
        sw.kind,
        x,
        sw.codingLevel,
        sw.settings,
        deriveSeed(seed, stream, DREAMS, t),
      );
      return { t, x, grower };
    });
    const last = t0 + group >= trials;
    try {
      for (let k = 0; k < points.length; k++) {
        const { n, flip } = points[k];
        for (const m of members) {
          const { cue, target } = makeCues(
            m.x,
            n,
            cues,
            flip,
            trialRng(seed, stream, CUES, m.t, k),
          );
          const memory = m.grower.memory(n, engine);
          try {
            scoreBatch(
              stats[k],
              await batchRecall(memory, cue, cues, { maxSteps }),
              target,
              cues,
              d,
            );
          } finally {
            memory.dispose();
          }
          done += pointCost(sw.kind, d, n, k > 0 ? points[k - 1].n : 0, cues, sw.settings);
          yield { kind: 'progress', done: progress.offset + done, total: progress.total };
        }
        if (last) yield { kind: 'point', index: k, stats: stats[k] };
      }
    } finally {
      for (const m of members) m.grower.dispose();
    }
  }
  return done;
}

/** Total cost of a sweep, in the units of its progress events. */
export function sweepCost(
  sw: Pick<LoadSweep, 'd' | 'points' | 'kind' | 'trials' | 'cues' | 'settings'>,
): number {
  let total = 0;
  sw.points.forEach(
    (p, k) =>
      (total +=
        sw.trials *
        pointCost(sw.kind, sw.d, p.n, k > 0 ? sw.points[k - 1].n : 0, sw.cues, sw.settings)),
  );
  return total;
}

/** Loads (N / D) to distinct pattern counts N = round(load D) >= 1, ascending, capped at nMax. */
export function loadsToCounts(loads: readonly number[], d: number, nMax = Infinity): number[] {
  const set = new Set<number>();
  for (const a of loads) {
    const n = Math.round(a * d);
    if (n >= 1 && n <= nMax) set.add(n);
  }
  return [...set].sort((a, b) => a - b);
}
