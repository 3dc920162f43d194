/**
 * The Modern Hopfield lab, made once per visit: its store (started from the
 * link), runner and sweep, and what the lab lifecycle (engine/lab) needs to
 * mirror the settings to the link, bind the keys and free it all on leaving;
 * and the visitor's own images, kept in this browser (./ownImages).
 */
import { changedIn } from '../../core/params';
import { runKey } from '../../engine/commands';
import type { LabLifecycle } from '../../engine/lab';
import { say } from '../../engine/messages';
import { pagePace } from '../../engine/pace';
import { COMMANDS, type LabContext } from './commands';
import { CompareSweep } from './compare';
import { linkQuery, startFromLink } from './link';
import { OwnImages } from './ownImages';
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
  const images = new OwnImages(store, { pace: pagePace() });
  const ctx: LabContext = { store, runner, sweep, images };
  return {
    ...ctx,
    path: '/modern',
    linkQuery,
    linkWhen: (s, prev) => changedIn(PARAMS, s, prev),
    onKey: (key) => runKey(COMMANDS, ctx, key),
    // The visitor's own images first (this browser's IndexedDB), so the first store has them.
    start: () => void images.load().finally(() => runner.start()),
    dispose: () => {
      sweep.dispose();
      runner.dispose();
    },
  };
}
