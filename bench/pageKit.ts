/**
 * What the two bench pages (bench/page, bench/vaepage) share: reading their
 * query, publishing their results, logging to the console and the page, and
 * starting one tfjs backend through the app's own initBackend(forced), where
 * a backend that falls back to another counts as not started, with the
 * app's note saying why.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../src/engine/backend';
import { type BackendName } from '../src/engine/backendPlan';
import { reason } from './workload';

export const ALL_BACKENDS: readonly BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu'];

/** ?quick=1 and ?backends=a,b (default: all of `order`). */
export function pageQuery(order: readonly BackendName[] = ALL_BACKENDS): {
  quick: boolean;
  wanted: BackendName[];
} {
  const params = new URLSearchParams(location.search);
  const wanted = (params.get('backends') ?? order.join(','))
    .split(',')
    .filter((b): b is BackendName => (ALL_BACKENDS as readonly string[]).includes(b));
  return { quick: params.get('quick') === '1', wanted };
}

/** A logger to the console (with `tag`) and the page's #log element. */
export function pageLog(tag: string): (msg: string) => void {
  const el = document.getElementById('log');
  return (msg) => {
    console.log(`[${tag}] ${msg}`);
    if (el) el.textContent += `\n${msg}`;
  };
}

export interface StartedBackend {
  name: BackendName;
  started: boolean;
  error?: string;
  adapter?: string | null;
  software?: boolean;
  notes?: string[];
  /** time initBackend took, ms */
  startMs?: number;
}

/** Starts `entry.name`; fills in what happened and returns whether it runs now. */
export async function startBackend(
  entry: StartedBackend,
  log: (msg: string) => void,
): Promise<boolean> {
  const t0 = performance.now();
  try {
    const info = await initBackend(entry.name, { timeoutMs: 20_000 });
    entry.startMs = performance.now() - t0;
    entry.notes = info.notes;
    if (info.name !== entry.name || tf.getBackend() !== entry.name) {
      entry.error = info.notes.join(' ') || `the app started ${info.name} instead`;
      log(`${entry.name} did not start: ${entry.error}`);
      return false;
    }
    entry.started = true;
    entry.adapter = info.adapter;
    entry.software = info.software;
    return true;
  } catch (e) {
    entry.error = reason(e);
    log(`${entry.name} did not start: ${entry.error}`);
    return false;
  }
}

/** What both pages' results hold besides their own fields (read by bench/browser.ts). */
export interface PageResultsBase<E extends StartedBackend> {
  userAgent: string;
  backends: E[];
  /** the part in progress (to name a hang) */
  current: string;
  done: boolean;
}

/**
 * A page's results as they start (its own `fields`, this browser, no backends yet, at the part
 * `current`, not done), published at once as `window[global]` for the runner (bench/browser.ts
 * runResultsPage): they grow there as each part finishes, so a hang still leaves the rest.
 */
export function publishResults<R extends PageResultsBase<StartedBackend>>(
  global: string,
  current: string,
  fields: Omit<R, keyof PageResultsBase<StartedBackend>>,
): R {
  const out = { ...fields, userAgent: navigator.userAgent, backends: [], current, done: false };
  (window as unknown as Record<string, unknown>)[global] = out;
  return out as unknown as R;
}

/**
 * The loop both pages run: for each wanted backend, an entry in
 * `out.backends`, started with startBackend and, if it runs, handed to
 * `time` (which records its timings or errors on the entry and may name its
 * part in `out.current` through `part`). `E` may only add optional fields
 * to StartedBackend, since each entry starts as `{ name, started: false }`.
 */
export async function forEachBackend<E extends StartedBackend>(
  wanted: readonly BackendName[],
  out: { backends: E[]; current: string },
  log: (msg: string) => void,
  time: (entry: E, part: (what: string) => void) => Promise<void>,
): Promise<void> {
  for (const name of wanted) {
    out.current = `starting ${name}`;
    const entry = { name, started: false } as E;
    out.backends.push(entry);
    if (!(await startBackend(entry, log))) continue;
    out.current = `timing ${name}`;
    await time(entry, (what) => (out.current = `timing ${name} (${what})`));
  }
  out.current = '';
}

/** Runs a page's `main`: a failure is logged, and however it ends `out.done` is set and "done" logged. */
export function runPage(
  main: () => Promise<void>,
  out: { done: boolean },
  log: (msg: string) => void,
) {
  main()
    .catch((e) => log(`failed: ${reason(e)}`))
    .finally(() => {
      out.done = true;
      log('done');
    });
}
