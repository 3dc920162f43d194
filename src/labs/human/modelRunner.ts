/**
 * Keeps the model's pictures in step with the settings. Each picture (serial
 * position, context, emotion, the game's comparison) names the store fields
 * it depends on; when one changes the runner waits a moment (a slider being
 * dragged sends many values), gives that picture's job up and queues a new
 * one in the worker pool (simClient.ts). Results and progress go to the store; the
 * last result stays on screen until the new one arrives.
 */
import { watchFields } from '../../engine/watch';
import { say } from '../../engine/messages';
import { modelGroups } from './game';
import { SimPool, makeBrowserSimWorker, type MakeSimWorker } from './simClient';
import type { SimJob, SimKind } from './simJobs';
import {
  cmrKeys,
  cmrOf,
  EMOTION_KEYS,
  PLACE_KEYS,
  type HumanState,
  type HumanStore,
  type SimState,
} from './store';

/** The store field each kind's results go to. */
const TARGET = {
  serial: 'serial',
  context: 'context',
  emotion: 'emotion',
  game: 'gameModel',
} as const satisfies Record<SimKind, keyof HumanState>;

/** The fields each picture depends on. */
export const DEPENDS: Record<SimKind, readonly (keyof HumanState)[]> = {
  serial: ['listLength', 'lists', 'seed', ...cmrKeys([...PLACE_KEYS, ...EMOTION_KEYS])],
  context: [
    'listLength',
    'lists',
    'seed',
    'distractor',
    'contextTheta',
    ...cmrKeys(['theta', ...EMOTION_KEYS]),
  ],
  emotion: ['listLength', 'lists', 'seed', 'distractor', 'emotionalShare', ...cmrKeys(PLACE_KEYS)],
  game: ['rounds', 'lists', 'seed', ...cmrKeys([...PLACE_KEYS, ...EMOTION_KEYS])],
};

/** The job that draws a picture from the state; null when there is nothing to draw. */
export function jobFor(kind: SimKind, s: HumanState): SimJob | null {
  const list = { listLength: s.listLength, lists: s.lists, seed: s.seed, params: cmrOf(s) };
  switch (kind) {
    case 'serial':
      return { kind, ...list };
    case 'context':
      return { kind, ...list, distractor: s.distractor, theta: s.contextTheta };
    case 'emotion':
      return { kind, ...list, distractor: s.distractor, share: s.emotionalShare };
    case 'game':
      return s.rounds.length
        ? { kind, groups: modelGroups(s.rounds, s.lists, s.seed), params: cmrOf(s) }
        : null;
  }
}

const KINDS: readonly SimKind[] = ['serial', 'context', 'emotion', 'game'];

export class ModelRunner {
  private readonly pool: SimPool;
  private readonly timers = new Map<SimKind, ReturnType<typeof setTimeout>>();
  private readonly pending = new Set<Promise<void>>();
  private unwatch: (() => void)[] = [];

  constructor(
    private readonly store: HumanStore,
    make: MakeSimWorker = makeBrowserSimWorker,
    private readonly debounceMs = 120,
    poolSize?: number,
  ) {
    this.pool = new SimPool(make, poolSize);
  }

  /**
   * Follows the settings from now on and draws every picture; safe to call
   * again after dispose() (React's StrictMode mounts a page twice in development).
   */
  start(): void {
    for (const u of this.unwatch) u();
    this.unwatch = KINDS.map((kind) =>
      watchFields(this.store, DEPENDS[kind], () => this.schedule(kind)),
    );
    for (const kind of KINDS) void this.run(kind);
  }

  /** Resolves once no job is waiting or running (for tests). */
  async idle(): Promise<void> {
    while (this.timers.size || this.pending.size) {
      if (this.timers.size) await new Promise((r) => setTimeout(r, this.debounceMs + 1));
      await Promise.all([...this.pending]);
    }
  }

  dispose(): void {
    for (const u of this.unwatch) u();
    this.unwatch = [];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pool.dispose();
  }

  private schedule(kind: SimKind): void {
    clearTimeout(this.timers.get(kind));
    // Give the old job up without stopping its worker: run() below stops it if need be.
    this.pool.discard(kind);
    this.timers.set(
      kind,
      setTimeout(() => {
        this.timers.delete(kind);
        void this.run(kind);
      }, this.debounceMs),
    );
  }

  private patch(kind: SimKind, change: Partial<SimState<unknown>>): void {
    const key = TARGET[kind];
    const prev = this.store.getState()[key] as SimState<unknown>;
    this.store.setState({ [key]: { ...prev, ...change } } as Partial<HumanState>);
  }

  private run(kind: SimKind): Promise<void> {
    const job = jobFor(kind, this.store.getState());
    if (!job) {
      this.pool.cancel(kind);
      this.patch(kind, { status: 'idle', progress: 0, result: null, error: null });
      return Promise.resolve();
    }
    this.patch(kind, { status: 'running', progress: 0, error: null });
    const p = this.pool
      .run(kind, job, (done, total) => this.patch(kind, { progress: done / total }))
      .then(
        (out) => {
          if (out)
            this.patch(kind, { status: 'done', progress: 1, result: out.result, ms: out.ms });
        },
        (e: Error) => {
          this.patch(kind, { status: 'error', error: e.message });
          say(this.store, 'error', `The model could not run: ${e.message}`, `model:${kind}`);
        },
      )
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
    return p;
  }
}
