/**
 * The part's React context and store hooks (engine/lab.ts), and the hook a
 * section calls to run its lifecycle over the shared core (see lab.ts).
 */
import { parseHash } from '../../../core/paramLink';
import { createLabHooks, useLabLifecycle } from '../../../engine/lab';
import type { Part2Ctx } from './commands';
import { makePart2Core, sectionLab, type Part2Core, type Part2SectionLab } from './lab';
import type { SectionName } from './params';
import type { Part2State } from './store';

export const {
  LabCtx: Part2LabCtx,
  useLabContext: usePart2Context,
  useLab: usePart2,
  useLabShallow: usePart2Shallow,
  useLabFields: usePart2Fields,
} = createLabHooks<Part2Ctx, Part2State>('Human memory (part 2)');

let shared: Part2Core | null = null;

/** The core the page's sections share: the running one, or a new one from the link. */
function currentCore(): Part2Core {
  if (!shared || shared.disposed) shared = makePart2Core(parseHash(window.location.hash).query);
  return shared;
}

/** Runs one section's lifecycle (link, keys, the core held while it is on the page). */
export function usePart2Section(section: SectionName): Part2SectionLab {
  return useLabLifecycle(() => sectionLab(currentCore(), section));
}
