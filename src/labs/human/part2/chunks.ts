/**
 * Work split into small tasks that run a few at a time, so a sweep never
 * holds the main thread for long: tasks run until `budgetMs` has passed,
 * then the rest waits for the next turn of the event loop. The results of
 * each turn are reported together at its end, so a chart fills in as it
 * goes but the page re-renders once per turn, not once per task.
 */

export interface ChunkOptions {
  /** Longest stretch of tasks in one turn, ms (default 8: with its re-render the turn stays well under 50 ms). */
  budgetMs?: number;
  /** Runs the next turn (default setTimeout 0). */
  schedule?: (cb: () => void) => unknown;
  now?: () => number;
}

/**
 * Runs `tasks` in order, at least one per turn; `onResults(results)` at the
 * end of each turn with that turn's results (in task order), `onDone(ms)`
 * after the last with the time spent working. Returns a cancel function:
 * after it, no task runs and no callback is called.
 */
export function runInChunks<T>(
  tasks: readonly (() => T)[],
  onResults: (results: T[]) => void,
  onDone: (ms: number) => void,
  {
    budgetMs = 8,
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
    const results: T[] = [];
    while (next < tasks.length && (results.length === 0 || now() - t0 < budgetMs)) {
      results.push(tasks[next++]());
    }
    worked += now() - t0;
    onResults(results);
    if (cancelled) return;
    if (next < tasks.length) schedule(turn);
    else onDone(worked);
  };
  schedule(turn);
  return () => {
    cancelled = true;
  };
}
