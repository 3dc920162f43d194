/**
 * Two chores every lab page does: mirror its store into the link (so a
 * copied URL reproduces the view), and bind its one-key shortcuts. Browser
 * only; each returns a function that undoes it.
 */
import { changedIn, pick, type ParamTable, type ParamValues } from '../core/params';
import { formatHash, parseHash, pieceKey, queryPieces, updateQuery } from '../core/paramLink';
import { runKey, type CommandTable } from './commands';
import { inLesson } from './lessons';

interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

/** Keys the app shell owns in every page's link (presenter mode, #13): a lab's rewrite keeps them. */
export const SHELL_KEYS = ['present'];

/** `next` with the SHELL_KEYS pieces of `current` added where `next` lacks them (last, in order). */
export function keepShellKeys(current: string, next: string): string {
  const has = new Set(queryPieces(next).map(pieceKey));
  const kept = queryPieces(current).filter(
    (p) => SHELL_KEYS.includes(pieceKey(p)) && !has.has(pieceKey(p)),
  );
  return [next, ...kept].filter(Boolean).join('&');
}

/**
 * Writes `#<path>?<query(state)>` (plus the shell's keys, SHELL_KEYS) with history.replaceState (no new history
 * entry, no hashchange) `delayMs` after the last change for which
 * `when(state, prev)` holds (default: every change).
 */
export function mirrorToLink<S>(
  store: Subscribable<S>,
  path: string,
  query: (state: S) => string,
  { delayMs = 250, when }: { delayMs?: number; when?: (state: S, prev: S) => boolean } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state, prev) => {
    if (when && !when(state, prev)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // The visitor may have gone to another page before the lab has unmounted:
      // never write this lab's link over theirs.
      if (parseHash(window.location.hash).path !== path) return;
      // A lesson's scratch state is not the visitor's: the link names the lesson step instead.
      if (inLesson(store)) return;
      const current = parseHash(window.location.hash).query;
      const hash = formatHash(path, keepShellKeys(current, query(store.getState())));
      if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
    }, delayMs);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/**
 * Calls `run(key)` for plain key presses (no Ctrl, Meta or Alt, no repeats)
 * outside form fields; a press `run` handles (returns true) is not passed on.
 */
export function bindShortcuts(run: (key: string) => boolean): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const el = e.target as HTMLElement | null;
    if (el?.closest?.('input, select, textarea, [contenteditable="true"]')) return;
    if (run(e.key)) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

/**
 * The link and keys of a lab whose link is its parameter table: the link
 * holds the table's fields (the query's other keys kept), is rewritten only
 * when one of them changes, and a plain key runs the command bound to it.
 * Spread into the lab's lifecycle (engine/lab LabLifecycle).
 */
export function tableLinkAndKeys<T extends ParamTable, Ctx>(
  table: T,
  commands: CommandTable<Ctx>,
  ctx: Ctx,
) {
  return {
    linkQuery: (s: Partial<ParamValues<T>>, current: string) =>
      updateQuery(current, table, pick(table, s)),
    linkWhen: (s: object, prev: object) => changedIn(table, s, prev),
    onKey: (key: string) => runKey(commands, ctx, key),
  };
}
