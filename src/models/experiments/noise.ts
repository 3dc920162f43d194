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
import { RULES } from '../classic/hopfield';
import type { ParamValues } from '../../core/params';
import type { BatchEngine } from './batch';
import { choice, list, storedPatterns, TRIAL_PARAMS, units } from './params';
import { runSweeps, trialSettings } from './sweeps';
import { linspace, round } from './theory';
import type { LoadSweep } from './trials';
import type { ExperimentRun } from './types';

export const NOISE_PARAMS = {
  units: units(200, 4000),
  patterns: storedPatterns(10),
  rule: choice('Learning rule', RULES, 'hebbian', 'learning rule'),
  'flip-fractions': list(
    'Flip fractions',
    linspace(0, 1, 21).map((f) => round(f, 2)),
    0,
    1,
    'fractions of distinct cue units flipped, comma-separated',
  ),
  ...TRIAL_PARAMS,
};

export type NoiseValues = ParamValues<typeof NOISE_PARAMS>;

export function noiseSweep(v: NoiseValues): LoadSweep {
  const n = v.patterns;
  return {
    d: v.units,
    points: v['flip-fractions'].map((flip) => ({ n, flip })),
    kind: v.rule,
    patterns: 'random',
    ...trialSettings(v),
    stream: 0,
  };
}

export async function* runNoise(v: NoiseValues, engine: BatchEngine): ExperimentRun {
  const sweep = noiseSweep(v);
  const { d } = sweep;
  if (sweep.kind === 'pseudoinverse' && v.patterns >= d) {
    throw new RangeError(`the pseudo-inverse rule needs N < D; got N = ${v.patterns}, D = ${d}`);
  }
  yield* runSweeps([{ sweep }], engine, {
    row: (_, { n, flip }, s) => ({
      rule: sweep.kind,
      units: d,
      patterns: n,
      flipFraction: flip,
      flips: Math.round(flip * d),
      successRate: round(s.successRate),
      invertedRate: round(s.invertedRate),
      meanOverlap: round(s.meanOverlap),
      meanFinalHamming: round(s.meanFinalHamming, 3),
      recalls: s.recalls,
    }),
  });
}
