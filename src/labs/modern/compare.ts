/**
 * Classic vs modern in the lab: the binarised digits both networks store,
 * and the accuracy sweep, run in slices of about 12 ms between which the
 * page gets the main thread back (progress bar, cancel), so it never freezes.
 */
import { bipolarImage, MNIST_PIXELS, sampleDigits, type MnistSet } from '../../data/mnist';
import { createRng } from '../../core/random';
import {
  logCounts,
  sweep,
  type SweepOptions,
  type SweepProgress,
} from '../../models/modern/classicVsModern';
import type { Bipolar, PatternMatrix } from '../../core/pattern';
import type { ModernStore } from './store';

/** K binarised digits of the chosen classes (seeded apart from the main store's sample). */
export function binaryDigits(
  set: MnistSet,
  k: number,
  classes: readonly number[],
  seed: number,
): { x: PatternMatrix; items: Int32Array } {
  const items = sampleDigits(set, k, classes, createRng(seed * 104_729 + 17));
  const data = new Int8Array(items.length * MNIST_PIXELS);
  items.forEach((i, r) => data.set(bipolarImage(set, i), r * MNIST_PIXELS));
  return { x: { n: items.length, d: MNIST_PIXELS, data: data as Bipolar }, items };
}

export const SWEEP_COUNTS = logCounts(2, 300, 9);
export const SWEEP_TRIALS = 20;
const SLICE_MS = 12;

/**
 * The accuracy sweep of one lab page: results go to the store as they
 * come; cancel stops it after the slice that is running, leaving the lab
 * stops it for good.
 */
export class CompareSweep {
  private cancelled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: ModernStore) {}

  /** Starts the sweep over SWEEP_COUNTS digits of `set` (nothing while one runs). */
  start(set: MnistSet | null): void {
    const s = this.store.getState();
    if (!set || s.sweep?.running) return;
    const pool = binaryDigits(set, set.count, s.classes, s.seed).x;
    const opts: SweepOptions = {
      counts: SWEEP_COUNTS.filter((k) => k <= pool.n),
      trials: SWEEP_TRIALS,
      cue: s.compareCue,
      amount: s.compareAmount,
      width: 28,
      seed: s.seed,
      beta: s.beta,
      scale: s.scale,
    };
    const caption =
      `${opts.trials} cues per point, ${opts.cue === 'flip' ? 'flipping' : 'hiding (as −1)'} ` +
      `${Math.round(opts.amount * 100)} % of the pixels; modern β = ${s.beta} ` +
      `(${s.scale === 'sqrt' ? 'scaled by 1/√d' : 'unscaled'}); seed ${s.seed}`;
    const gen = sweep(pool, opts);
    const total = opts.counts.length * opts.trials;
    let latest: SweepProgress | null = null;
    this.cancelled = false;
    this.store.setState({ sweep: { running: true, done: 0, total, points: [], caption } });
    const slice = () => {
      if (this.cancelled) {
        this.store.setState((st) => ({ sweep: st.sweep && { ...st.sweep, running: false } }));
        return;
      }
      const t0 = performance.now();
      let next: IteratorResult<SweepProgress>;
      do {
        next = gen.next();
        if (!next.done) latest = next.value;
      } while (!next.done && performance.now() - t0 < SLICE_MS);
      const p = latest;
      this.store.setState((st) => ({
        sweep: st.sweep && {
          ...st.sweep,
          running: !next.done,
          done: p ? p.done : 0,
          points: p ? [...p.points] : [],
        },
      }));
      if (!next.done) this.timer = setTimeout(slice, 0);
    };
    this.timer = setTimeout(slice, 0);
  }

  /** Stops after the slice now running; the points so far stay. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Leaving the lab: no further slice runs. */
  dispose(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
  }
}
