/**
 * The Modern Hopfield lab's engine: owns the digits, the stored patterns (a
 * LabMemory: SIMD kernels on a CPU backend, tfjs tensors on a GPU one; made
 * once per stored set and disposed on a new set, a backend change or
 * leaving the lab) and the current state, and publishes what the visitor
 * sees to the store.
 *
 * It keeps itself in step with the store: a change of what is stored (K,
 * classes, seed) stores again, a change of the cue makes a new cue, a
 * change of beta or the scaling retrieves again from the cue, whoever made
 * the change (a command, a link, a test). Its own writes (the digit it
 * picked for the cue) do not count as changes.
 *
 * Work is serialised: each request (store, new cue, step, retrieve) waits
 * for the previous one, and a newer request that changes the setting
 * (generation) makes an older retrieval stop at its next step. Storing runs
 * in slices that yield to the page (labMemory), and a newer store (K moved
 * again) makes an older one stop at its next slice. Tensors are read back
 * only with await data().
 */
import {
  MNIST_PIXELS,
  MNIST_SIDE,
  sampleDigits,
  signedImage,
  type MnistSet,
} from '../../data/mnist';
import { createRng } from '../../core/random';
import { loadDigitsAndBackend, onBackendSwitch } from '../../engine/digitsLab';
import { say } from '../../engine/messages';
import { watchFields } from '../../engine/watch';
import { makeCue } from '../../models/modern/imageCue';
import { cosine, effectiveBeta, regimeOf } from '../../models/modern/modernHopfield';
import { makeLabMemory, StoreAbandoned, type LabMemory } from './labMemory';
import type { Match, ModernState, ModernStore, Retrieval } from './store';

/** Retrieval stops when no pixel moves by this much in one update. */
export const SETTLE_TOL = 1e-3;
/** Most updates one "Retrieve" takes. */
export const MAX_STEPS = 50;
const TOP = 8;
/** From this many stored digits on, an update and its read-out run as two tasks. */
const SPLIT_STEP_AT = 2000;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
const SORTED = 40;
const d = MNIST_PIXELS;

/** Settings that change what is stored: store again. */
export const MEMORY_FIELDS = ['k', 'classes', 'seed'] as const;
/** Settings that change the cue: make the cue again. */
export const CUE_FIELDS = ['source', 'item', 'region', 'amount', 'noise', 'drawing'] as const;
/** Settings that change the attention: retrieve again from the cue. */
export const TUNING_FIELDS = ['beta', 'scale'] as const;
/** The message sources (command ids) of what the runner says about the settings. */
const MEMORY_SOURCE = 'setMemory';
const CUE_SOURCE = 'setCue';

export class ModernRunner {
  set: MnistSet | null = null;
  private memory: LabMemory | null = null;
  private current: Float32Array | null = null;
  private gen = 0;
  /** Counts the stores asked for: a store that a newer one makes moot stops at its next slice. */
  private storeGen = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private unsubBackend: (() => void) | null = null;
  private readonly unwatch: () => void;
  /** True while the runner writes the store itself (its writes are not setting changes). */
  private writing = false;
  private picks = 0;

  constructor(readonly store: ModernStore) {
    const changed = (s: ModernState, prev: ModernState, fields: readonly (keyof ModernState)[]) =>
      fields.some((f) => s[f] !== prev[f]);
    this.unwatch = watchFields(
      store,
      [...MEMORY_FIELDS, ...CUE_FIELDS, ...TUNING_FIELDS],
      (s, prev) => {
        if (this.writing || !this.set) return;
        if (changed(s, prev, MEMORY_FIELDS)) void this.restore();
        else if (changed(s, prev, CUE_FIELDS)) void this.recue();
        else void this.retune();
      },
    );
  }

  /** Loads the digits and the backend, stores the digits, makes the cue and retrieves. */
  async start(): Promise<void> {
    const load = await loadDigitsAndBackend(this.store, () => this.disposed);
    if (!load) return;
    this.set = load.set;
    this.store.setState({ status: 'ready', loadInfo: { bytes: load.bytes, ms: load.ms } });
    // Tensors on the old backend are gone: store the digits again (after the running job).
    this.unsubBackend ??= onBackendSwitch(() => void this.restore());
    await this.restore();
  }

