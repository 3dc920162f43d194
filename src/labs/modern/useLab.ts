import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LabContext } from './commands';
import type { ModernState } from './store';

export const LabCtx = createContext<LabContext | null>(null);

export function useLabContext(): LabContext {
  const ctx = useContext(LabCtx);
  if (!ctx) throw new Error('useLabContext outside the Modern Hopfield lab');
  return ctx;
}

/** Reads one slice of the lab store; the component re-renders only when it changes. */
export function useLab<T>(selector: (s: ModernState) => T): T {
  return useStore(useLabContext().store, selector);
}

export function useLabShallow<T extends object>(selector: (s: ModernState) => T): T {
  return useStore(useLabContext().store, useShallow(selector));
}
