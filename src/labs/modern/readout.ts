/**
 * What the page shows of one state: its attention p (from the lab memory's
 * view), the regime named from it, the top matches, the largest weights,
 * the attention per class (0..9, then the visitor's own images as class 10
 * when any are stored), the nearest stored digit and the cosine with the
 * cue's own digit.
 */
import { signedImage, type MnistSet } from '../../data/mnist';
import { cosine, regimeOf } from '../../models/modern/modernHopfield';
import type { LabView } from './labMemory';
import { YOURS } from './pool';
import type { Match, ModernState, Retrieval } from './store';

/** Top matches shown as thumbnails. */
const TOP = 8;
/** Largest weights in the bar chart. */
const SORTED = 40;

/**
 * The Retrieval for state q with attention `view`; `pool` holds the digits
 * (the first `digits`) then the visitor's images; `s` names what is stored
 * and cued; `progress` is the runner's (steps, energies, the last change).
 */
export function readout(
  view: LabView,
  q: Float32Array,
  pool: MnistSet,
  digits: number,
  s: Pick<ModernState, 'stored' | 'item' | 'truthPos'>,
  progress: Pick<Retrieval, 'steps' | 'energy' | 'change' | 'settled' | 'stepMs'>,
): Retrieval {
  const p = view.attention;
  const reg = regimeOf(p);
  const order = topIndices(p, SORTED);
  const match = (pos: number): Match => ({
    pos,
    item: s.stored[pos],
    label: pool.labels[s.stored[pos]],
    weight: p[pos],
  });
  const classMass = new Array<number>(pool.count > digits ? YOURS + 1 : 10).fill(0);
  for (let i = 0; i < p.length; i++) classMass[pool.labels[s.stored[i]]] += p[i];
  const truth = s.item >= 0 && s.item < pool.count ? signedImage(pool, s.item) : null;
  return {
    ...progress,
    state: Float32Array.from(q),
    regime: reg.regime,
    nEff: reg.nEff,
    maxWeight: reg.maxWeight,
    top: order.slice(0, TOP).map(match),
    sorted: order.map((i) => p[i]),
    classMass,
    ownWeight: s.truthPos !== null ? p[s.truthPos] : null,
    nearest: match(view.nearest),
    cosineTruth: truth ? cosine(q, truth) : null,
  };
}

/** Indices of the k largest values, largest first. */
export function topIndices(p: ArrayLike<number>, k: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (idx.length < k) {
      idx.push(i);
      if (idx.length === k) idx.sort((a, b) => p[b] - p[a]);
    } else if (p[i] > p[idx[k - 1]]) {
      let j = k - 1;
      while (j > 0 && p[idx[j - 1]] < p[i]) {
        idx[j] = idx[j - 1];
        j--;
      }
      idx[j] = i;
    }
  }
  if (idx.length < k) idx.sort((a, b) => p[b] - p[a]);
  return idx;
}
