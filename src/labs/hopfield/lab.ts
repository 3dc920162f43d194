/**
 * The Classic lab, made once per page (engine/lab's useLabLifecycle): the
 * store (from the link and the patterns this browser saved), the runner,
 * and what the lifecycle does on opening and leaving. No React here, so a
 * test can make the same lab the page makes.
 */
import { runKey } from '../../engine/commands';
import type { LabLifecycle } from '../../engine/lab';
import { inLesson } from '../../engine/lessons';
import { say } from '../../engine/messages';
import type { RunLoopOptions } from '../../engine/runLoop';
import { watchFields } from '../../engine/watch';
import { COMMANDS, type LabContext } from './commands';
import { linkQuery, startFromLink } from './link';
import { memoryStorage, toSaved } from './persistence';
import { HopfieldRunner } from './runner';
import { createHopfieldStore, type HopfieldState, type HopfieldStore } from './store';

/** The lab's context (what commands get) and its lifecycle, every hook filled in. */
export type HopfieldLab = LabContext & Required<LabLifecycle<HopfieldState>>;

export const SET_ASIDE_NOTICE =
  'This link brought its own patterns. Yours are set aside in this browser: use “Restore my patterns” to bring them back.';

/** Makes the lab for a link's query; `loop` replaces the animation-frame scheduler (tests). */
export function makeLab(query: string, loop: RunLoopOptions = {}): HopfieldLab {
  const start = startFromLink(query);
  const store = createHopfieldStore(start.init);
  const runner = new HopfieldRunner(store, loop);
  for (const w of start.warnings) say(store, 'warn', w);
  for (const i of start.infos) say(store, 'info', i);
  if (start.setAside) say(store, 'info', SET_ASIDE_NOTICE);

  let unsave: (() => void) | null = null;
  const lab: HopfieldLab = {
    store,
    runner,
    path: '/hopfield',
    linkQuery,
    // While recall plays the link keeps the cue it started from.
    linkWhen: (s) => s.phase !== 'running',
    onKey: (key) => runKey(COMMANDS, lab, key),
    start() {
      runner.start();
      unsave ??= saveMemory(store);
    },
    dispose() {
      unsave?.();
      unsave = null;
      runner.dispose();
    },
  };
  return lab;
}

/** Saves the memory in this browser after every change to it (not a lesson's); returns the unsubscribe. */
function saveMemory(store: HopfieldStore): () => void {
  return watchFields(store, ['patterns', 'size'], (s) => {
    if (inLesson(store)) return; // a lesson's patterns are scratch, never the visitor's
    const err = memoryStorage.save(toSaved(s));
    if (err) say(store, 'warn', `Could not save your patterns in this browser: ${err}`);
  });
}
