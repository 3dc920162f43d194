/**
 * Section 8 of `npm run bench` (--only=longtasks): main-thread long tasks per
 * lab scenario, in the built app in headless Chromium, as e2e/longtasks.spec.ts
 * measures them (a PerformanceObserver for 'longtask' entries, which the
 * browser reports for every task over 50 ms). Each scenario opens its lab in
 * a fresh browser context, waits until the lab is at rest, forgets the tasks
 * so far, runs the lab's heaviest action and reports the longest task and
 * the number over 50 ms (issue 14's target: none).
 *
 *   Classic      recall at 64x64 with 20 stored patterns, 3 s of animation
 *   Classic      switch the rule to Krauth-Mezard (it learns in the worker), recall 3 s
 *   Experiments  the capacity sweep (D = 200, 10 trials) in its worker
 *   Modern       store all 10,000 digits (the K slider to its end) + retrieve
 *   Consolidation encode 3,000 episodes + replay 6,000 cues; then 1 epoch
 *   Human memory list length 20 -> 30 with the keyboard: the curves re-simulate
 *
 * The backend is the app's automatic choice (in this headless Chromium:
 * WASM, since its GPUs are software). Each scenario runs `repeats` times
 * (a shared machine's scheduler adds its own pauses): the table gives the
 * longest task over the repeats, its range, and the tasks over 50 ms per run.
 */
import type { Browser, Page } from '@playwright/test';
import { LAB_VIEWPORT, labPath, withPage } from './browser';
import { table } from './report';
import { reason } from './workload';

/** A long task, as the Long Tasks API defines it, is over 50 ms. */
export const LONG_TASK_MS = 50;

export interface LongTaskRun {
  /** longest main-thread task during the action, ms (0: none over 50 ms) */
  longestMs: number;
  /** tasks over 50 ms during the action */
  over50: number;
  /** the action's wall time, ms */
  wallMs: number;
}

export interface LongTaskScenario {
  id: string;
  label: string;
  backend?: string;
  runs: LongTaskRun[];
  error?: string;
}

export interface LongTaskSection {
  repeats: number;
  scenarios: LongTaskScenario[];
}

