/**
 * Sections 2 and 3, in headless Chromium driven by Playwright.
 *
 * 2. The Classic lab's animation at 64x64 with 20 stored patterns, opened
 *    from a link made with the lab's own codec. Per scenario and backend
 *    choice: the idle page's rAF rate (the baseline: headless Chromium has
 *    no display to vsync with), then windows in which recall is started with
 *    the Recall button and restarted in-page whenever the verdict appears.
 * 3. The bench page (bench/page): tfjs per backend, read from window.__bench.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { chromiumPath } from '../scripts/browser.mjs';
import { randomPattern } from '../src/data/presets';
import { encodePatterns } from '../src/core/patternCodec';
import { createRng } from '../src/core/random';
import { flipFraction } from '../src/models/classic/corrupt';
import {
  frameStats,
  idleScript,
  probeScript,
  READ_PROBE,
  windowStats,
  type FrameStats,
  type ProbeRecord,
  type WindowStats,
} from './probe';
import { median } from './stats';
import { startTrace, stopTrace, type Breakdown } from './trace';
import type { PageResults } from './page/main';
import { reason } from './workload';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** The window size the lab scenarios open at (a desktop; the labs' wide layout). */
export const LAB_VIEWPORT: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/**
 * Runs `body` on a page in a new browser context (so no storage or cache
 * carries over from the last scenario), and closes the context however
 * `body` ends.
 */
export async function withPage<T>(
  browser: Browser,
  body: (page: Page) => Promise<T>,
  options?: BrowserContextOptions,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await body(await context.newPage());
  } finally {
    await context.close();
  }
}

export const SIDE = 64;
export const PATTERNS = 20;

export const SCENARIOS = [
  {
    id: 'async-unit',
    label: 'async, unit view, speed 10 (512 units/frame)',
    dyn: 'async',
    view: 'unit',
  },
  {
    id: 'async-sweep',
    label: 'async, sweep view, speed 10 (8 sweeps/frame)',
    dyn: 'async',
    view: 'sweep',
  },
  { id: 'sync', label: 'sync, speed 10 (8 steps/frame)', dyn: 'sync', view: 'sweep' },
] as const;

export type Choice = 'wasm' | 'auto';

/** The lab's link: 20 random 64x64 patterns, pattern 0 with 20 % flips as the cue. */
export function labPath(choice: Choice, dyn: string, view: string): string {
  const rng = createRng(1);
  const d = SIDE * SIDE;
  const pats = Array.from({ length: PATTERNS }, () => randomPattern(d, rng));
  const cue = flipFraction(pats[0], 0.2, rng);
  const query = [
    `size=${SIDE}`,
    `pats=${encodePatterns(SIDE, SIDE, pats)}`,
    `cue=${encodePatterns(SIDE, SIDE, [cue])}`,
    'target=0',
    'seed=1',
    `dyn=${dyn}`,
    `view=${view}`,
    'speed=10',
  ].join('&');
  return `${choice === 'auto' ? '' : `?backend=${choice}`}#/hopfield?${query}`;
}

export interface AnimationRun {
  scenario: string;
  label: string;
  choice: Choice;
  /** data-backend of the badge, and its text */
  backend?: string;
  badge?: string;
  idle?: FrameStats;
  /** one entry per window */
  windows: WindowStats[];
  /** medians over the windows */
  summary?: WindowStats & { fpsVsIdle: number };
  /** one more window, traced: the main thread's time per frame (wasm runs only) */
  breakdown?: Breakdown & { fps: number };
  error?: string;
}

async function openLab(page: Page, url: string): Promise<{ backend: string; badge: string }> {
  await page.goto(url);
  await page.getByTestId('network-grid').waitFor({ state: 'visible', timeout: 30_000 });
  const badge = page.getByTestId('backend-badge');
  await page.waitForFunction(
    "document.querySelector('[data-testid=backend-badge]')?.getAttribute('data-backend')",
    null,
    { timeout: 30_000, polling: 100 },
  );
  return {
    backend: (await badge.getAttribute('data-backend')) ?? '',
    badge: await badge.evaluate((el) => {
      const b = el.querySelector('button');
      const text = Array.from(b?.childNodes ?? [])
        .filter((n) => !(n instanceof HTMLElement && n.classList.contains('badge-count')))
        .map((n) => n.textContent)
        .join('')
        .trim();
      const notes = b?.querySelector('.badge-count')?.textContent;
      return notes ? `${text} (${notes} notes)` : text;
    }),
  };
}

