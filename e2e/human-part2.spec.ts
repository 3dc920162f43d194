import { expect, test, type Page } from '@playwright/test';
import { longestTask, observeLongTasks, resetLongTasks } from './helpers';
import { startTaskTrace, stopTaskTrace } from './taskTime';

/** The second half of the Human memory lab (#/human): forgetting, spacing, interference, days. */

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

/** Opens the lab and waits for the part's first computed results. */
async function openPart2(page: Page, query = ''): Promise<void> {
  await page.goto('./#/human' + (query ? '?' + query : ''));
  await expect(page.getByTestId('fit-power')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('gap-table')).toHaveCount(1, { timeout: 30_000 });
}

const recallText = async (page: Page) =>
  (await page.getByTestId('spacing-recall').locator('strong').textContent()) ?? '';

test('drag a study session on the timeline and the recall at test changes', async ({ page }) => {
  await openPart2(page, 'study=0,7,14&test=44');
  const timeline = page.getByTestId('timeline');
  await timeline.scrollIntoViewIfNeeded();
  const before = await recallText(page);
  expect(Number(before)).toBeGreaterThan(0);
  expect(Number(before)).toBeLessThan(1);

  // Drag session 2 (day 7) to the left with the mouse.
  const dot = page.getByTestId('session-2').locator('.h2-session-dot');
  const box = (await dot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => recallText(page)).not.toBe(before);
  const moved = Number(await page.getByTestId('session-2').getAttribute('aria-valuenow'));
  expect(moved).toBeLessThan(7);
  expect(moved).toBeGreaterThan(0);
  await expect(page).toHaveURL(/study=0%2C\d/);

  // The keyboard moves the focused session too; Delete removes it.
  const afterDrag = await recallText(page);
  await page.getByTestId('session-2').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => recallText(page)).not.toBe(afterDrag);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('session-3')).toHaveCount(0);

  // Presets by key: massed does worse than evenly spaced a month later.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('m');
  const massed = Number(await recallText(page));
  await page.keyboard.press('e');
  const even = Number(await recallText(page));
  expect(even).toBeGreaterThan(massed);
});

test('the day stepper runs to the end (the longest main-thread task logged)', async ({
  page,
  browser,
}) => {
  await observeLongTasks(page);
  await openPart2(page, 'mdays=6&mspeed=10');
  // Opening the page is measured by longtasks.spec.ts; here, stepping and playing the days,
  // once part 1's simulations have drawn their curves.
  for (const id of ['serial-readout', 'context-readout', 'emotion-readout']) {
    await expect(page.getByTestId(id)).toHaveCount(1, { timeout: 60_000 });
  }
  await page.waitForTimeout(500);
  await resetLongTasks(page);
  await startTaskTrace(browser, page);
  const status = page.getByTestId('memory-status');
  await status.scrollIntoViewIfNeeded();
  await expect(status).toContainText('Before day 1 of 6');
  await page.getByTestId('memory-step').click();
  await expect(status).toContainText('Day 1 of 6 · study');
  await expect(page.getByTestId('memory-slots').locator('li')).not.toHaveCount(0);
  await page.getByTestId('memory-play').click();
  await expect(status).toContainText('Day 6 of 6 · test · the end', { timeout: 30_000 });
  await expect(page.getByTestId('memory-play')).toContainText('Play');
  await expect(page.getByTestId('memory-step')).toBeDisabled();
  await expect(page.getByTestId('memory-test-summary')).toContainText('Test of day 6');
  // The default query (kitchen, coffee, morning; people unknown) is answered by the breakfast gist.
  await expect(page.getByTestId('memory-answer')).toContainText('gist');
  await expect(page.getByTestId('memory-attention').locator('tbody tr')).not.toHaveCount(0);
  const ms = await longestTask(page);
  const times = await stopTaskTrace(browser);
  console.log(
    `longest main-thread task, stepping and playing the days: ${ms.toFixed(0)} ms ` +
      `(trace: ${times.tasks} tasks, longest CPU ${times.longestCpuMs.toFixed(1)} ms, ` +
      `${times.over50Wall} over 50 ms wall, ${times.over50Cpu} over 50 ms CPU)`,
  );
  // The wall time is logged, not asserted: on a shared, loaded machine it swings widely
  // (longtasks.spec.ts holds the page-wide bound); see docs/human-lab-part2.md. The work
  // the page did in a task (its CPU time, ./taskTime.ts) has issue 14's loose bound.
  expect(times.longestCpuMs).toBeLessThan(200);
  await page.getByTestId('memory-reset').click();
  await expect(status).toContainText('Before day 1 of 6');
});

test('fits, sweeps and settings: computed in the page, kept in the link, bad values said', async ({
  page,
}) => {
  await openPart2(page, 'isim=2&faxes=loglog');
  await expect(page.getByTestId('part2-interference').getByTestId('messages')).toContainText(
    'isim=2 is not a number between 0 and 1',
  );
  // The power law fits Ebbinghaus better than the exponential.
  const rmse = async (id: string) =>
    Number(await page.getByTestId(id).locator('strong').textContent());
  expect(await rmse('fit-power')).toBeLessThan(await rmse('fit-exponential'));
  // Leave out the 20-minute point: both fits change.
  const power = await page.getByTestId('fit-power').textContent();
  await page.getByTestId('fit-points').getByText('20 min').click();
  await expect(page.getByTestId('fit-power')).not.toHaveText(power!);
  await expect(page).toHaveURL(/fpts=1h%2C9h/);
  await expect(page).toHaveURL(/faxes=loglog/);
  // Interference sweep filled in; the attention panel lists every slot and "no recall".
  await expect(page.getByTestId('interference-attention').locator('tbody tr')).toHaveCount(17);
  await expect(page.getByTestId('interference-readout')).toContainText('retroactive');
  // Every key on the page belongs to one command only.
  const keys = await page.locator('[data-testid="shortcut-help"] kbd').allTextContents();
  expect(new Set(keys).size).toBe(keys.length);
});

for (const [w, h, name] of [
  [1280, 800, 'desktop'],
  [390, 844, 'phone'],
  [1920, 1080, 'wide'],
] as const) {
  test(`part 2 screenshots at ${w}x${h}`, async ({ page }, info) => {
    await page.setViewportSize({ width: w, height: h });
    await openPart2(page, 'mdays=4&mspeed=10');
    // The app's own "saved for offline use" notice would cover part of the pictures.
    await page.addStyleTag({ content: '.app-toast { display: none !important; }' });
    await expect(page.getByTestId('interference-readout')).toBeVisible();
    await page.getByTestId('memory-play').click();
    await expect(page.getByTestId('memory-status')).toContainText('the end', { timeout: 30_000 });
    const sections = [
      ['forgetting', 'forgetting', 'savings-chart'],
      ['spacing', 'spacing', 'timeline'],
      ['interference', 'interference', 'interference-attention'],
      ['consolidating-memory', 'memory', 'memory-attention'],
    ] as const;
    for (const [anchor, id, inside] of sections) {
      await page.getByTestId(inside).scrollIntoViewIfNeeded();
      await expect(page.getByTestId(inside)).toBeVisible();
      await page.locator(`#${anchor}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: info.outputPath(`human2-${name}-${id}.png`) });
      await page
        .locator(`#${anchor}`)
        .screenshot({ path: info.outputPath(`human2-${name}-${id}-whole.png`) });
    }
  });
}
