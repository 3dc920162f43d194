/**
 * Every lesson of the course, start to end, in presenter mode (present=1)
 * at 1920x1080, with a screenshot per step under E2E_OUT; a lesson step
 * opened by link lands on that step; the visitor's stored patterns survive
 * a lesson and a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { COURSE } from '../src/engine/course';
import { gridCells, openLab } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

/** Waits until the lesson panel shows step `n` (from 1) and its set-up has finished. */
async function onStep(page: Page, lesson: string, n: number, timeout = 120_000) {
  const panel = page.getByTestId('lesson');
  await expect(panel).toHaveAttribute('data-lesson', lesson, { timeout });
  await expect(panel).toHaveAttribute('data-step', String(n), { timeout });
  await expect(panel).not.toHaveAttribute('data-busy', /.*/, { timeout });
}

/** How long each lab's steps may take to set up (the heavy labs train or sweep). */
const SETTLE: Record<string, number> = { '/hopfield': 1500, '/human': 1500 };

for (const info of COURSE) {
  test(`lesson ${info.lab} ${info.id}: every step, in presenter mode`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(600_000);
    await page.goto(`./#${info.lab}?present=1&lesson=${info.id}&step=1`);
    for (let n = 1; n <= info.steps; n++) {
      await onStep(page, info.id, n, 300_000);
      expect(page.url()).toContain(`lesson=${info.id}&step=${n}`);
      await page.waitForTimeout(SETTLE[info.lab] ?? 3000);
      await page.screenshot({ path: testInfo.outputPath(`${info.id}-step-${n}.png`) });
      if (n < info.steps) await page.keyboard.press(n % 2 ? 'PageDown' : 'ArrowRight');
    }
    await page.getByTestId('lesson-finish').click();
    await expect(page.getByTestId('lesson')).toHaveCount(0);
    expect(page.url()).not.toContain('lesson=');
  });
}

test('a lesson step opened by link lands on that step; Previous and p go back', async ({
  page,
}) => {
  await page.goto('./#/hopfield?lesson=classic&step=5');
  await onStep(page, 'classic', 5);
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Correlated memories interfere');
  await expect(page.getByTestId('verdict')).toContainText('“F”', { timeout: 30_000 });
  await page.getByTestId('lesson-prev').click();
  await onStep(page, 'classic', 4);
  await page.locator('body').press('p');
  await onStep(page, 'classic', 3);
  await page.locator('body').press('n');
  await onStep(page, 'classic', 4);
  expect(page.url()).toContain('lesson=classic&step=4');
});

test('stored patterns survive a lesson and a reload', async ({ page }) => {
  await openLab(page, '#/hopfield?seed=77');
  for (const preset of ['Letter A', 'Letter B']) {
    await page.getByLabel('Preset').selectOption({ label: preset });
    await page.getByRole('button', { name: /Store pattern/ }).click();
  }
  const stored = page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem');
  await expect(stored).toHaveCount(2);
  const grid = await gridCells(page);
  await expect(page).toHaveURL(/pats=.*seed=77|seed=77.*pats=/);

  await page.getByTestId('lesson-start-classic').click();
  await onStep(page, 'classic', 1);
  await expect(stored).toHaveCount(3);
  await page.keyboard.press('PageDown');
  await onStep(page, 'classic', 2);
  // A reload in the middle of the lesson comes back to the same step…
  await page.reload();
  await onStep(page, 'classic', 2);
  await expect(stored).toHaveCount(3);
  await page.getByTestId('lesson-end').click();
  // …and the end of the lesson gives the visitor's patterns back.
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(stored).toHaveCount(2);
  await expect(stored.first()).toContainText('A');
  await expect(page).toHaveURL(/seed=77/);
  expect(await gridCells(page)).toBe(grid);
  await expect(page.getByLabel('Seed')).toHaveValue('77');
  // Ended without a reload, the lesson gives everything back from its snapshot.
  await page.getByTestId('lesson-start-classic').click();
  await onStep(page, 'classic', 1);
  await page.getByTestId('lesson-end').click();
  await expect(stored).toHaveCount(2);
  expect(await gridCells(page)).toBe(grid);
  await expect(page).toHaveURL(/seed=77/);

  // The checkerboard demo's "Load into the lab" is a lesson too.
  await page.getByText(/^Checkerboard demo/).click();
  await page.getByRole('button', { name: 'Load into the lab to animate' }).click();
  await onStep(page, 'checkerboard', 1);
  await expect(stored).toHaveCount(51);
  await page.reload();
  await onStep(page, 'checkerboard', 1);
  await page.getByTestId('lesson-finish').click();
  await expect(stored).toHaveCount(2);
  await page.goto('./#/hopfield');
  await page.reload();
  await expect(stored).toHaveCount(2);
});

test('consolidation: the visitor’s stored episodes survive a lesson and come back at its end', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('./#/consolidation?episodes=500&replays=1000');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', '1000', {
    timeout: 60_000,
  });
  await page.getByTestId('encode').click();
  const encoded = page.getByTestId('encoded');
  const kept = page.getByTestId('kept-summary');
  await expect(encoded).toContainText('Stored 500 episodes');
  await expect(kept).toHaveText('Kept in this browser: 500 stored episodes.', { timeout: 30_000 });

  await page.getByTestId('lesson-start-consolidation').click();
  await onStep(page, 'consolidation', 1, 120_000);
  await expect(encoded).toContainText('Stored 1,000 episodes');
  await page.keyboard.press('PageDown');
  await onStep(page, 'consolidation', 2, 120_000);
  // Nothing of the lesson is kept: the line still names the visitor's 500.
  await expect(kept).toHaveText('Kept in this browser: 500 stored episodes.');
  await page.getByTestId('lesson-end').click();
  // The end opens the visitor's own link again: their episodes come back from the keep.
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(encoded).toContainText('Stored 500 episodes', { timeout: 60_000 });
  await expect(kept).toHaveText('Kept in this browser: 500 stored episodes.');
  expect(page.url()).toContain('episodes=500');
  expect(page.url()).not.toContain('lesson=');
});
