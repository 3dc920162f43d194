/**
 * The Modern Hopfield lab, made once per visit: its store (started from the
 * link), runner and sweep, and what the lab lifecycle (engine/lab) needs to
 * mirror the settings to the link, bind the keys and free it all on leaving.
 */
import { changedIn } from '../../core/params';
import { runKey } from '../../engine/commands';
import type { LabLifecycle } from '../../engine/lab';
import { say } from '../../engine/messages';
import { COMMANDS, type LabContext } from './commands';
import { CompareSweep } from './compare';
import { linkQuery, startFromLink } from './link';
import { PARAMS } from './params';
import { ModernRunner } from './runner';
import { createModernStore, type ModernState } from './store';

export type ModernLab = LabContext & LabLifecycle<ModernState>;

export function makeLab(query: string): ModernLab {
  const start = startFromLink(query);
  const store = createModernStore(start.init);
  for (const w of start.warnings) say(store, 'warn', w);
  const runner = new ModernRunner(store);
  const sweep = new CompareSweep(store);
  const ctx: LabContext = { store, runner, sweep };
  return {
    ...ctx,
    path: '/modern',
    linkQuery,
    linkWhen: (s, prev) => changedIn(PARAMS, s, prev),
    onKey: (key) => runKey(COMMANDS, ctx, key),
    start: () => void runner.start(),
    dispose: () => {
      sweep.dispose();
      runner.dispose();
    },
  };
}
