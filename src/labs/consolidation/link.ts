/**
 * Reading the lab's settings from a link and writing them back, through the
 * table of ./params. A link that cannot be read opens the lab with defaults
 * and a visible line per bad value; it never throws.
 */
import { changedIn, pick } from '../../core/params';
import { decodeParams, updateQuery } from '../../core/paramLink';
import { PARAMS } from './params';
import type { ConsolidationState } from './store';

/** The settings of the link (defaults where it says nothing or something unreadable). */
export function startFromLink(query: string): {
  init: Partial<ConsolidationState>;
  warnings: string[];
} {
  const { values, errors } = decodeParams(PARAMS, query);
  return { init: values, warnings: errors };
}

/**
 * The query string of the current settings (defaults left out), written
 * into `existing` so that its other keys (e.g. `backend=wasm`) stay. The
 * threshold is written to 3 decimals, so the slider leaves no long tails.
 */
export function linkQuery(s: ConsolidationState, existing = ''): string {
  const extendedThreshold = Number(s.extendedThreshold.toFixed(3));
  return updateQuery(existing, PARAMS, { ...pick(PARAMS, s), extendedThreshold });
}

/** Only a change of a setting in the link rewrites it (not every training tick). */
export function linkWhen(s: ConsolidationState, prev: ConsolidationState): boolean {
  return changedIn(PARAMS, s, prev);
}
