/**
 * What recall waits for before it starts on a big network, the part of
 * the runner (runner.ts) that works in the background: learning the weights
 * in the worker (learnClient.ts) with progress, dropped when the memory
 * changes meanwhile, and the first field pass of a big dense W in chunks
 * (fieldsPass.ts). Small networks, and Node, skip both.
 */
import { stack, type Bipolar, type PatternMatrix } from '../../core/pattern';
import { say } from '../../engine/messages';
import type { LearnOptions, Network } from '../../models/classic/hopfield';
import { needsPacedFields, pacedFields } from './fieldsPass';
import { CancelledError, type Learner, type LearnTask } from './learnClient';
import { learnsInWorker } from './learnJob';
import type { HopfieldState, HopfieldStore } from './store';

/** The settings of the current rule only (so changing another rule's setting relearns nothing). */
export function learnOptions(st: HopfieldState): LearnOptions {
  switch (st.rule) {
    case 'storkey':
      return { diagonal: st.diagonal };
    case 'krauth-mezard':
      return { margin: st.margin };
    case 'unlearning':
      return { dreams: st.dreams * st.patterns.length, epsilon: st.epsilon, seed: st.seed };
    case 'dense-am':
      return { power: st.power };
    default:
      return {};
  }
}

/** The cache key and the pattern matrix of the current memory. */
export function memoryOf(st: HopfieldState): { key: string; x: PatternMatrix; opts: LearnOptions } {
  const opts = learnOptions(st);
  const { rule, patterns, size } = st;
  const key = `${rule}:${JSON.stringify(opts)}:${size}:${patterns.map((p) => p.id).join(',')}`;
  const x = stack(
    patterns.map((p) => p.cells as Bipolar),
    size * size,
  );
  return { key, x, opts };
}

export abstract class RecallPreparation {
  protected cache: { key: string; net: Network; x: PatternMatrix } | null = null;
  /** Learning in the worker, and what to do once it is done (then: play or one step). */
  protected pending: { key: string; task: LearnTask; then: 'play' | 'step' } | null = null;
  /** The first fields of a big dense recall, computed in chunks (fieldsPass.ts), for this state. */
  protected fields: { net: Network; state: Int8Array; h: Float64Array } | null = null;
  /** Bumped whenever the memory or the grid changes: a field pass under way is then dropped. */
  protected fieldsToken = 0;
  protected fieldsBusy = false;

  /** True while the weights are being learned in the worker. */
  get learning(): boolean {
    return this.pending !== null;
  }

  /**
   * Starts learning in the worker when recall needs a network that is not
   * learned yet and would take long on the page; `then` runs once it is
   * learned (unless the memory changed meanwhile: that result is dropped).
   * Returns true when recall has to wait.
   */
  protected learnFirst(then: 'play' | 'step'): boolean {
    if (this.pending) {
      this.pending.then = then;
      return true;
    }
    const s = this.store.getState();
    if (!this.learner || s.patterns.length === 0) return false;
    if (this.recalling && (s.phase === 'paused' || s.phase === 'running')) return false;
    let memory;
    try {
      memory = memoryOf(s);
    } catch {
      return false; // recall reports it
    }
    const { key, x, opts } = memory;
    if (this.cache?.key === key || !learnsInWorker(s.rule, x.n, x.d, opts)) return false;
    const task = this.learner.learn(s.rule, x, opts, (f) => {
      if (this.pending?.task === task) this.write({ learnProgress: f });
    });
    this.pending = { key, task, then };
    this.write({ phase: 'learning', learnProgress: 0 });
    task.promise.then(
      (net) => {
        if (this.pending?.task !== task) return; // stale: dropped
        const next = this.pending.then;
        this.pending = null;
        this.cache = { key, net, x };
        this.write({ phase: 'idle', learnProgress: 0 });
        if (next === 'play') this.play();
        else this.stepOnce();
      },
      (e: unknown) => {
        if (this.pending?.task !== task) return;
        this.pending = null;
        this.write({ phase: 'idle', learnProgress: 0 });
        if (!(e instanceof CancelledError))
          say(this.store, 'error', e instanceof Error ? e.message : String(e), 'recall');
      },
    );
    return true;
  }

  /**
   * Before a big dense recall starts (on the page, with a worker learner):
   * its first field pass in chunks, then `then`. True when recall has to wait.
   */
  protected fieldsFirst(then: 'play' | 'step'): boolean {
    if (this.fieldsBusy) return true;
    const s = this.store.getState();
    if (!this.learner || !this.cache || s.phase === 'done') return false;
    if (this.recalling && (s.phase === 'paused' || s.phase === 'running')) return false;
    const net = this.cache.net;
    if (!needsPacedFields(net) || s.state.length !== net.d) return false;
    const f = this.fields;
    if (f && f.net === net && sameCells(f.state, s.state)) return false;
    const token = ++this.fieldsToken;
    const state = s.state.slice();
    this.fieldsBusy = true;
    void pacedFields(net, state, () => token !== this.fieldsToken).then((h) => {
      if (token !== this.fieldsToken || !h) return; // dropped (the flag is the newer pass's)
      this.fieldsBusy = false;
      this.fields = { net, state, h };
      if (then === 'play') this.play();
      else this.stepOnce();
    });
    return true;
  }

  /** Stops learning in the worker; its result, if it still comes, is dropped. */
  protected cancelLearning(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    p.task.cancel();
    if (this.store.getState().phase === 'learning') this.write({ phase: 'idle', learnProgress: 0 });
  }

  constructor(
    protected readonly store: HopfieldStore,
    protected readonly learner: Learner | null,
  ) {}

  abstract play(): void;
  abstract stepOnce(): void;
  protected abstract write(patch: Partial<HopfieldState>): void;
  protected abstract get recalling(): boolean;
}

export function sameCells(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
