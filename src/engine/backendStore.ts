/**
 * Which tfjs backend runs, for the badge on every page. The backend starts
 * once, when the first lab opens (`bootBackend`): the home page runs no
 * model, so it loads neither TensorFlow.js nor its WASM binary, and this
 * module imports them only on demand. A lost GPU device or a failed start
 * falls back, and the notes say so in words a visitor can read.
 */
import { createStore } from 'zustand/vanilla';
import { parseBackendParam, type BackendInfo } from './backendPlan';

export interface BackendState {
  /** 'idle': no lab has needed a backend yet. */
  status: 'idle' | 'starting' | 'ready' | 'failed';
  info: BackendInfo | null;
  error: string | null;
  /** Visitor-readable lines: fallbacks, a bad ?backend= value, a lost device. */
  notes: string[];
}

export const backendStore = createStore<BackendState>(() => ({
  status: 'idle',
  info: null,
  error: null,
  notes: [],
}));

let booted: Promise<BackendInfo | null> | null = null;
let tensorCount: () => number = () => 0;

/** Live tfjs tensors (0 before tfjs has loaded), for the tests' leak checks. */
export function liveTensors(): number {
  return tensorCount();
}

/** Starts the backend once; labs await `backendReady()` before tensor work. */
export function bootBackend(): Promise<BackendInfo | null> {
  if (booted) return booted;
  backendStore.setState({ status: 'starting' });
  booted = (async () => {
    const [{ initBackend, onBackendChange }, tf] = await Promise.all([
      import('./backend'),
      import('@tensorflow/tfjs-core'),
    ]);
    tensorCount = () => tf.memory().numTensors;
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
