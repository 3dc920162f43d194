import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../../models/consolidation/consolidation';
import { replayView } from './views';

describe('replayView', () => {
  // 5 stored episodes of 2 pixels: classes 0, 0, 1, 2, 2.
  const episodes: ImageSet = {
    n: 5,
    d: 2,
    images: new Float32Array(10),
    labels: Uint8Array.from([0, 0, 1, 2, 2]),
  };
  const episode = Int32Array.from([0, 0, 0, 3, 1, 4, 9]);
  const replays = new Float32Array(episode.length * 2);

  it('counts replays per digit class against the stored episodes, and the most of one episode', () => {
    const v = replayView(episodes, 6, replays, episode, performance.now());
    expect(v.byDigit).toEqual([
      { stored: 2, replayed: 4 },
      { stored: 1, replayed: 0 },
      { stored: 2, replayed: 2 },
    ]);
    expect(v.mostOfOne).toBe(3);
    expect(v.distinct).toBe(4);
    expect(v.coverage).toBeCloseTo(4 / 5);
  });

  it('only counts the replays done so far', () => {
    const v = replayView(episodes, 2, replays, episode, performance.now());
    expect(v.byDigit.map((k) => k.replayed)).toEqual([2, 0, 0]);
    expect(v.mostOfOne).toBe(2);
    expect(v.count).toBe(2);
  });
});
