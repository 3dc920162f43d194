/**
 * Experiment 3, `noise`: fixed D and N, the flip fraction f of the cue from
 * 0 to 1. Each trial's network is tested at every f (the same network, new
 * cues). Reports the exact-recall rate, the rate of ending in the inverted
 * pattern -xi, and the mean final overlap m = (1/D) xi . s.
 *
 * Past f = 0.5 the cue is closer to -xi than to xi, and -xi is an attractor
 * too (E(-s) = E(s)): recall falls into the inverted pattern, m jumps from
 * about +1 to about -1, and at f = 1 the cue *is* -xi.
 */
import { RULES, type Rule } from '../classic/hopfield';
import type { BatchEngine } from './batch';
import {
  choice,
  CUES,
  int,
  list,
  MAX_STEPS,
  SEED,
  TRIALS,
  type ParamDef,
  type ParamValues,
} from './params';
import { linspace, round } from './theory';
import { summarise, sweepCost, sweepRows, type LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const NOISE_PARAMS: readonly ParamDef[] = [
  int('units', 'Units D', 200, 4, 4000, 'D, units per pattern'),
  int('patterns', 'Stored patterns N', 10, 1, 2000, 'N, random patterns stored in each network'),
  choice('rule', 'Learning rule', RULES, 'hebbian', 'learning rule'),
  list(
    'flip-fractions',
    'Flip fractions',
    linspace(0, 1, 21)
      .map((f) => round(f, 2))
      .join(','),
    0,
    1,
    'fractions of distinct cue units flipped, comma-separated',
  ),
  TRIALS,
  CUES,
  MAX_STEPS,
  SEED,
];

export function noiseSweep(p: ParamValues): LoadSweep {
  const n = p.patterns as number;
  return {
    d: p.units as number,
    points: (p['flip-fractions'] as number[]).map((flip) => ({ n, flip })),
    kind: p.rule as Rule,
    patterns: 'random',
    trials: p.trials as number,
    cues: p.cues as number,
    maxSteps: p['max-steps'] as number,
    seed: p.seed as number,
    stream: 0,
  };
}

export async function* runNoise(p: ParamValues, engine: BatchEngine): ExperimentRun {
  const sweep = noiseSweep(p);
  const { d } = sweep;
  if (sweep.kind === 'pseudoinverse' && (p.patterns as number) >= d) {
    throw new RangeError(`the pseudo-inverse rule needs N < D; got N = ${p.patterns}, D = ${d}`);
  }
  yield* sweepRows(sweep, engine, { offset: 0, total: sweepCost(sweep) }, (k, stats) => {
    const s = summarise(stats, d);
    const f = sweep.points[k].flip;
    return {
      rule: sweep.kind,
      units: d,
      patterns: sweep.points[k].n,
      flipFraction: f,
      flips: Math.round(f * d),
      successRate: round(s.successRate),
      invertedRate: round(s.invertedRate),
      meanOverlap: round(s.meanOverlap),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      recalls: s.recalls,
    };
  });
}
