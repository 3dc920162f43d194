import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Explorer } from './explorer';
import type { ConsolidationRunner } from './runner';
import type { ConsolidationState, ConsolidationStore } from './store';

export interface LabContext {
  store: ConsolidationStore;
  runner: ConsolidationRunner;
  explorer: Explorer;
}

export const LabCtx = createContext<LabContext | null>(null);

export function useLabContext(): LabContext {
  const ctx = useContext(LabCtx);
  if (!ctx) throw new Error('useLabContext outside the Consolidation lab');
  return ctx;
}

export function useLab<T>(selector: (s: ConsolidationState) => T): T {
  return useStore(useLabContext().store, selector);
}
