/**
 * What a lab that computes on the MNIST digits does before its first
 * result, written once: wait for the digits and the maths backend together,
 * with the page's loading and error states, and hear when the backend
 * changes underneath it (a lost GPU device falls back), since tensors made
 * on the old backend are gone and must be made again.
 */
import { loadMnist, type MnistLoad } from '../data/mnist';
import { BACKEND_LABEL, type BackendName } from './backendPlan';
import { backendReady, backendStore } from './backendStore';

/** The fields of a lab store that say whether the lab is still loading. */
export interface LoadingFields {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
}

interface LoadingStore {
  setState(partial: Partial<LoadingFields>): void;
}

/**
 * Sets `status: 'loading'`, then waits for the 10,000 digits and the
 * backend. Resolves to the digits; or to null when loading failed (the
 * store then says `status: 'error'` with a visitor-readable `loadError`,
 * and a later call tries again) or when `gone()` says the lab was left
 * meanwhile (the store is not touched then). It does not set 'ready': the
 * caller may have more to load first.
 */
export async function loadDigitsAndBackend(
  store: LoadingStore,
  gone: () => boolean,
): Promise<MnistLoad | null> {
  store.setState({ status: 'loading', loadError: null });
  try {
    const [load] = await Promise.all([loadMnist(), backendReady()]);
    return gone() ? null : load;
  } catch (e) {
    if (!gone()) store.setState({ status: 'error', loadError: (e as Error).message });
    return null;
  }
}

/**
 * Calls `onSwitch` with the new backend's name and label (e.g. 'WASM')
 * whenever the running backend changes from the one running now. Returns
 * the unsubscribe function.
 */
export function onBackendSwitch(onSwitch: (name: BackendName, label: string) => void): () => void {
  let backend = backendStore.getState().info?.name;
  return backendStore.subscribe((s) => {
    if (!s.info || s.info.name === backend) return;
    backend = s.info.name;
    onSwitch(s.info.name, BACKEND_LABEL[s.info.name]);
  });
}
