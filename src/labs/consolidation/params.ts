/**
 * Every setting of the Consolidation lab that lives in the link, listed once
 * and keyed by the store's field names (the link keeps its short keys:
 * latent, theta, ep, arith). The store's defaults, reading a link and
 * writing it back all come from this table (./store, ./link), so a copied
 * link sets up the same run: the same episodes, replays and seeds, the same
 * VAE size and training length, the step on screen and step 6's settings.
 * The run's defaults are the session's `page` preset (models).
 */
import { customParam, floatParam, intParam, invalid, type Parsed } from '../../core/params';
import { SWEEP_TRACES } from '../../models/consolidation/extendedModel';
import { CONSOLIDATION_PRESETS } from '../../models/consolidation/sessionConfig';

/** The pipeline's settings on this page (held-out and labelled sizes, hidden size, batch...). */
export const PAGE = CONSOLIDATION_PRESETS.page;

/** The stepper's steps, in order (their numbers are the `step` setting). */
export const STEPS = [
  { n: 1, name: 'Encode', testId: 'step-encode' },
  { n: 2, name: 'Replay', testId: 'step-replay' },
  { n: 3, name: 'Train', testId: 'step-train' },
  { n: 4, name: 'Latent map', testId: 'step-map' },
  { n: 5, name: 'Generative memory', testId: 'step-generative' },
  { n: 6, name: 'Extended model', testId: 'step-extended' },
] as const;

/** The digits a, b, c of the vector arithmetic a - b + c. */
export type Picks = [number, number, number];

/** "710" -> [7, 1, 0]; null unless exactly three digits. */
export function parsePicks(text: string): Picks | null {
  return /^\d{3}$/.test(text) ? [Number(text[0]), Number(text[1]), Number(text[2])] : null;
}

function readPicks(text: string): Parsed<Picks> {
  const picks = parsePicks(text);
  return picks
    ? { ok: true, value: picks }
    : invalid('is not three digits (a, b, c of a − b + c)', 'must be three digits, e.g. 710');
}

export const PARAMS = {
  episodes: intParam(
    PAGE.episodes,
    100,
    9000,
    'N, the digits stored in the hippocampus as episodes',
  ),
  replays: intParam(PAGE.replays, 100, 20_000, 'R, the noise-cued replays the VAE trains on'),
  latentSize: intParam(
    PAGE.latentSize,
    2,
    20,
    'L, the latent size of the next "Train from scratch"',
    {
      link: 'latent',
    },
  ),
  epochs: intParam(PAGE.epochs, 1, 30, 'passes over the replays'),
  seed: intParam(
    PAGE.seed,
    0,
    999_999,
    'random seed for the episodes, the replay cues and the VAE',
  ),
  step: intParam(1, 1, STEPS.length, 'the step on screen (1 Encode to 6 Extended model)'),
  extendedThreshold: floatParam(0.15, 0, 1, "step 6's threshold on the VAE's pixel error", {
    link: 'theta',
  }),
  extendedEpisode: intParam(0, 0, SWEEP_TRACES - 1, 'the episode step 6 shows', { link: 'ep' }),
  arithmeticPicks: customParam<Picks>(
    [7, 1, 0],
    'the digits a, b, c of the vector arithmetic a - b + c',
    { read: readPicks, write: (p) => p.join(''), same: (a, b) => a.join('') === b.join('') },
    { link: 'arith' },
  ),
};

/** The settings a select on the page chooses from (a link may name any value in range). */
export type SelectSetting = 'episodes' | 'replays' | 'epochs' | 'latentSize';

/** The choices the page's selects offer. */
export const CHOICES: Record<SelectSetting, readonly number[]> = {
  episodes: [500, 1000, 2000, 3000, 5000, 8000],
  replays: [1000, 2000, 4000, 6000, 10_000, 20_000],
  epochs: [1, 2, 5, 10, 15, 20, 30],
  latentSize: [2, 8, 16, 20],
};

/** The options of a select: its usual choices and, in order, the current value if it is not one. */
export function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}
