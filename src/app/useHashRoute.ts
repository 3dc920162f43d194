import { useSyncExternalStore } from 'react';
import { parseHash } from '../core/paramLink';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const snapshot = () => window.location.hash;

/** The current hash route, e.g. "#/hopfield?rule=storkey" → { path, query }. */
export function useHashRoute(): { path: string; query: string } {
  const hash = useSyncExternalStore(subscribe, snapshot, snapshot);
  return parseHash(hash);
}
