/**
 * A run outlives the page: the Experiments lab's run lives in its worker, so
 * the lab keeps its store and runner (with the worker client) at module
 * level while a run goes on or its results are on screen. A visitor who
 * moves to another lab and back finds the run still going, with the rows
 * and the progress so far, or finished, with all of them.
 *
 * - Leaving with a run going keeps everything; once the run ends the
 *   workers are terminated (a later run makes new ones).
 * - Leaving with results on screen keeps the store and frees the workers.
 * - Leaving with nothing run frees it all, as before.
 * - While a run goes on, closing or reloading the tab asks first
 *   (beforeunload), whether or not the lab is on screen.
 */
import { say } from '../../engine/messages';
import { experimentDef } from '../../models/experiments/registry';
import { readLink, writeLink } from './link';
import type { CapacityRunner } from './runner';
import type { CapacityStore } from './store';

export interface CapacitySession {
  store: CapacityStore;
  runner: CapacityRunner;
}

/** What the guard needs of `window`. */
export interface UnloadTarget {
  addEventListener(type: 'beforeunload', fn: (e: Event) => void): void;
  removeEventListener(type: 'beforeunload', fn: (e: Event) => void): void;
}

const browserWindow = (): UnloadTarget | null =>
  typeof window === 'undefined' ? null : (window as UnloadTarget);

/**
 * While the store says a run is going, a beforeunload listener on `target`
 * asks the browser to confirm leaving the page. Returns the function that
 * stops guarding.
 */
export function guardUnload(
  store: CapacityStore,
  target: UnloadTarget | null = browserWindow(),
): () => void {
  if (!target) return () => {};
  const ask = (e: Event) => {
    e.preventDefault();
    try {
      // Older browsers ask only when returnValue is set (a plain Event's is read-only).
      (e as unknown as { returnValue: string }).returnValue = '';
    } catch {
      // preventDefault has asked already
    }
  };
  let on = false;
  const sync = (running: boolean) => {
    if (running === on) return;
    on = running;
    if (running) target.addEventListener('beforeunload', ask);
    else target.removeEventListener('beforeunload', ask);
  };
  sync(store.getState().status === 'running');
  const unsubscribe = store.subscribe((s) => sync(s.status === 'running'));
  return () => {
    unsubscribe();
    sync(false);
  };
}

/**
 * Keeps at most one session between visits to the lab. `open` hands out the
 * kept session (or keeps a new one), `attach` says its page is on screen,
 * `leave` that the page is gone.
 */
export class SessionKeeper {
  private session: (CapacitySession & { unguard: () => void }) | null = null;
  private onScreen = false;
  private stopWaiting: (() => void) | null = null;

  /**
   * The kept session, with the link's settings applied when they differ
   * and no run is going; else a new session from `make` (the link read by
   * it), kept from now on.
   */
  open(query: string, make: () => CapacitySession): CapacitySession {
    if (this.session) {
      applyLink(this.session, query);
      return this.session;
    }
    const made = make();
    this.session = { ...made, unguard: guardUnload(made.store) };
    return made;
  }

  /** The page showing the kept session is on screen. */
  attach(): void {
    this.onScreen = true;
    this.stopWaiting?.();
    this.stopWaiting = null;
  }

  /** The page showing `session` was left: keep it if a run goes on or it has results. */
  leave(session: CapacitySession): void {
    const kept = this.session;
    if (!kept || kept.store !== session.store) {
      session.runner.dispose(); // not the kept one (never happens from the page)
      return;
    }
    this.onScreen = false;
    const { runner, store } = kept;
    if (runner.running) {
      // The run goes on in its worker; free the worker once it is over.
      this.stopWaiting = store.subscribe((s) => {
        if (s.status === 'running') return;
        this.stopWaiting?.();
        this.stopWaiting = null;
        if (!this.onScreen) runner.releaseWorkers();
      });
    } else if (store.getState().ran) {
      runner.releaseWorkers();
    } else {
      this.session = null;
      kept.unguard();
      runner.dispose();
    }
  }

  /** Whether a session is kept (for tests). */
  get holding(): boolean {
    return this.session !== null;
  }
}

/**
 * Returning with a link: its settings replace the kept ones when they differ
 * (the results stay, captioned with what they were computed from); while a
 * run goes on they cannot, and the lab says so. A link with none of the
 * lab's keys (the bare route) keeps the settings as they are.
 */
function applyLink({ store }: CapacitySession, query: string): void {
  const wanted = readLink(query);
  const own = writeLink(wanted);
  const s = store.getState();
  if ((!own && wanted.linkErrors.length === 0) || own === writeLink(s)) return;
  if (s.status === 'running') {
    const title = experimentDef(s.experiment)?.title ?? s.experiment;
    say(
      store,
      'info',
      `Your ${title} run is still going, so the link’s settings were not applied. Cancel it (or let it finish) to change the settings.`,
    );
    return;
  }
  store.setState(wanted);
  if (wanted.linkErrors.length)
    say(store, 'warn', `Parts of the link could not be read: ${wanted.linkErrors.join(' ')}`);
}

/** The lab's one keeper: module state, so it outlives the page. */
export const capacitySessions = new SessionKeeper();
