/**
 * Header links keep each lab's last settings: the query a lab last wrote
 * into the address (its settings, mirrored by the lab kit) is remembered
 * when the visitor leaves that lab, and the header's link back to it carries
 * it again. Kept for the browser tab (sessionStorage), so a reload keeps it
 * too; a full link a visitor opens always wins.
 */
import { parseHash } from '../core/paramLink';

const KEY = 'engram:last-links:v1';

function read(): Record<string, string> {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The hash that reopens a lab as the visitor left it (just the route when nothing is known). */
export function lastLink(path: string): string {
  const query = read()[path];
  return typeof query === 'string' && query ? `#${path}?${query}` : `#${path}`;
}

/** Remembers the current lab's query from the address bar; call before leaving it. */
export function rememberCurrent(): void {
  const { path, query } = parseHash(window.location.hash);
  if (path === '/') return;
  const links = read();
  links[path] = query;
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(links));
  } catch {
    // Storage full or blocked: the links just start from the lab's defaults.
  }
}
