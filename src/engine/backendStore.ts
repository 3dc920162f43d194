/**
 * Which tfjs backend runs, for the badge on every page. The app starts the
 * backend once at boot; a lost GPU device or a failed start falls back, and
 * the notes say so in words a visitor can read.
 */
import { createStore } from 'zustand/vanilla';
import { initBackend, onBackendChange, parseBackendParam, type BackendInfo } from './backend';

export interface BackendState {
  status: 'starting' | 'ready' | 'failed';
  info: BackendInfo | null;
  error: string | null;
  /** Visitor-readable lines: fallbacks, a bad ?backend= value, a lost device. */
  notes: string[];
}

export const backendStore = createStore<BackendState>(() => ({
  status: 'starting',
  info: null,
  error: null,
  notes: [],
}));

let booted: Promise<BackendInfo | null> | null = null;

/** Starts the backend once; labs await `backendReady()` before tensor work. */
export function bootBackend(): Promise<BackendInfo | null> {
  if (booted) return booted;
  booted = (async () => {
    const { forced, error } = parseBackendParam(
      window.location.search || window.location.hash.split('?')[1] || '',
    );
    const notes = error ? [error] : [];
    try {
      const info = await initBackend(forced);
      backendStore.setState({ status: 'ready', info, notes: [...notes, ...info.notes] });
      onBackendChange((next) =>
        backendStore.setState((s) => ({ info: next, notes: [...s.notes, ...next.notes] })),
      );
      return info;
    } catch (e) {
      backendStore.setState({
        status: 'failed',
        error: e instanceof Error ? e.message : String(e),
        notes,
      });
      return null;
    }
  })();
  return booted;
}

export const backendReady = bootBackend;