  /** Writes the store as the runner (the watch above ignores these writes). */
  private write(patch: Partial<ModernState>): void {
    this.writing = true;
    try {
      this.store.setState(patch);
    } finally {
      this.writing = false;
    }
  }

  /** Runs `job` after the queued ones; errors become a visible message. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.disposed || !this.set) return;
      this.write({ busy: true });
      try {
        await job();
      } catch (e) {
        if (!this.disposed) say(this.store, 'error', `Retrieval failed: ${(e as Error).message}`);
      } finally {
        if (!this.disposed) this.write({ busy: false });
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stores K digits of the chosen classes (seeded), then makes the cue and retrieves. */
  restore(): Promise<void> {
    const gen = ++this.gen;
    const storeGen = ++this.storeGen;
    const moot = () => this.disposed || storeGen !== this.storeGen;
    return this.enqueue(async () => {
      if (moot()) return;
      const set = this.set!;
      const s = this.store.getState();
      const t0 = performance.now();
      const stored = sampleDigits(set, s.k, s.classes, createRng(s.seed));
      if (stored.length < s.k) {
        say(
          this.store,
          'info',
          `Classes ${s.classes.join(', ')} hold only ${stored.length} digits: storing all of them.`,
          MEMORY_SOURCE,
        );
      }
      this.freeMemory();
      try {
        // In slices that leave the page free (labMemory); a newer store ends this one.
        this.memory = await makeLabMemory(set, stored, { stop: moot });
      } catch (e) {
        if (e instanceof StoreAbandoned) return;
        throw e;
      }
      this.write({ stored, storeMs: performance.now() - t0, engine: this.memory.engine });
      await yieldToPage(); // the last slice of storing and the first read-out: two tasks
      await this.cueAndRetrieve(gen);
    });
  }

  /** Rebuilds the cue from the settings (same digit unless it no longer fits) and retrieves. */
  recue(): Promise<void> {
    const gen = ++this.gen;
    return this.enqueue(() => this.cueAndRetrieve(gen));
  }

  /** Picks a different digit for the cue (stored or not, as the source says) and retrieves. */
  newDigit(): Promise<void> {
    this.picks++;
    this.write({ item: -1 });
    return this.recue();
  }

  /** Back to the cue, no steps taken. */
  reset(): Promise<void> {
    const gen = ++this.gen;
    return this.enqueue(() => this.resetTo(gen));
  }

  /** One update xi <- X softmax(beta' X^T xi). */
  step(): Promise<void> {
    const gen = this.gen;
    return this.enqueue(async () => {
      if (gen === this.gen) await this.oneStep();
    });
  }

  /** Updates until the state settles (or MAX_STEPS). */
  settle(): Promise<void> {
    const gen = this.gen;
    return this.enqueue(() => this.settleFrom(gen));
  }

  /** After beta or the scale changed: back to the cue and retrieve again. */
  retune(): Promise<void> {
    const gen = ++this.gen;
    return this.enqueue(async () => {
      await this.resetTo(gen);
      await this.settleFrom(gen);
    });
  }

  /** Resolves when every job queued so far has run (for tests and lessons). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.gen++;
    this.unwatch();
    this.unsubBackend?.();
    // Wait for a running job to finish with the tensors before freeing them.
    void this.queue.then(() => this.freeMemory());
  }

  /** Frees the stored digits (after a backend change their tensors may be gone already). */
  private freeMemory(): void {
    try {
      this.memory?.dispose();
    } catch {
      // the old backend took its tensors with it
    }
    this.memory = null;
    this.current = null;
  }

  private async cueAndRetrieve(gen: number): Promise<void> {
    if (!this.makeCue()) return;
    await this.resetTo(gen);
    await this.settleFrom(gen);
  }

