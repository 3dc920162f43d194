/**
 * The page's side of src/core/pace: how a lab's long computation gives the
 * browser its turn between chunks, and the pace the labs use. Chunks aim at
 * PAGE_BUDGET_MS and the page gets the thread back every half of that, so
 * no task of ours comes near the 50 ms that makes a long task (input,
 * painting and the progress shown keep going while a replay or a training
 * runs).
 */
import { budgetPace, type Pace } from '../core/pace';

/** What a chunk of a lab's computation aims at, in ms (a task holds about 1.5 times this). */
export const PAGE_BUDGET_MS = 16;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Ends the current task and resumes in a new one: scheduler.yield() where
 * the browser has it (the continuation goes before other queued tasks, and
 * input and rendering still come first), else a MessageChannel message (a
 * new task without setTimeout's 4 ms clamp on nested timers).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A pace for one lab: chunks of about `budgetMs`, a yield to the page every budgetMs / 2. */
export function pagePace(budgetMs: number = PAGE_BUDGET_MS): Pace {
  return budgetPace({ budgetMs, yield: yieldToPage });
}
