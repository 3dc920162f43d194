import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createSpeedLoop, FPS } from './speedLoop';

describe('createSpeedLoop', () => {
  it('steps speed / FPS a frame and follows the store until unwatched', () => {
    const store = createStore<{ speed: number }>(() => ({ speed: 2 * FPS }));
    const noFrames = { schedule: () => 0, cancel: () => {} };
    const { loop, unwatchSpeed } = createSpeedLoop(store, 'speed', () => true, noFrames);
    expect(loop.speed).toBe(2);
    store.setState({ speed: FPS / 2 });
    expect(loop.speed).toBe(0.5);
    unwatchSpeed();
    store.setState({ speed: 3 * FPS });
    expect(loop.speed).toBe(0.5);
    loop.dispose();
  });
});
