/**
 * Work split into small tasks that run a few at a time, so a sweep never
 * holds the main thread for long: tasks run until `budgetMs` has passed,
 * then the rest waits for the next turn of the event loop. Each finished
 * task reports its result at once, so a chart fills in as it goes.
 */

export interface ChunkOptions {
  /** Longest stretch of tasks in one turn, ms (default 12: well under a 50 ms long task). */
  budgetMs?: number;
  /** Runs the next turn (default setTimeout 0). */
  schedule?: (cb: () => void) => unknown;
  now?: () => number;
}

/**
 * Runs `tasks` in order; `onResult(result, index)` after each, `onDone(ms)`
 * after the last with the time spent working. Returns a cancel function:
 * after it, no task runs and no callback is called.
 */
export function runInChunks<T>(
  tasks: readonly (() => T)[],
  onResult: (result: T, index: number) => void,
  onDone: (ms: number) => void,
  {
    budgetMs = 12,
    schedule = (cb) => setTimeout(cb, 0),
    now = () => performance.now(),
  }: ChunkOptions = {},
): () => void {
  let next = 0;
  let cancelled = false;
  let worked = 0;
  const turn = () => {
    if (cancelled) return;
    const t0 = now();
    while (next < tasks.length && now() - t0 < budgetMs) {
      const i = next++;
      const result = tasks[i]();
      if (cancelled) return;
      onResult(result, i);
    }
    worked += now() - t0;
    if (cancelled) return;
    if (next < tasks.length) schedule(turn);
    else onDone(worked);
  };
  schedule(turn);
  return () => {
    cancelled = true;
  };
}
