/**
 * Where the renderer's main thread spends an animation window: a Chromium
 * trace (devtools.timeline) cut into self times per event, grouped as
 * script, GC, style and layout, paint and commit, other, and idle. Tracing
 * slows the page a little, so the window it covers is reported apart from
 * the timed windows.
 */
import type { Browser, Page } from '@playwright/test';

export interface Breakdown {
  windowMs: number;
  frames: number;
  /** main-thread ms per frame, by group */
  perFrameMs: Record<Group, number>;
  /** main-thread self ms over the window, by trace event, largest first (top 12) */
  topEvents: [string, number][];
}

type Group = 'script' | 'gc' | 'styleLayout' | 'paintCommit' | 'other' | 'idle';

const GROUPS: [RegExp, Group][] = [
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|ThreadState)/, 'gc'],
  [
    /^(FunctionCall|FireAnimationFrame|EvaluateScript|TimerFire|EventDispatch|RunMicrotasks|v8\.|V8\.)/,
    'script',
  ],
  [
    /^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation|HitTest|InvalidateLayout)/,
    'styleLayout',
  ],
  [
    /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|PaintImage|CompositeLayers|Decode)/,
    'paintCommit',
  ],
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
}

/** Stops the trace and groups the main thread's time over it; per frame = total / `frames`. */
export async function stopTrace(browser: Browser, frames: number): Promise<Breakdown> {
  const raw = JSON.parse((await browser.stopTracing()).toString()) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no renderer main thread');
  const xs = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  // Self time = duration minus the direct children's durations (events nest by time).
  const stack: { end: number; name: string; self: number }[] = [];
  const pop = () => {
    const top = stack.pop()!;
    self.set(top.name, (self.get(top.name) ?? 0) + Math.max(0, top.self) / 1000);
  };
  let busy = 0;
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) pop();
    const dur = e.dur ?? 0;
    if (stack.length) stack[stack.length - 1].self -= dur;
    else busy += dur;
    stack.push({ end: e.ts + dur, name: e.name, self: dur });
  }
  while (stack.length) pop();
  const first = xs[0]?.ts ?? 0;
  const last = xs.reduce((m, e) => Math.max(m, e.ts + (e.dur ?? 0)), first);
  const windowMs = (last - first) / 1000;
  const totals: Record<Group, number> = {
    script: 0,
    gc: 0,
    styleLayout: 0,
    paintCommit: 0,
    other: 0,
    idle: Math.max(0, windowMs - busy / 1000),
  };
  for (const [name, ms] of self) totals[GROUPS.find(([re]) => re.test(name))?.[1] ?? 'other'] += ms;
  const n = Math.max(1, frames);
  const perFrameMs = Object.fromEntries(
    Object.entries(totals).map(([k, v]) => [k, v / n]),
  ) as Record<Group, number>;
  const topEvents = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return { windowMs, frames, perFrameMs, topEvents };
}