  /** Computes the cue from the store's settings; false (with a message) if there is none. */
  private makeCue(): boolean {
    const set = this.set!;
    const s = this.store.getState();
    const storedSet = new Set(s.stored);
    let item = s.item;
    let image: Float32Array;
    if (s.source === 'drawn') {
      image = new Float32Array(d);
      for (let k = 0; k < d; k++) image[k] = 2 * s.drawing[k] - 1;
      item = -1;
    } else {
      const wantStored = s.source === 'stored';
      const fits = (i: number) => i >= 0 && i < set.count && storedSet.has(i) === wantStored;
      if (!fits(item)) {
        const rng = createRng(s.seed * 31 + this.picks);
        if (wantStored) item = s.stored[rng.int(s.stored.length)];
        else {
          const pool: number[] = [];
          const classes = new Set(s.classes);
          for (let i = 0; i < set.count; i++) {
            if (!storedSet.has(i) && classes.has(set.labels[i])) pool.push(i);
          }
          if (pool.length === 0) {
            for (let i = 0; i < set.count; i++) if (!storedSet.has(i)) pool.push(i);
          }
          if (pool.length === 0) {
            say(
              this.store,
              'warn',
              'Every digit is stored, so there is no unstored digit to cue with. Store fewer, or draw one.',
              CUE_SOURCE,
            );
            this.write({ source: 'stored' });
            return this.makeCue();
          }
          item = pool[rng.int(pool.length)];
        }
      }
      image = signedImage(set, item);
    }
    const cue = makeCue(
      image,
      MNIST_SIDE,
      MNIST_SIDE,
      { region: s.region, amount: s.amount, noise: s.noise },
      createRng(s.seed * 7919 + Math.max(0, item)),
    );
    const pos = item >= 0 ? s.stored.indexOf(item) : -1;
    this.write({ cue, item, truthPos: pos >= 0 ? pos : null });
    return true;
  }

  private betaEff(): number {
    const s = this.store.getState();
    return effectiveBeta(s.beta, d, s.scale);
  }

  private async resetTo(gen: number): Promise<void> {
    const cue = this.store.getState().cue;
    if (!cue || !this.memory || gen !== this.gen) return;
    this.current = Float32Array.from(cue);
    await this.publish(this.current, 0, [], Infinity, 0);
  }

  private async settleFrom(gen: number): Promise<void> {
    for (let k = 0; k < MAX_STEPS && gen === this.gen && !this.disposed; k++) {
      const r = this.store.getState().retrieval;
      if (r?.settled) return;
      await this.oneStep();
      await yieldToPage(); // let the page paint between updates
    }
  }

  private async oneStep(): Promise<void> {
    const m = this.memory;
    const cur = this.current;
    const before = this.store.getState().retrieval;
    if (!m || !cur || !before) return;
    const t0 = performance.now();
    const next = await m.step(cur, this.betaEff());
    const stepMs = performance.now() - t0;
    let dv = 0;
    for (let k = 0; k < d; k++) dv = Math.max(dv, Math.abs(next[k] - cur[k]));
    this.current = next;
    // With thousands stored, the update and the read-out (a second product, the
    // attention's top digits, the page's render) are two tasks, not one long one.
    if (this.store.getState().stored.length >= SPLIT_STEP_AT) await yieldToPage();
    await this.publish(next, before.steps + 1, before.energy, dv, stepMs);
  }

  /** Reads the state's attention, energy and nearest digit, and publishes them. */
  private async publish(
    q: Float32Array,
    steps: number,
    energySoFar: number[],
    change: number,
    stepMs: number,
  ): Promise<void> {
    const m = this.memory!;
    const set = this.set!;
    const s = this.store.getState();
    const view = await m.view(q, this.betaEff());
    if (this.disposed) return;
    const p = view.attention;
    const state = q;
    const reg = regimeOf(p);
    const order = topIndices(p, SORTED);
    const match = (pos: number): Match => ({
      pos,
      item: s.stored[pos],
      label: set.labels[s.stored[pos]],
      weight: p[pos],
    });
    const classMass = new Array<number>(10).fill(0);
    for (let i = 0; i < p.length; i++) classMass[set.labels[s.stored[i]]] += p[i];
    const truth = s.item >= 0 ? signedImage(set, s.item) : null;
    const retrieval: Retrieval = {
      state: Float32Array.from(state),
      steps,
      energy: [...energySoFar, view.energy],
      change,
      settled: change < SETTLE_TOL,
      regime: reg.regime,
      nEff: reg.nEff,
      maxWeight: reg.maxWeight,
      top: order.slice(0, TOP).map(match),
      sorted: order.map((i) => p[i]),
      classMass,
      ownWeight: s.truthPos !== null ? p[s.truthPos] : null,
      nearest: match(view.nearest),
      cosineTruth: truth ? cosine(state, truth) : null,
      stepMs,
    };
    this.write({ retrieval });
  }
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
