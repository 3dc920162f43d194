/**
 * Reading the lab's settings from a link and writing them back. A link that
 * cannot be read opens the lab with defaults and a visible line per bad
 * value; it never throws.
 */
import { decodeParams, updateQuery, type ParamValues } from '../../core/params';
import { parsePicks, PARAMS, type StepNumber } from './params';
import type { ConsolidationState } from './store';

/** The settings of the link (defaults where it says nothing or something unreadable). */
export function startFromLink(query: string): {
  init: Partial<ConsolidationState>;
  warnings: string[];
} {
  const { values, errors } = decodeParams(PARAMS, query);
  const warnings = [...errors];
  let picks = parsePicks(values.arith);
  if (!picks) {
    warnings.push(`arith=${values.arith} is not three digits (a, b, c of a − b + c); using 710.`);
    picks = parsePicks(PARAMS.arith.default)!;
  }
  return {
    init: {
      episodes: values.episodes,
      replays: values.replays,
      latentSize: values.latent,
      epochs: values.epochs,
      seed: values.seed,
      step: values.step as StepNumber,
      extendedThreshold: values.theta,
      extendedEpisode: values.ep,
      arithmeticPicks: picks,
    },
    warnings,
  };
}

/**
 * The query string of the current settings (defaults left out), written
 * into `existing` so that its other keys (e.g. `backend=wasm`) stay.
 */
export function linkQuery(s: ConsolidationState, existing = ''): string {
  const values: Partial<ParamValues<typeof PARAMS>> = {
    episodes: s.episodes,
    replays: s.replays,
    latent: s.latentSize,
    epochs: s.epochs,
    seed: s.seed,
    step: s.step,
    theta: Number(s.extendedThreshold.toFixed(3)),
    ep: s.extendedEpisode,
    arith: s.arithmeticPicks.join(''),
  };
  return updateQuery(existing, PARAMS, values);
}

/** Only a change of a setting in the link rewrites it (not every training tick). */
export function settingsChanged(s: ConsolidationState, prev: ConsolidationState): boolean {
  return (
    s.episodes !== prev.episodes ||
    s.replays !== prev.replays ||
    s.latentSize !== prev.latentSize ||
    s.epochs !== prev.epochs ||
    s.seed !== prev.seed ||
    s.step !== prev.step ||
    s.extendedThreshold !== prev.extendedThreshold ||
    s.extendedEpisode !== prev.extendedEpisode ||
    s.arithmeticPicks !== prev.arithmeticPicks
  );
}
