import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CapacityRunner } from './runner';
import type { CapacityState, CapacityStore } from './store';

export interface CapacityContext {
  store: CapacityStore;
  runner: CapacityRunner;
}

export const CapacityCtx = createContext<CapacityContext | null>(null);

export function useCapacityContext(): CapacityContext {
  const ctx = useContext(CapacityCtx);
  if (!ctx) throw new Error('useCapacityContext outside the Experiments lab');
  return ctx;
}

/** One slice of the lab store; re-renders only when it changes. */
export function useCapacity<T>(selector: (s: CapacityState) => T): T {
  return useStore(useCapacityContext().store, selector);
}

export function useCapacityShallow<T extends object>(selector: (s: CapacityState) => T): T {
  return useStore(useCapacityContext().store, useShallow(selector));
}
