/**
 * Every URL parameter of the Consolidation lab, listed once (name, type,
 * default, range). The lab reads a link through this table and writes the
 * settings back through it as the visitor changes them (./link), so a copied
 * link sets up the same run: the same episodes, replays and seeds, the same
 * VAE size and training length, the step on screen and step 6's settings.
 */
import { floatParam, intParam, stringParam } from '../../core/params';
import { TRACES } from './extended';

/** The stepper's steps, in order (their numbers are the `step` parameter). */
export const STEPS = [
  { n: 1, name: 'Encode', testId: 'step-encode' },
  { n: 2, name: 'Replay', testId: 'step-replay' },
  { n: 3, name: 'Train', testId: 'step-train' },
  { n: 4, name: 'Latent map', testId: 'step-map' },
  { n: 5, name: 'Generative memory', testId: 'step-generative' },
  { n: 6, name: 'Extended model', testId: 'step-extended' },
] as const;

export type StepNumber = (typeof STEPS)[number]['n'];

/** The choices the page's selects offer (a link may name any value in range). */
export const CHOICES = {
  episodes: [500, 1000, 2000, 3000, 5000, 8000],
  replays: [1000, 2000, 4000, 6000, 10_000, 20_000],
  epochs: [1, 2, 5, 10, 15, 20, 30],
  latent: [2, 8, 16, 20],
} as const;

export const PARAMS = {
  episodes: intParam(3000, 100, 9000, 'N, the digits stored in the hippocampus as episodes'),
  replays: intParam(6000, 100, 20_000, 'R, the noise-cued replays the VAE trains on'),
  latent: intParam(2, 2, 20, 'L, the latent size of the next "Train from scratch"'),
  epochs: intParam(15, 1, 30, 'passes over the replays'),
  seed: intParam(1, 0, 999_999, 'random seed for the episodes, the replay cues and the VAE'),
  step: intParam(1, 1, STEPS.length, 'the step on screen (1 Encode to 6 Extended model)'),
  theta: floatParam(0.15, 0, 1, "step 6's threshold on the VAE's pixel error"),
  ep: intParam(0, 0, TRACES - 1, 'the episode step 6 shows'),
  arith: stringParam('710', 'the digits a, b, c of the vector arithmetic a - b + c', 3),
};

/** "710" -> [7, 1, 0]; null unless exactly three digits. */
export function parsePicks(text: string): [number, number, number] | null {
  return /^\d{3}$/.test(text) ? [Number(text[0]), Number(text[1]), Number(text[2])] : null;
}

/** The options of a select: its usual choices and, in order, the current value if it is not one. */
export function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}
