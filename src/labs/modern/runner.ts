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
import { MNIST_PIXELS, sampleDigits, type MnistSet } from '../../data/mnist';
import { createRng } from '../../core/random';
import { loadDigitsAndBackend, onBackendSwitch } from '../../engine/digitsLab';
import { say } from '../../engine/messages';
import { watchFields } from '../../engine/watch';
import { effectiveBeta } from '../../models/modern/modernHopfield';
import { betaForSpread } from '../../models/modern/spread';
import { buildCue } from './cues';
import { makeLabMemory, StoreAbandoned, type LabMemory } from './labMemory';
import { MAX_BETA, MIN_BETA } from './params';
import { ownIndices, withOwnImages } from './pool';
import { readout } from './readout';
import type { ModernState, ModernStore } from './store';

/** Retrieval stops when no pixel moves by this much in one update. */
export const SETTLE_TOL = 1e-3;
/** Most updates one "Retrieve" takes. */
export const MAX_STEPS = 50;
/** From this many stored digits on, an update and its read-out run as two tasks. */
const SPLIT_STEP_AT = 2000;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
const d = MNIST_PIXELS;

/**
 * The middle-beta preset's spread: the cue's attention covers this many
 * stored digits, counted as 1 / sum p^2 (at most a quarter of those stored).
 */
export const MIDDLE_SPREAD = 10;

/** Settings that change what is stored: store again. */
export const MEMORY_FIELDS = ['k', 'classes', 'seed', 'own'] as const;
/** Settings that change the cue: make the cue again. */
export const CUE_FIELDS = [
  'source',
  'item',
  'region',
  'amount',
  'noise',
  'drawing',
  'frame',
] as const;
/** Settings that change the attention: retrieve again from the cue. */
export const TUNING_FIELDS = ['beta', 'scale'] as const;
/** The message sources (command ids) of what the runner says about the settings. */
const MEMORY_SOURCE = 'setMemory';
const CUE_SOURCE = 'setCue';

export class ModernRunner {
  /** The 10,000 MNIST digits. */
  set: MnistSet | null = null;
  /** What is stored from: the digits, then the visitor's own images (./pool). */
  pool: MnistSet | null = null;
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
      const t0 = performance.now();
      // The page renders the change (a new list of images) first; the copy below is a task of its own.
      await yieldToPage();
      if (moot()) return;
      const set = this.set!;
      const s = this.store.getState();
      const pool = withOwnImages(set, s.own);
      this.pool = pool;
      const digits = sampleDigits(pool, s.k, s.classes, createRng(s.seed));
      const own = ownIndices(pool, set.count);
      const stored = new Int32Array(digits.length + own.length);
      stored.set(digits);
      stored.set(own, digits.length);
      if (digits.length < s.k) {
        say(
          this.store,
          'info',
          `Classes ${s.classes.join(', ')} hold only ${digits.length} digits: storing all of them.`,
          MEMORY_SOURCE,
        );
      }
      this.freeMemory();
      try {
        // In slices that leave the page free (labMemory); a newer store ends this one.
        this.memory = await makeLabMemory(pool, stored, { stop: moot });
      } catch (e) {
        if (e instanceof StoreAbandoned) return;
        throw e;
      }
      this.write({
        stored,
        ownStored: own.length,
        storeMs: performance.now() - t0,
        engine: this.memory.engine,
      });
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

  /**
   * The middle-beta preset, for the current cue: the beta (1/sqrt(d) scaling
   * on) at which the cue's attention p = softmax(beta' X xi_0) spreads over
   * MIDDLE_SPREAD stored digits, n_eff = 1 / sum p^2, found by bisection
   * (models/modern/spread) and kept to 4 significant digits; then back to
   * the cue and ONE update, xi_1 = X^T p: the blend of those digits. It does
   * not go on to a fixed point: further updates move the state away from the
   * cue (Retrieve shows where).
   */
  middle(): Promise<void> {
    const gen = ++this.gen;
    return this.enqueue(async () => {
      const m = this.memory;
      const cue = this.store.getState().cue;
      if (!m || !cue || gen !== this.gen) return;
      const n = this.store.getState().stored.length;
      const target = Math.max(2, Math.min(MIDDLE_SPREAD, n / 4));
      const found = betaForSpread(await m.scores(cue), target);
      const raw = found.betaEff * Math.sqrt(d);
      const beta = Math.min(MAX_BETA, Math.max(MIN_BETA, Number(raw.toPrecision(4))));
      this.write({ beta, scale: 'sqrt' });
      await this.resetTo(gen);
      const at = this.store.getState().retrieval;
      if (!at || gen !== this.gen) return;
      this.write({
        middle: {
          beta,
          target,
          cue,
          nEff: at.nEff,
          maxWeight: at.maxWeight,
          classMass: at.classMass,
          reached: found.reached,
        },
      });
      await this.oneStep();
    });
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

  /** Computes the cue from the store's settings (./cues); false if there is none. */
  private makeCue(): boolean {
    const made = buildCue(this.pool!, this.set!.count, this.store.getState(), this.picks);
    if ('fallback' in made) {
      say(this.store, 'warn', made.message, CUE_SOURCE);
      this.write({ source: made.fallback, item: -1 });
      return this.makeCue();
    }
    this.write(made);
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

  /** Reads the state's attention, energy and nearest digit, and publishes them (./readout). */
  private async publish(
    q: Float32Array,
    steps: number,
    energySoFar: number[],
    change: number,
    stepMs: number,
  ): Promise<void> {
    const view = await this.memory!.view(q, this.betaEff());
    if (this.disposed) return;
    const s = this.store.getState();
    const retrieval = readout(view, q, this.pool!, this.set!.count, s, {
      steps,
      energy: [...energySoFar, view.energy],
      change,
      settled: change < SETTLE_TOL,
      stepMs,
    });
    this.write({ retrieval });
  }
}
