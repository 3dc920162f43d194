/**
 * What steps 2 and 4 put on screen, computed from the runner's data: the
 * replays so far as the visitor sees them, and the held-out digits' place
 * on the latent map.
 */
import type { Pace } from '../../core/pace';
import type { ImageSet } from '../../models/consolidation/consolidation';
import { expectedCoverage } from '../../models/consolidation/replay';
import { pca } from '../../models/consolidation/pca';
import type { Vae } from '../../models/consolidation/vae';
import type { MapFrame, ReplayView } from './store';

/** Replays shown as pictures. */
export const SHOWN = 24;

/**
 * The first `done` replays (d values each, laid end to end) and their
 * episodes: the first SHOWN of them, how many episodes they cover against
 * what uniform draws would, the replays per digit class against the stored
 * episodes per class, the most replays of one episode, and the time since
 * `t0` (ms). `exact` is left NaN until the run ends.
 */
export function replayView(
  episodes: ImageSet,
  done: number,
  replays: Float32Array,
  episode: Int32Array,
  t0: number,
): ReplayView {
  const d = episodes.d;
  const times = new Map<number, number>();
  for (const e of episode.subarray(0, done)) times.set(e, (times.get(e) ?? 0) + 1);
  const classes = Math.max(0, ...episodes.labels) + 1;
  const byDigit = Array.from({ length: classes }, () => ({ stored: 0, replayed: 0 }));
  for (const l of episodes.labels) byDigit[l].stored++;
  for (const [e, k] of times) byDigit[episodes.labels[e]].replayed += k;
  const shown = Math.min(SHOWN, done);
  return {
    images: Array.from({ length: shown }, (_, i) => replays.slice(i * d, (i + 1) * d)),
    episodes: Array.from(episode.subarray(0, shown)),
    labels: Array.from(episode.subarray(0, shown), (e) => episodes.labels[e]),
    count: done,
    distinct: times.size,
    coverage: times.size / episodes.n,
    expectedCoverage: expectedCoverage(episodes.n, done),
    exact: NaN,
    byDigit,
    mostOfOne: Math.max(0, ...times.values()),
    ms: performance.now() - t0,
  };
}

/**
 * The held-out latent means on the plane (n x 2): directly when L = 2, else
 * their first two principal components, signs aligned with `prev` (the last
 * frame's PCA) so the map does not flip between epochs. `pace` paces the
 * pass over the digits.
 */
export async function latentMap(
  vae: Vae,
  h: ImageSet,
  prev: MapFrame['pca'] | undefined,
  pace?: Pace,
): Promise<{ points: Float32Array; frame: MapFrame }> {
  const l = vae.config.latentSize;
  const means = await vae.encodeMeans(h.images, h.n, pace);
  if (l <= 2) return { points: means, frame: { latentSize: l, pca: null } };
  const reference = prev?.components.length === 2 * l ? prev.components : undefined;
  const p = pca(means, h.n, l, { k: 2, reference });
  const [v1, v2] = p.explainedVarianceRatio;
  return {
    points: p.projections,
    frame: { latentSize: l, pca: { mean: p.mean, components: p.components, explained: [v1, v2] } },
  };
}
