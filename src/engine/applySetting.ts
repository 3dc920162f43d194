/**
 * A checked change of one setting, for a lab's "set" command (the Human
 * lab's two command tables use it): a problem found by the setting's range
 * check is said as a warning and changes nothing; an unchanged value leaves
 * the store alone.
 */
import type { StoreApi } from 'zustand';
import { say, type MessageStore, type WithMessages } from './messages';

export function applySetting<S extends WithMessages, K extends keyof S>(
  store: StoreApi<S> & MessageStore,
  key: K,
  value: S[K],
  problem: string | null,
  source: string,
): void {
  if (problem) {
    say(store, 'warn', problem, source);
    return;
  }
  if (store.getState()[key] === value) return;
  const patch: Partial<S> = {};
  patch[key] = value;
  store.setState(patch);
}
