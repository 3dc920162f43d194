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
import { recall, type Dynamics } from '../classic/dynamics';
import { learn, RULES, type Network } from '../classic/hopfield';
import type { ParamValues } from '../../core/params';
import { batchRecall, type BatchEngine } from './batch';
import {
  choice,
  FLIP,
  int,
  list,
  storedPatterns,
  TRIAL_PARAMS,
  units,
  withDefault,
} from './params';
import { makePatterns } from './patterns';
import { trialRng } from './seeds';
import { trialSettings } from './sweeps';
import { round } from './theory';
import { emptyStats, makeCues, score, scoreBatch, summarise, type PointStats } from './trials';
import type { ExperimentRun } from './types';

export const DYNAMICS_PARAMS = {
  units: units(200, 2000),
  patterns: storedPatterns(20),
  rule: choice('Learning rule', RULES, 'hebbian', 'learning rule'),
  'flip-fraction': FLIP,
  temperatures: list(
    'Temperatures T',
    [1, 3, 6],
    0.001,
    1000,
    'Glauber temperatures for the stochastic runs, comma-separated',
  ),
  ...TRIAL_PARAMS,
  cues: withDefault(TRIAL_PARAMS.cues, 5),
  'max-steps': int(
    'Step limit',
    50,
    1,
    500,
    'steps (sync) or sweeps (async, stochastic) before a recall is stopped',
  ),
};

export type DynamicsValues = ParamValues<typeof DYNAMICS_PARAMS>;

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

export async function* runDynamics(v: DynamicsValues, engine: BatchEngine): ExperimentRun {
  const { units: d, patterns: n, rule } = v;
  const flip = v['flip-fraction'];
  const { trials, cues, maxSteps, seed } = trialSettings(v);
  if (rule === 'pseudoinverse' && n >= d)
    throw new RangeError(`the pseudo-inverse rule needs N < D; got N = ${n}, D = ${d}`);
  const specs = dynamicsSpecs(v.temperatures);
  // Networks and cues are made once per trial and kept while they fit in
  // 192 MB; otherwise they are made again for each kind of dynamics.
  const bytes = rule === 'storkey' ? 4 * d * d : 3 * n * d;
  const keep = trials * bytes < 192e6;
  const cache = new Map<number, { net: Network; cue: Int8Array; target: Int8Array }>();
  const trial = (t: number) => {
    const hit = cache.get(t);
    if (hit) return hit;
    const x = makePatterns('random', n, d, trialRng(seed, PATTERNS, t));
    const made = { net: learn(rule, x), ...makeCues(x, n, cues, flip, trialRng(seed, CUE, t)) };
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
          scoreBatch(st, await batchRecall(memory, cue, cues, { maxSteps }), target, cues, d);
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
        flipFraction: flip,
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
