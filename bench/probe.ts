/**
 * Scripts injected into the lab page, and the frame statistics computed from
 * what they record. The scripts are plain strings: functions compiled by tsx
 * carry helper calls (__name) that do not exist in the page.
 */
import { median, quantile } from './stats';

/** Resolves with the rAF timestamps of `ms` of an idle page. */
export function idleScript(ms: number): string {
  return `new Promise((resolve) => {
    const frames = [];
    const t0 = performance.now();
    const tick = (ts) => {
      frames.push(ts);
      if (ts - t0 < ${ms}) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  })`;
}

/**
 * Installs window.__probe: from the first click on, records every rAF
 * timestamp and every long task for `windowMs`. Each time the verdict
 * appears it records the cycle's duration and, while the window lasts,
 * presses Reset and Recall again in the same frame, so the animation runs
 * for the whole window.
 */
export function probeScript(windowMs: number): string {
  return `(() => {
    const rec = { frames: [], long: [], cycles: [], startAt: null, endAt: null,
      finished: false, cycleStart: null, error: null };
    window.__probe = rec;
    const button = (re) => Array.from(document.querySelectorAll('button'))
      .find((b) => re.test((b.textContent || '').trim()));
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) rec.long.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
    } catch (e) { rec.error = 'no longtask observer: ' + e; }
    document.addEventListener('click', () => {
      rec.startAt = performance.now();
      rec.cycleStart = rec.startAt;
    }, { capture: true, once: true });
    const tick = (ts) => {
      if (rec.startAt !== null) {
        rec.frames.push(ts);
        const done = document.querySelector('[data-testid=verdict]');
        if (done && rec.cycleStart !== null) {
          rec.cycles.push(ts - rec.cycleStart);
          rec.cycleStart = null;
        }
        if (ts - rec.startAt >= ${windowMs}) {
          rec.endAt = ts;
          rec.finished = true;
          return;
        }
        if (done) {
          const reset = button(/^Reset/), recall = button(/^Recall/);
          if (!reset || !recall) { rec.error = 'no Reset/Recall button'; rec.finished = true; return; }
          reset.click();
          recall.click();
          rec.cycleStart = performance.now();
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`;
}

/** What the probe recorded (window.__probe without its internals). */
export interface ProbeRecord {
  frames: number[];
  long: [number, number][];
  cycles: number[];
  startAt: number | null;
  endAt: number | null;
  error: string | null;
}

export const READ_PROBE = `(() => {
  const r = window.__probe;
  return { frames: r.frames, long: r.long, cycles: r.cycles, startAt: r.startAt,
    endAt: r.endAt, error: r.error };
})()`;

export interface FrameStats {
  frames: number;
  fps: number;
  medianMs: number;
  p95Ms: number;
  longestMs: number;
  /** frame intervals longer than 1.5x the idle page's median interval */
  slowFrames?: number;
}

/** fps and frame-interval statistics of a list of rAF timestamps. */
export function frameStats(frames: readonly number[], idleMedianMs?: number): FrameStats {
  const gaps: number[] = [];
  for (let i = 1; i < frames.length; i++) gaps.push(frames[i] - frames[i - 1]);
  const span = frames.length > 1 ? frames[frames.length - 1] - frames[0] : NaN;
  return {
    frames: frames.length,
    fps: ((frames.length - 1) / span) * 1000,
    medianMs: median(gaps),
    p95Ms: quantile(gaps, 0.95),
    longestMs: gaps.length ? Math.max(...gaps) : NaN,
    ...(idleMedianMs ? { slowFrames: gaps.filter((g) => g > 1.5 * idleMedianMs).length } : {}),
  };
}

export interface WindowStats extends FrameStats {
  longTasks: number;
  longestTaskMs: number;
  /** recall cycles that reached a verdict in the window */
  cycles: number;
  /** click to verdict of the first cycle (cold), ms */
  firstCycleMs: number;
  medianCycleMs: number;
  error?: string;
}

/** Frame, long-task and cycle statistics of one probe window. */
export function windowStats(r: ProbeRecord, idleMedianMs?: number): WindowStats {
  const from = r.startAt ?? -Infinity;
  const to = r.endAt ?? Infinity;
  const long = r.long.filter(([start, dur]) => start + dur >= from && start <= to && dur > 50);
  return {
    ...frameStats(r.frames, idleMedianMs),
    longTasks: long.length,
    longestTaskMs: long.length ? Math.max(...long.map(([, d]) => d)) : 0,
    cycles: r.cycles.length,
    firstCycleMs: r.cycles[0] ?? NaN,
    medianCycleMs: median(r.cycles),
    ...(r.error ? { error: r.error } : {}),
  };
}
