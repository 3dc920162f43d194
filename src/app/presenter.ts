/**
 * Presenter mode (#13), for a lecture projected on a wall: `present=1` in
 * any page's link (home and every lab), or the header's Present button,
 * which adds or removes just that key and keeps the rest of the link.
 *
 * What it changes, all in CSS (app.css, "Presenter mode"), keyed on
 * `<html data-present>`:
 * - the root font size is max(20px, 1.25vw): 24 px at 1920 wide, 20 px on a
 *   1280x720 projector, and every rem-sized text grows with it;
 * - high contrast (black on white, darker lines and muted text);
 * - each lab's main picture (grid, map, curves) is drawn larger;
 * - during a lesson, the lab panels the step does not need are folded away.
 *
 * Folding, the interface with the lesson engine (src/engine/lessons.ts):
 * a lab marks its panels `data-panel="<id>"`; while a lesson step runs, the
 * engine sets `<html data-lesson-panels="id1 id2">` (the step's `panels`)
 * and removes it when the lesson ends. Here a MutationObserver writes one
 * style rule that hides every `[data-panel]` that is not listed and holds no
 * listed panel. Outside presenter mode, or in a step that lists no panels,
 * nothing is folded. Folding happens when a step starts, never while it
 * runs, so a running step does not move the page.
 */
import { useEffect } from 'react';
import { formatHash, parseHash, pieceKey, queryPieces } from '../core/paramLink';

/** The link key; `present=1` (or true/yes/on, or the bare key) turns the mode on. */
export const PRESENT_KEY = 'present';
const ON = ['', '1', 'true', 'yes', 'on'];

/** Whether a link's query asks for presenter mode. */
export function presentingIn(query: string): boolean {
  const piece = queryPieces(query)
    .filter((p) => pieceKey(p) === PRESENT_KEY)
    .pop();
  if (piece === undefined) return false;
  const eq = piece.indexOf('=');
  return ON.includes(eq < 0 ? '' : piece.slice(eq + 1).toLowerCase());
}

/** The query with presenter mode on (`present=1` last) or off (the key removed); the rest kept in order. */
export function withPresent(query: string, on: boolean): string {
  const rest = queryPieces(query).filter((p) => pieceKey(p) !== PRESENT_KEY);
  return [...rest, ...(on ? [`${PRESENT_KEY}=1`] : [])].join('&');
}

/** A `#/path?query` link with presenter mode set as given. */
export function hashWithPresent(hash: string, on: boolean): string {
  const { path, query } = parseHash(hash);
  return formatHash(path, withPresent(query, on));
}

/** The CSS rule that folds every lab panel not in `ids` (and holding none of them) away. */
export function foldRule(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const esc = (id: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id);
  const keep = ids
    .map((id) => `:not([data-panel="${esc(id)}"]):not(:has([data-panel="${esc(id)}"]))`)
    .join('');
  return `html[data-present][data-lesson-panels] [data-panel]${keep} { display: none !important; }`;
}

/** The ids in `<html data-lesson-panels>`, or [] when no lesson step names any. */
export function lessonPanels(root: HTMLElement): string[] {
  return (root.dataset.lessonPanels ?? '').split(/\s+/).filter(Boolean);
}

/** Turns presenter mode on the page on or off, and keeps the panel folding in step with lessons. */
export function usePresenterMode(present: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!present) {
      delete root.dataset.present;
      return;
    }
    root.dataset.present = '';
    const style = document.createElement('style');
    style.dataset.presenterFold = '';
    document.head.append(style);
    const update = () => {
      style.textContent = foldRule(lessonPanels(root));
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { attributes: true, attributeFilter: ['data-lesson-panels'] });
    return () => {
      observer.disconnect();
      style.remove();
      delete root.dataset.present;
    };
  }, [present]);
}
