/**
 * Runners keep themselves in step with the store: a runner names the fields
 * that change its network (rule, patterns, size, ...) and is told when any
 * of them changes, whoever changed it, so no view or command has to remember
 * to invalidate it.
 */

interface Watchable<S> {
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

/** Calls `onChange` after every store change in which one of `fields` is a new value. */
export function watchFields<S, K extends keyof S>(
  store: Watchable<S>,
  fields: readonly K[],
  onChange: (state: S, prev: S) => void,
): () => void {
  return store.subscribe((state, prev) => {
    if (fields.some((f) => state[f] !== prev[f])) onChange(state, prev);
  });
}
