/**
 * Experiment 5, `dynamics`: the same networks and cues recalled with
 * synchronous updates (batched), asynchronous updates (one unit at a time,
 * random order; steps are sweeps of D updates) and stochastic Glauber
 * dynamics at several temperatures T (P(s_i = +1) = 1/(1 + exp(-2 h_i / T)),
 * h in the rule's own units: Hebbian fields are about (D/N)(1 - 2f) for a
 * target unit). Reports steps to converge, final error and the share of
 * 2-cycles (synchronous only: asynchronous dynamics lower the energy at
 * every flip and cannot cycle).
 *
 * Stochastic runs stop after a sweep with no flip or at the step limit; at
 * high T they rarely stop, so their "steps" are mostly the limit.
 */
import { flipFraction } from '../classic/corrupt';
import { recall, type Dynamics } from '../classic/dynamics';
import { learn, RULES, type Network, type Rule } from '../classic/hopfield';
import { row as patternRow } from '../../core/pattern';
import { sampleDistinct } from '../../core/random';
import { batchRecall, type BatchEngine } from './batch';
import {
  choice,
  CUES,
  FLIP,
  int,
  list,
  SEED,
  TRIALS,
  type ParamDef,
  type ParamValues,
} from './params';
import { makePatterns } from './patterns';
import { trialRng } from './seeds';
import { round } from './theory';
import { emptyStats, score, summarise, type PointStats } from './trials';
import type { ExperimentRun } from './types';

export const DYNAMICS_PARAMS: readonly ParamDef[] = [
  int('units', 'Units D', 200, 4, 2000, 'D, units per pattern'),
  int('patterns', 'Stored patterns N', 20, 1, 2000, 'N, random patterns stored in each network'),
  choice('rule', 'Learning rule', RULES, 'hebbian', 'learning rule'),
  FLIP,
  list(
    'temperatures',
    'Temperatures T',
    '1,3,6',
    0.001,
    1000,
    'Glauber temperatures for the stochastic runs, comma-separated',
  ),
  TRIALS,
  { ...CUES, default: 5 },
  int(
    'max-steps',
    'Step limit',
    50,
    1,
    500,
    'steps (sync) or sweeps (async, stochastic) before a recall is stopped',
  ),
  SEED,
];

export interface DynamicsSpec {
  dynamics: Dynamics;
  temperature: number;
  label: string;
}

export function dynamicsSpecs(temperatures: readonly number[]): DynamicsSpec[] {
  return [
    { dynamics: 'sync', temperature: 0, label: 'synchronous' },
    { dynamics: 'async', temperature: 0, label: 'asynchronous' },
    ...temperatures.map((t) => ({
      dynamics: 'stochastic' as const,
      temperature: t,
      label: `stochastic T=${t}`,
    })),
  ];
}

const PATTERNS = 1;
const CUE = 2;
const ORDER = 3;

export async function* runDynamics(p: ParamValues, engine: BatchEngine): ExperimentRun {
  const d = p.units as number;
  const n = p.patterns as number;
  const rule = p.rule as Rule;
  const trials = p.trials as number;
  const cues = p.cues as number;
  const maxSteps = p['max-steps'] as number;
  const seed = p.seed as number;
  if (rule === 'pseudoinverse' && n >= d)
    throw new RangeError(`the pseudo-inverse rule needs N < D; got N = ${n}, D = ${d}`);
  const specs = dynamicsSpecs(p.temperatures as number[]);
  // Networks and cues are made once per trial and kept while they fit in
  // 192 MB; otherwise they are made again for each kind of dynamics.
  const bytes = rule === 'storkey' ? 4 * d * d : 3 * n * d;
  const keep = trials * bytes < 192e6;
  const cache = new Map<number, { net: Network; cue: Int8Array; target: Int8Array }>();
  const trial = (t: number) => {
    const hit = cache.get(t);
    if (hit) return hit;
    const x = makePatterns('random', n, d, trialRng(seed, PATTERNS, t));
    const rng = trialRng(seed, CUE, t);
    const picks =
      cues <= n
        ? Array.from(sampleDistinct(n, cues, rng))
        : Array.from({ length: cues }, () => rng.int(n));
    const cue = new Int8Array(cues * d);
    const target = new Int8Array(cues * d);
    picks.forEach((mu, c) => {
      target.set(patternRow(x, mu), c * d);
      cue.set(flipFraction(patternRow(x, mu), p['flip-fraction'] as number, rng), c * d);
    });
    const made = { net: learn(rule, x), cue, target };
    if (keep) cache.set(t, made);
    return made;
  };
  // Unit updates cost about as much as a synchronous step's share per unit;
  // weight the progress by the expected number of sweeps.
  const cost = (s: DynamicsSpec) =>
    s.dynamics === 'sync' ? 1 : s.dynamics === 'async' ? 2 : Math.min(maxSteps, 10);
  const total = specs.reduce((a, s) => a + cost(s) * trials, 0);
  let done = 0;
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    const st: PointStats = emptyStats();
    for (let t = 0; t < trials; t++) {
      const { net, cue, target } = trial(t);
      if (spec.dynamics === 'sync') {
        const memory = engine.network(net);
        try {
          const r = await batchRecall(memory, cue, cues, { maxSteps });
          for (let c = 0; c < cues; c++) {
            score(
              st,
              r.finals,
              c * d,
              target,
              c * d,
              d,
              r.steps[c],
              !!r.converged[c],
              !!r.cycled[c],
            );
          }
        } finally {
          memory.dispose();
        }
      } else {
        for (let c = 0; c < cues; c++) {
          const rng = trialRng(seed, ORDER, t, c, k);
          const r = recall(net, cue.subarray(c * d, c * d + d), {
            dynamics: spec.dynamics,
            temperature: spec.temperature,
            rng,
            maxSteps,
          });
          score(st, r.final, 0, target, c * d, d, r.steps, r.converged, r.cycled);
        }
      }
      done += cost(spec);
      yield { kind: 'progress', done, total };
    }
    const s = summarise(st, d);
    yield {
      kind: 'row',
      table: 'rows',
      row: {
        label: spec.label,
        dynamics: spec.dynamics,
        temperature: spec.temperature,
        rule,
        units: d,
        patterns: n,
        flipFraction: p['flip-fraction'] as number,
        successRate: round(s.successRate),
        meanFinalHamming: round(s.meanFinalHamming, 3),
        meanOverlap: round(s.meanOverlap),
        meanSteps: round(s.meanSteps, 3),
        convergedRate: round(s.convergedRate),
        cycleRate: round(s.cycleRate),
        recalls: s.recalls,
      },
    };
  }
}
