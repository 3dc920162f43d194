import type { Browser, Page } from '@playwright/test';

/**
 * The page's main-thread tasks over a window, from a Chromium trace: each
 * task's wall time and its thread (CPU) time. On a loaded machine a task's
 * wall time is mostly the scheduler's: tasks of 1 ms CPU were seen taking
 * 80 ms and 11 ms ones 350 ms, with a load of 20 on two cores. The CPU time
 * is the work the page itself did in the task, so a bound on it fails when
 * the page blocks its thread and does not flake when the machine is busy.
 * Chromium only (the e2e suite runs Chromium).
 */
export interface TaskTimes {
  /** main-thread tasks in the window */
  tasks: number;
  /** the longest task's CPU (thread) time, ms */
  longestCpuMs: number;
  /** the longest task's wall time, ms (the scheduler's pauses included) */
  longestWallMs: number;
  /** tasks whose wall time is over 50 ms */
  over50Wall: number;
  /** tasks whose CPU time is over 50 ms */
  over50Cpu: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const TASK = 'ThreadControllerImpl::RunTask';

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
}

/** Stops the trace; the renderer's main thread is the one with the most task time. */
export async function stopTaskTrace(browser: Browser): Promise<TaskTimes> {
  const raw = JSON.parse((await browser.stopTracing()).toString()) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== TASK || !mains.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const total = (ts: TraceEvent[]) => ts.reduce((s, e) => s + (e.dur ?? 0), 0);
  const tasks = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  const wall = tasks.map((e) => (e.dur ?? 0) / 1000);
  const cpu = tasks.map((e) => (e.tdur ?? 0) / 1000);
  return {
    tasks: tasks.length,
    longestCpuMs: Math.max(0, ...cpu),
    longestWallMs: Math.max(0, ...wall),
    over50Wall: wall.filter((t) => t > 50).length,
    over50Cpu: cpu.filter((t) => t > 50).length,
  };
}
