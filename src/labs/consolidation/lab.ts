/**
 * The Consolidation lab as the lab kit runs it (engine/lab): its store from
 * the link, its runner and explorer, its link mirror, keys and dispose.
 */
import { runKey } from '../../engine/commands';
import type { LabLifecycle } from '../../engine/lab';
import { say } from '../../engine/messages';
import { COMMANDS, type LabContext } from './commands';
import { Explorer } from './explorer';
import { linkQuery, linkWhen, startFromLink } from './link';
import { ConsolidationRunner, type RunnerOptions } from './runner';
import { createConsolidationStore, type ConsolidationState } from './store';

export type ConsolidationLab = LabContext & LabLifecycle<ConsolidationState>;

/**
 * The store starts from the link; each unreadable setting becomes a warning
 * on the page. `options`: where the work is kept and the pace (tests).
 */
export function makeLab(query: string, options?: RunnerOptions): ConsolidationLab {
  const start = startFromLink(query);
  const store = createConsolidationStore(start.init);
  for (const w of start.warnings) say(store, 'warn', w);
  const runner = new ConsolidationRunner(store, options);
  const ctx: LabContext = { store, runner, explorer: new Explorer(store, runner) };
  return {
    ...ctx,
    path: '/consolidation',
    linkQuery,
    linkWhen,
    onKey: (key) => runKey(COMMANDS, ctx, key),
    start: () => void runner.start(),
    dispose: () => {
      ctx.explorer.dispose();
      runner.dispose();
    },
  };
}
