/**
 * The lab's link: the parameter table (./params) reads and writes every
 * setting; what is left here are the Modern lab's own cross-checks. A link
 * that cannot be read opens the lab with defaults and a visible message; it
 * never throws.
 */
import { pick } from '../../core/params';
import { decodeParams, updateQuery } from '../../core/paramLink';
import { PARAMS } from './params';
import type { ModernState } from './store';

export function startFromLink(query: string): { init: Partial<ModernState>; warnings: string[] } {
  const { values, errors } = decodeParams(PARAMS, query);
  // A drawn cue has no digit of the set behind it; an own image is this device's, not the link's.
  if (values.source === 'drawn' || values.source === 'own') values.item = -1;
  return { init: values, warnings: errors };
}

/**
 * The query that reproduces the view; `current` is the link's query now,
 * whose foreign keys (`backend=`) are kept. Beta is written to 4 significant
 * digits; the cued digit and the drawing only where they say something (an
 * item for a stored or unstored cue, ink for a drawn one).
 */
export function linkQuery(s: ModernState, current = ''): string {
  const drawn = s.source === 'drawn';
  return updateQuery(current, PARAMS, {
    ...pick(PARAMS, s),
    beta: Number(s.beta.toPrecision(4)),
    item: drawn || s.source === 'own' ? -1 : s.item,
    drawing: drawn ? s.drawing : PARAMS.drawing.default,
  });
}