/** Records every long task's duration from page start into window.__longTasks. */
const OBSERVE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
})()`;

const resetTasks = (page: Page) => page.evaluate('void (window.__longTasks = [])');
const readTasks = (page: Page) => page.evaluate('window.__longTasks') as Promise<number[]>;

/** Waits until the element with test id `id` has text matching `re` (or not, with `not`). */
async function waitText(page: Page, id: string, re: RegExp, timeout = 120_000, not = false) {
  await page.waitForFunction(
    ([sel, src, flags, neg]) => {
      const t = document.querySelector(`[data-testid="${sel}"]`)?.textContent ?? null;
      if (t === null) return neg as boolean; // not there: nothing matches
      return new RegExp(src as string, flags as string).test(t) !== neg;
    },
    [id, re.source, re.flags, not] as const,
    { timeout, polling: 100 },
  );
}

/** Waits until the element with test id `id` has attribute `attr` matching `re`. */
async function waitAttr(page: Page, id: string, attr: string, re: RegExp, timeout = 120_000) {
  await page.waitForFunction(
    ([sel, a, src]) =>
      new RegExp(src as string).test(
        document.querySelector(`[data-testid="${sel}"]`)?.getAttribute(a as string) ?? '',
      ),
    [id, attr, re.source] as const,
    { timeout, polling: 100 },
  );
}

interface Scenario {
  id: string;
  label: string;
  /** the link to open (after the base URL) */
  path: string;
  /** until the lab is at rest */
  ready(page: Page): Promise<void>;
  /** the heavy action, until it has finished */
  act(page: Page): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    id: 'classic-recall',
    label: 'Classic: recall at 64x64, 20 patterns (3 s)',
    path: labPath('auto', 'async', 'sweep'),
    ready: async (page) => {
      await page.getByTestId('network-grid').waitFor({ timeout: 60_000 });
      await waitAttr(page, 'backend-badge', 'data-backend', /\w/);
    },
    act: async (page) => {
      await page.getByRole('button', { name: /^Recall/ }).click();
      await page.waitForTimeout(3000);
    },
  },
  {
    id: 'classic-km',
    label:
      'Classic: switch to Krauth-Mezard at 64x64, 20 patterns (learns in a worker), recall (3 s)',
    path: labPath('auto', 'async', 'sweep'),
    ready: async (page) => {
      await page.getByTestId('network-grid').waitFor({ timeout: 60_000 });
      await waitAttr(page, 'backend-badge', 'data-backend', /\w/);
    },
    act: async (page) => {
      await page.getByLabel('Learning rule').selectOption('krauth-mezard');
      await page.getByTestId('km-margin').waitFor();
      await page.getByRole('button', { name: /^Recall/ }).click();
      await page.waitForTimeout(3000);
    },
  },
  {
    id: 'experiments-capacity',
    label: 'Experiments: capacity sweep, D = 200, 10 trials (worker)',
    path: '#/capacity?exp=capacity&units=200&trials=10',
    ready: (page) => page.getByTestId('run').waitFor({ timeout: 60_000 }),
    act: async (page) => {
      await page.getByTestId('run').click();
      await waitAttr(page, 'run-status', 'data-status', /^done$/);
    },
  },
  {
    id: 'modern-store',
    label: 'Modern: store 10,000 digits + retrieve',
    path: '#/modern?k=100',
    ready: async (page) => {
      await page.getByTestId('regime').waitFor({ timeout: 60_000 });
      await waitText(page, 'step-status', /Working/, 60_000, true);
    },
    act: async (page) => {
      const k = page.getByRole('slider').first();
      await k.focus();
      await page.keyboard.press('End');
      await waitText(page, 'memory-note', /10,000 real MNIST digits stored/);
      await waitText(page, 'step-status', /Working/, 120_000, true);
    },
  },
  {
    id: 'consolidation-replay',
    label: 'Consolidation: encode 3,000 + replay 6,000',
    path: '#/consolidation?episodes=3000&replays=6000&epochs=1',
    ready: (page) => waitAttr(page, 'map-points', 'data-count', /\d+/),
    act: async (page) => {
      await page.getByTestId('encode').click();
      await waitText(page, 'encoded', /Stored 3,000 episodes/);
      await page.getByTestId('replay').click();
      await page.getByTestId('coverage').waitFor({ timeout: 180_000 });
    },
  },
  {
    id: 'consolidation-train',
    label: 'Consolidation: train 1 epoch on the replays',
    path: '#/consolidation?episodes=3000&replays=6000&epochs=1',
    ready: async (page) => {
      await waitAttr(page, 'map-points', 'data-count', /\d+/);
      await page.getByTestId('encode').click();
      await waitText(page, 'encoded', /Stored 3,000 episodes/);
      await page.getByTestId('replay').click();
      await page.getByTestId('coverage').waitFor({ timeout: 180_000 });
    },
    act: async (page) => {
      await page.getByTestId('train').click();
      await page.getByTestId('curves').waitFor({ timeout: 180_000 });
      await waitText(page, 'busy', /Training/, 180_000, true);
    },
  },
  {
    id: 'human-simulate',
    label: 'Human memory: list length 20 -> 30, curves re-simulated',
    path: '#/human',
    ready: (page) => page.getByTestId('serial-readout').waitFor({ timeout: 60_000 }),
    act: async (page) => {
      const slider = page.getByTestId('param-listLength').locator('input');
      await slider.focus();
      for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
      await waitText(page, 'serial-readout', /items recalled per list/);
      await page.waitForTimeout(1500);
    },
  },
];

async function runOnce(browser: Browser, baseUrl: string, sc: Scenario, into: LongTaskScenario) {
  await withPage(
    browser,
    async (page) => {
      await page.addInitScript(OBSERVE);
      await page.goto(baseUrl + sc.path);
      await sc.ready(page);
      into.backend ??= (await page.getByTestId('backend-badge').getAttribute('data-backend')) ?? '';
      await page.waitForTimeout(300); // the lab's first paint's tasks are not the action's
      await resetTasks(page);
      const t0 = Date.now();
      await sc.act(page);
      const wallMs = Date.now() - t0;
      await page.waitForTimeout(250); // let the last entries be delivered
      const tasks = await readTasks(page);
      into.runs.push({
        longestMs: Math.max(0, ...tasks),
        over50: tasks.filter((t) => t > LONG_TASK_MS).length,
        wallMs,
      });
    },
    LAB_VIEWPORT,
  );
}

export async function runLongTasks(
  browser: Browser,
  baseUrl: string,
  log: (msg: string) => void,
  quick: boolean,
): Promise<LongTaskSection> {
  const repeats = quick ? 1 : 3;
  const scenarios: LongTaskScenario[] = [];
  for (const sc of SCENARIOS) {
    const out: LongTaskScenario = { id: sc.id, label: sc.label, runs: [] };
    scenarios.push(out);
    for (let r = 0; r < repeats; r++) {
      log(`long tasks: ${sc.label} (${r + 1} of ${repeats})`);
      try {
        await runOnce(browser, baseUrl, sc, out);
      } catch (e) {
        out.error = reason(e);
        log(`  failed: ${out.error}`);
        break;
      }
    }
  }
  return { repeats, scenarios };
}

export function reportLongTasks(s: LongTaskSection | undefined): string {
  if (!s) return '';
  const rows = [
    ['scenario', 'backend', 'longest task ms', 'range ms', 'tasks > 50 ms per run', 'wall s'],
  ];
  for (const sc of s.scenarios) {
    const longest = sc.runs.map((r) => r.longestMs);
    rows.push([
      sc.label,
      sc.backend || '-',
      sc.runs.length ? Math.max(...longest).toFixed(0) : '',
      sc.runs.length ? `${Math.min(...longest).toFixed(0)}-${Math.max(...longest).toFixed(0)}` : '',
      sc.runs.map((r) => r.over50).join(', '),
      sc.runs.map((r) => (r.wallMs / 1000).toFixed(1)).join(', '),
    ]);
    if (sc.error) rows.push([`  failed: ${sc.error.split('\n')[0]}`, '', '', '', '', '']);
  }
  return (
    `## 8. Main-thread long tasks per lab scenario (Chromium, built app; target: none over ${LONG_TASK_MS} ms, ` +
    `${s.repeats} run${s.repeats === 1 ? '' : 's'} each)\n${table(rows)}\n`
  );
}
