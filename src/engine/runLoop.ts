/**
 * The run loop: runners own time. A lab hands over one function,
 * `advance(n)`, that takes n model steps and publishes a snapshot; the loop
 * decides when and how many.
 *
 * Speed is in steps per animation frame and may be fractional: speed 0.25
 * takes one step every 4 frames, speed 8 takes 8 steps in each frame. A
 * fractional accumulator carries the remainder from frame to frame, so the
 * long-run rate is exact.
 *
 * Guard against freezing the page: if one frame's `advance` takes longer than
 * `budgetMs` (30 ms by default), the loop caps the steps per frame for the
 * next frames at what fits the budget, and lets the cap grow back when frames
 * are quick again. Steps the cap leaves out are dropped, not owed: a slow
 * machine runs slower, it does not build a backlog.
 */

export interface RunLoop {
  play(): void;
  pause(): void;
  toggle(): void;
  /** One step now (advance(1)), whether playing or not. */
  stepOnce(): void;
  /** Steps per frame; fractional values step every few frames. Negative or NaN is ignored. */
  setSpeed(stepsPerFrame: number): void;
  readonly playing: boolean;
  readonly speed: number;
  /** The most steps one frame may take now (Infinity until a slow frame sets a cap). */
  readonly maxStepsPerFrame: number;
  /** Longest time one frame's advance should take, in milliseconds. */
  readonly budgetMs: number;
  /** Stops for good: cancels the pending frame; later play() does nothing. */
  dispose(): void;
}

export interface RunLoopOptions {
  /** Steps per frame, default 1. */
  speed?: number;
  /** Called when playing starts or stops (including a stop because advance returned false). */
  onChange?: (playing: boolean) => void;
  /** Called if advance throws; the loop pauses first. Without it the error is rethrown. */
  onError?: (error: unknown) => void;
  /** Frame scheduler, default requestAnimationFrame (setTimeout 16 ms where there is none). */
  schedule?: (cb: () => void) => number;
  cancel?: (id: number) => void;
  /** Clock in milliseconds, default performance.now. */
  now?: () => number;
  /** Frame budget for advance, default 30 ms. */
  budgetMs?: number;
}

function defaultScheduler(): {
  schedule: (cb: () => void) => number;
  cancel: (id: number) => void;
} {
  const g = globalThis as {
    requestAnimationFrame?: (cb: () => void) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  if (g.requestAnimationFrame && g.cancelAnimationFrame) {
    const raf = g.requestAnimationFrame.bind(globalThis);
    const caf = g.cancelAnimationFrame.bind(globalThis);
    return { schedule: (cb) => raf(() => cb()), cancel: caf };
  }
  return {
    schedule: (cb) => setTimeout(cb, 16) as unknown as number,
    cancel: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
  };
}

/**
 * Calls `advance(n)` once per animation frame while playing, n >= 1 being
 * the steps to take this frame (frames with no whole step due are skipped).
 * `advance` returns false to stop (converged, finished); the loop then
 * pauses and calls onChange(false).
 */
export function createRunLoop(
  advance: (steps: number) => boolean | void,
  opts: RunLoopOptions = {},
): RunLoop {
  const fallback = opts.schedule && opts.cancel ? null : defaultScheduler();
  const schedule = opts.schedule ?? fallback!.schedule;
  const cancel = opts.cancel ?? fallback!.cancel;
  const now = opts.now ?? (() => performance.now());
  const budgetMs = opts.budgetMs ?? 30;

  let speed = validSpeed(opts.speed) ?? 1;
  let playing = false;
  let disposed = false;
  let frameId: number | null = null;
  let carry = 0;
  let cap = Infinity;

  const setPlaying = (p: boolean) => {
    if (playing === p) return;
    playing = p;
    opts.onChange?.(p);
  };

  /** Runs advance(n), timing it; returns false if the run should stop. */
  const run = (n: number): boolean => {
    const t0 = now();
    let result: boolean | void;
    try {
      result = advance(n);
    } catch (e) {
      stop();
      if (opts.onError) {
        opts.onError(e);
        return false;
      }
      throw e;
    }
    adapt(n, now() - t0);
    return result !== false;
  };

  /** Adjusts the per-frame cap from how long n steps took (dt ms). */
  const adapt = (n: number, dt: number) => {
    if (dt > budgetMs) {
      cap = Math.max(1, Math.floor((n * budgetMs) / dt));
    } else if (n >= cap && dt < budgetMs / 2) {
      // Grow at most 2x a frame, and not past what the last frame says fits 80% of the budget.
      const fits = Math.floor((n * budgetMs * 0.8) / Math.max(dt, 1e-3));
      cap = Math.min(cap * 2, Math.max(cap + 1, fits));
    }
  };

  const frame = () => {
    frameId = null;
    if (!playing || disposed) return;
    carry += speed;
    const due = Math.floor(carry);
    carry -= due;
    const n = Math.min(due, cap);
    if (n >= 1 && !run(n)) {
      stop();
      return;
    }
    if (playing && !disposed && frameId === null) frameId = schedule(frame);
  };

  const stop = () => {
    if (frameId !== null) {
      cancel(frameId);
      frameId = null;
    }
    setPlaying(false);
  };

  const play = () => {
    if (disposed || playing) return;
    setPlaying(true);
    if (frameId === null) frameId = schedule(frame);
  };

  return {
    play,
    pause: stop,
    toggle: () => (playing ? stop() : play()),
    stepOnce() {
      if (disposed) return;
      if (!run(1)) stop();
    },
    setSpeed(s) {
      const v = validSpeed(s);
      if (v !== null) speed = v;
    },
    get playing() {
      return playing;
    },
    get speed() {
      return speed;
    },
    get maxStepsPerFrame() {
      return cap;
    },
    budgetMs,
    dispose() {
      if (frameId !== null) cancel(frameId);
      frameId = null;
      playing = false;
      disposed = true;
    },
  };
}

function validSpeed(s: number | undefined): number | null {
  return typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s : null;
}