/** Stops a recall still running after a window and goes back to the cue (in-page: no race). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const find = (re) => Array.from(document.querySelectorAll('button'))
      .find((b) => re.test((b.textContent || '').trim()));
    find(/^Pause/)?.click();
    find(/^Reset/)?.click();
  })()`);
  await page.waitForTimeout(200);
}

export async function runAnimation(
  browser: Browser,
  baseUrl: string,
  log: (msg: string) => void,
  opts: { windows: number; windowMs: number; idleMs: number },
): Promise<AnimationRun[]> {
  const runs: AnimationRun[] = [];
  for (const choice of ['wasm', 'auto'] as Choice[]) {
    for (const sc of SCENARIOS) {
      const run: AnimationRun = { scenario: sc.id, label: sc.label, choice, windows: [] };
      runs.push(run);
      log(`browser: animation, ${sc.label}, backend ${choice}`);
      try {
        await withPage(
          browser,
          async (page) => {
            page.on('pageerror', (e) => log(`  page error: ${reason(e)}`));
            Object.assign(run, await openLab(page, baseUrl + labPath(choice, sc.dyn, sc.view)));
            const idle = (await page.evaluate(idleScript(opts.idleMs))) as number[];
            run.idle = frameStats(idle);
            for (let w = 0; w < opts.windows; w++) {
              run.windows.push(await timedWindow(page, opts.windowMs, run.idle.medianMs));
            }
            if (choice === 'wasm') {
              await startTrace(browser, page);
              const traced = await timedWindow(page, opts.windowMs);
              run.breakdown = { ...(await stopTrace(browser, traced.frames)), fps: traced.fps };
            }
            run.summary = summariseWindows(run.windows, run.idle.fps);
          },
          LAB_VIEWPORT,
        );
      } catch (e) {
        run.error = reason(e);
        log(`  failed: ${run.error}`);
      }
    }
  }
  return runs;
}

/** Presses Recall, records one probe window, then stops recall and resets to the cue. */
async function timedWindow(page: Page, windowMs: number, idleMedianMs?: number) {
  await page.evaluate(probeScript(windowMs));
  await page.getByRole('button', { name: /^Recall/ }).click();
  await page.waitForFunction('window.__probe.finished', null, {
    timeout: windowMs + 30_000,
    polling: 100,
  });
  await page.waitForTimeout(250); // let the last long tasks be reported
  const rec = (await page.evaluate(READ_PROBE)) as ProbeRecord;
  await settle(page);
  return windowStats(rec, idleMedianMs);
}

function summariseWindows(ws: WindowStats[], idleFps: number): AnimationRun['summary'] {
  const m = (k: keyof WindowStats) => median(ws.map((w) => Number(w[k])));
  const fps = m('fps');
  return {
    frames: m('frames'),
    fps,
    medianMs: m('medianMs'),
    p95Ms: m('p95Ms'),
    longestMs: Math.max(...ws.map((w) => w.longestMs)),
    slowFrames: m('slowFrames'),
    longTasks: m('longTasks'),
    longestTaskMs: Math.max(...ws.map((w) => w.longestTaskMs)),
    cycles: m('cycles'),
    firstCycleMs: ws[0]?.firstCycleMs ?? NaN,
    medianCycleMs: m('medianCycleMs'),
    fpsVsIdle: fps / idleFps,
  };
}

export interface PageSection extends PageRun<PageResults> {
  error?: string;
}

/** What a results page left on `window`: its results and, if it did not finish in time, where it was. */
export interface PageRun<T> {
  results?: T;
  /** set when the page did not finish in time: the part it was on */
  timedOut?: string;
}

/**
 * Opens `url` in a fresh browser context, forwards the page's console lines
 * that start with `[tag]` (and its errors) to `log`, and waits, at most 3
 * minutes, for `window[global].done`. Returns `window[global]`, and on a
 * timeout its `current` part (or 'the page never started'). The bench page
 * and the VAE page (bench/vae.ts) publish their results this way.
 */
export async function runResultsPage<T extends { current?: string }>(
  browser: Browser,
  url: string,
  tag: string,
  global: string,
  log: (msg: string) => void,
): Promise<PageRun<T>> {
  return withPage(browser, async (page) => {
    page.on('console', (m) => {
      if (m.text().startsWith(`[${tag}]`)) log(`  ${m.text()}`);
    });
    page.on('pageerror', (e) => log(`  page error: ${reason(e)}`));
    await page.goto(url);
    let finished = true;
    try {
      await page.waitForFunction(`window.${global} && window.${global}.done`, null, {
        timeout: 180_000,
        polling: 250,
      });
    } catch {
      finished = false;
    }
    const results = (await page.evaluate(`window.${global}`)) as T | undefined;
    if (finished) return { results };
    return { results, timedOut: results?.current || 'the page never started' };
  });
}

/** Opens the bench page and waits for its results. */
export async function runBenchPage(
  browser: Browser,
  baseUrl: string,
  log: (msg: string) => void,
  quick: boolean,
): Promise<PageSection> {
  const url = `${baseUrl}?backends=wasm,cpu,webgl,webgpu${quick ? '&quick=1' : ''}`;
  try {
    return await runResultsPage<PageResults>(browser, url, 'bench page', '__bench', log);
  } catch (e) {
    return { error: reason(e) };
  }
}
