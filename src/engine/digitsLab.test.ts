import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeMnist } from '../testing/fakeMnist';

const loads = vi.hoisted(() => ({ next: null as Error | null }));

vi.mock('../data/mnist', async (original) => ({
  ...(await original<typeof import('../data/mnist')>()),
  loadMnist: async () => {
    if (loads.next) throw loads.next;
    return { set: fakeMnist(), bytes: 1234, ms: 5, url: 'data/mnist-10k.bin' };
  },
}));
vi.mock('./backendStore', async (original) => ({
  ...(await original<typeof import('./backendStore')>()),
  backendReady: async () => null,
}));

const { loadDigitsAndBackend, onBackendSwitch } = await import('./digitsLab');
const { backendStore } = await import('./backendStore');

function statusStore() {
  const states: object[] = [];
  return { states, setState: (s: object) => void states.push(s) };
}

beforeEach(() => {
  loads.next = null;
});

describe('loadDigitsAndBackend', () => {
  it('says loading, then hands over the digits (ready is for the caller to say)', async () => {
    const store = statusStore();
    const load = await loadDigitsAndBackend(store, () => false);
    expect(load?.set.count).toBe(40);
    expect(store.states).toEqual([{ status: 'loading', loadError: null }]);
  });

  it('a failed load becomes the error state, with the message', async () => {
    loads.next = new Error('HTTP 404');
    const store = statusStore();
    expect(await loadDigitsAndBackend(store, () => false)).toBeNull();
    expect(store.states.at(-1)).toEqual({ status: 'error', loadError: 'HTTP 404' });
  });

  it('a lab left while loading gets nothing and its store is left alone', async () => {
    const store = statusStore();
    expect(await loadDigitsAndBackend(store, () => true)).toBeNull();
    loads.next = new Error('offline');
    expect(await loadDigitsAndBackend(store, () => true)).toBeNull();
    expect(store.states).toEqual([
      { status: 'loading', loadError: null },
      { status: 'loading', loadError: null },
    ]);
  });
});

describe('onBackendSwitch', () => {
  it('calls back when the running backend changes, not for other news, until unsubscribed', () => {
    const info = (name: 'wasm' | 'webgl') => ({ name, adapter: null, software: false, notes: [] });
    backendStore.setState({ status: 'ready', info: info('webgl') });
    const seen: string[] = [];
    const off = onBackendSwitch((name, label) => seen.push(`${name}:${label}`));
    backendStore.setState({ notes: ['a note'] });
    backendStore.setState({ info: info('webgl') });
    backendStore.setState({ info: info('wasm') });
    expect(seen).toEqual(['wasm:WASM']);
    off();
    backendStore.setState({ info: info('webgl') });
    expect(seen).toEqual(['wasm:WASM']);
  });
});
