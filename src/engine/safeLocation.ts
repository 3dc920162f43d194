/**
 * A link whose part before the `#` holds a malformed percent-escape (a stray
 * `%`, half a UTF-8 sequence) makes `decodeURIComponent` throw wherever a
 * library reads location.search (TensorFlow.js reads its flags from it when
 * it loads), which blanked the page. Engram repairs such a search string
 * once, before anything reads it: each piece that does not decode keeps its
 * text, with its `%` signs escaped, and the page says so.
 */

/** The search string with every undecodable piece's `%` escaped; `repaired` when one was. */
export function repairSearch(search: string): { search: string; repaired: boolean } {
  if (!search.includes('%')) return { search, repaired: false };
  const body = search.startsWith('?') ? search.slice(1) : search;
  let repaired = false;
  const pieces = body.split('&').map((piece) => {
    try {
      decodeURIComponent(piece.replace(/\+/g, ' '));
      return piece;
    } catch {
      repaired = true;
      return piece.replace(/%/g, '%25');
    }
  });
  return { search: (search.startsWith('?') ? '?' : '') + pieces.join('&'), repaired };
}

/**
 * Repairs window.location's search in place (history.replaceState, no
 * reload); returns a visitor-readable note when it changed anything.
 */
let note: string | null = null;

/** The note of the repair made at start-up, if any (the shell shows it). */
export function locationNote(): string | null {
  return note;
}

export function repairLocation(): string | null {
  const { search, repaired } = repairSearch(window.location.search);
  if (!repaired) return null;
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search + hash);
  note = 'The address had a malformed %-escape before the #; Engram read it as plain text.';
  return note;
}
