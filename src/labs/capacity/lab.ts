/**
 * Making the Experiments lab: its store from the link, its runner, and the
 * lifecycle the page hands to useLabLifecycle (engine/lab): mirror the
 * settings into the link, bind the command keys, and on leaving keep a run
 * that goes on (or its results) for the next visit, else free the workers
 * (./session).
 */
import { changedIn } from '../../core/params';
import { runKey } from '../../engine/commands';
import { say } from '../../engine/messages';
import { COMMANDS, type CapacityContext } from './commands';
import { readLink, writeLink } from './link';
import { PARAMS } from './params';
import { CapacityRunner } from './runner';
import { capacitySessions, type CapacitySession, type SessionKeeper } from './session';
import { createCapacityStore } from './store';
import type { ExperimentClient } from './client';

/** A new store (from the link) and runner. */
function newSession(query: string, client?: ExperimentClient): CapacitySession {
  const store = createCapacityStore(readLink(query));
  const runner = new CapacityRunner(store, client);
  const { linkErrors } = store.getState();
  if (linkErrors.length)
    say(store, 'warn', `Parts of the link could not be read: ${linkErrors.join(' ')}`);
  return { store, runner };
}

/**
 * The lab for the link's `query`: the session kept from the last visit if
 * there is one (a run still going, or results), else a new one. `client`
 * (tests) is the new session's worker client; `keeper` defaults to the
 * lab's module-level one.
 */
export function makeLab(
  query: string,
  client?: ExperimentClient,
  keeper: SessionKeeper = capacitySessions,
): CapacityContext {
  const session = keeper.open(query, () => newSession(query, client));
  const { store, runner } = session;
  const ctx: CapacityContext = {
    store,
    runner,
    path: '/capacity',
    linkQuery: (s) => writeLink(s),
    linkWhen: (s, prev) => changedIn(PARAMS, s, prev) || s.texts !== prev.texts,
    onKey: (key) => runKey(COMMANDS, ctx, key),
    start: () => keeper.attach(),
    dispose: () => keeper.leave(session),
  };
  return ctx;
}
