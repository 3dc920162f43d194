import { expect, test, type Browser, type Page } from '@playwright/test';
import { encodePatterns } from '../src/core/patternCodec';
import { createRng } from '../src/core/random';
import { longestTask, observeLongTasks, resetLongTasks } from './helpers';
import { startTaskTrace, stopTaskTrace } from './taskTime';

/**
 * The page never freezes: each lab's heaviest action runs with no
 * main-thread task over a loose bound. The target is 50 ms; the bound here
 * is 200 ms so that a busy shared machine does not fail the test. The
 * benchmark (npm run bench -- --only=longtasks) reports the measured longest task.
 *
 * The Consolidation case and Classic's Storkey case bound each task's CPU
 * time from a trace instead (their wall times on a shared two-core machine
 * are mostly the scheduler's: 200-700 ms between runs for the same chunks
 * in Consolidation); the benchmark also measures them.
 */
const BOUND_MS = 200;

async function report(page: Page, what: string): Promise<number> {
  const ms = await longestTask(page);
  console.log(`longest main-thread task, ${what}: ${ms.toFixed(0)} ms`);
  return ms;
}

/**
 * Runs `act` under a task trace, reports the longest task's wall time (long
 * tasks and trace) and returns the longest task's CPU time (./taskTime.ts).
 */
async function traced(
  browser: Browser,
  page: Page,
  what: string,
  act: () => Promise<void>,
): Promise<number> {
  await resetLongTasks(page);
  await startTaskTrace(browser, page);
  await act();
  await report(page, what);
  const t = await stopTaskTrace(browser);
  console.log(
    `${what}, trace: ${t.tasks} tasks, longest ${t.longestWallMs.toFixed(0)} ms wall, ` +
      `longest CPU ${t.longestCpuMs.toFixed(1)} ms, ${t.over50Wall} over 50 ms wall, ` +
      `${t.over50Cpu} over 50 ms CPU`,
  );
  return t.longestCpuMs;
}

test('Classic: recall on a 64x64 grid with 20 stored patterns', async ({ page }) => {
  await observeLongTasks(page);
  const rng = createRng(3);
  const pats = Array.from({ length: 20 }, () =>
    Int8Array.from({ length: 64 * 64 }, () => (rng.next() < 0.5 ? 1 : -1)),
  );
  await page.goto(`./#/hopfield?size=64&speed=10&pats=${encodePatterns(64, 64, pats)}`);
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '64');
  await page.getByTestId('network-grid').click();
  await resetLongTasks(page);
  await page.keyboard.press('c');
  await page.keyboard.press('r');
  await page.waitForTimeout(3000);
  expect(await report(page, 'Classic recall at 64x64')).toBeLessThan(BOUND_MS);
});

test('Classic: learning Storkey on a 64x64 grid with 20 stored patterns, then recall', async ({
  page,
  browser,
}) => {
  // Storkey learns in a Web Worker (src/labs/hopfield/learnWorker.ts): before, it held the
  // page for 2.7 s here. Recall's first D^2 field pass runs in chunks of 512 rows
  // (fieldsPass.ts). On an idle machine no task is over 50 ms; with the suite's load the wall
  // times reached 156-209 ms for the same work, so, as for Consolidation, the bound is on
  // each task's CPU time from a trace and the wall time is reported.
  test.setTimeout(120_000);
  await observeLongTasks(page);
  const rng = createRng(3);
  const pats = Array.from({ length: 20 }, () =>
    Int8Array.from({ length: 64 * 64 }, () => (rng.next() < 0.5 ? 1 : -1)),
  );
  await page.goto(
    `./#/hopfield?size=64&speed=10&rule=storkey&pats=${encodePatterns(64, 64, pats)}`,
  );
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '64');
  await page.getByTestId('network-grid').click();
  const cpu = await traced(
    browser,
    page,
    'Classic Storkey learning and recall at 64x64',
    async () => {
      await page.keyboard.press('c');
      await page.keyboard.press('r');
      await expect(page.getByTestId('recall-status')).toContainText('Stopped', {
        timeout: 100_000,
      });
    },
  );
  expect(cpu).toBeLessThan(BOUND_MS);
});

test('Modern: storing all 10,000 digits and retrieving', async ({ page }) => {
  test.setTimeout(120_000);
  await observeLongTasks(page);
  await page.goto('./#/modern?k=100');
  await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });
  await resetLongTasks(page);
  // The K slider to its end: 10,000 digits stored.
  const k = page.getByRole('slider').first();
  await k.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('memory-note')).toContainText('10,000 real MNIST digits stored', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('step-status')).not.toContainText('Working', { timeout: 60_000 });
  expect(await report(page, 'Modern store 10,000 + retrieve')).toBeLessThan(BOUND_MS);
});

test('Consolidation: encode 3,000 episodes, replay 6,000 cues, train an epoch in the worker', async ({
  page,
  browser,
}) => {
  // The live VAE trains in a Web Worker (src/labs/consolidation/trainWorker.ts); on the page one
  // 784-512-256-2 minibatch is about 42 ms on WASM. On this shared two-core machine the wall
  // time of the page's tasks is mostly the scheduler's (200-700 ms with the work in small
  // chunks), so the bound is on each task's CPU time from a trace (./taskTime.ts) and the wall
  // times are only reported.
  test.setTimeout(360_000);
  await observeLongTasks(page);
  await page.goto('./#/consolidation?episodes=3000&replays=6000&epochs=1');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', /\d+/, {
    timeout: 60_000,
  });
  const replay = await traced(browser, page, 'Consolidation encode + replay 6,000', async () => {
    await page.getByTestId('encode').click();
    await expect(page.getByTestId('encoded')).toContainText('Stored 3,000 episodes', {
      timeout: 60_000,
    });
    await page.getByTestId('replay').click();
    await expect(page.getByTestId('coverage')).toBeVisible({ timeout: 180_000 });
  });
  const train = await traced(browser, page, 'Consolidation training 1 epoch', async () => {
    await page.getByTestId('train').click();
    await expect(page.getByTestId('vae-note')).toContainText('Trained live', { timeout: 180_000 });
  });
  expect(replay).toBeLessThan(BOUND_MS);
  expect(train).toBeLessThan(BOUND_MS);
  await expect(page.getByTestId('vae-note')).toContainText('in a worker');
});

test('Experiments: a capacity sweep runs in its worker', async ({ page }) => {
  await observeLongTasks(page);
  await page.goto('./#/capacity?exp=capacity&units=200&trials=10');
  await expect(page.getByTestId('run')).toBeVisible();
  await resetLongTasks(page);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  expect(await report(page, 'Experiments capacity sweep')).toBeLessThan(BOUND_MS);
});
