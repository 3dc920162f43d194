/**
 * Making the Experiments lab: its store from the link, its runner, and the
 * lifecycle the page hands to useLabLifecycle (engine/lab): mirror the
 * settings into the link, bind the command keys, free the workers on
 * leaving.
 */
import { changedIn } from '../../core/params';
import { runKey } from '../../engine/commands';
import { say } from '../../engine/messages';
import { COMMANDS, type CapacityContext } from './commands';
import { readLink, writeLink } from './link';
import { PARAMS } from './params';
import { CapacityRunner } from './runner';
import { createCapacityStore } from './store';
import type { ExperimentClient } from './client';

export function makeLab(query: string, client?: ExperimentClient): CapacityContext {
  const store = createCapacityStore(readLink(query));
  const runner = new CapacityRunner(store, client);
  const { linkErrors } = store.getState();
  if (linkErrors.length)
    say(store, 'warn', `Parts of the link could not be read: ${linkErrors.join(' ')}`);
  const ctx: CapacityContext = {
    store,
    runner,
    path: '/capacity',
    linkQuery: (s) => writeLink(s),
    linkWhen: (s, prev) => changedIn(PARAMS, s, prev) || s.texts !== prev.texts,
    onKey: (key) => runKey(COMMANDS, ctx, key),
    dispose: () => runner.dispose(),
  };
  return ctx;
}
