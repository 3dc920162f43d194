import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { gridCells, openLab } from './helpers';

const numTensors = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    (window as unknown as { engram: { numTensors(): number } }).engram.numTensors(),
  );

async function storePresets(page: import('@playwright/test').Page, labels: string[]) {
  for (const label of labels) {
    await page.getByLabel('Preset').selectOption({ label });
    await page.getByRole('button', { name: /Store pattern/ }).click();
  }
}

test('draws from the keyboard: arrows move, Space toggles, Shift+arrows paint', async ({
  page,
}) => {
  await openLab(page, '#/hopfield?size=8');
  const grid = page.getByTestId('network-grid');
  await grid.focus();
  const before = await gridCells(page);
  expect(before).toBe('0'.repeat(64));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(grid).toHaveAttribute('data-cells', /^0{9}1/);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  const after = await gridCells(page);
  expect(after[1 * 8 + 1]).toBe('1');
  expect(after[2 * 8 + 1]).toBe('1');
  expect(after[3 * 8 + 1]).toBe('1');
});

test('recall, reset and leaving the lab leave no tensors behind', async ({ page }) => {
  // The backend starts when a lab opens (the home page loads no tfjs): the baseline is the
  // Classic lab at rest.
  await page.goto('./?backend=wasm#/hopfield');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm', {
    timeout: 30_000,
  });
  const baseline = await numTensors(page);
  await storePresets(page, ['Letter T', 'Letter O', 'Letter X']);
  await page.getByText('Test every stored pattern at this noise').click();
  await page.getByRole('button', { name: 'Recall all 3' }).click();
  await expect(page.getByTestId('batch-result')).toContainText('recalled exactly');
  await page.getByRole('button', { name: 'Recall', exact: true }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await page.getByRole('button', { name: /^Reset/ }).click();
  expect(await numTensors(page)).toBe(baseline);
  await page.getByRole('link', { name: 'Engram' }).click();
  await expect(page.getByRole('heading', { name: /How does a network remember/ })).toBeVisible();
  expect(await numTensors(page)).toBe(baseline);
});

test('exports the stored patterns and imports them into a fresh browser', async ({
  page,
  browser,
}, testInfo) => {
  await openLab(page);
  await storePresets(page, ['Letter E', 'Digit 5']);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export/ }).click();
  const file = testInfo.outputPath('patterns.json');
  await (await download).saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.names).toEqual(['E', '5']);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto('./#/hopfield');
  await fresh.getByTestId('import-file').setInputFiles(file);
  await expect(
    fresh.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(fresh.getByTestId('messages-importPatterns')).toContainText('Imported 2 patterns');

  // A file that is not an export is refused and changes nothing.
  await fresh.getByTestId('import-file').setInputFiles({
    name: 'junk.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(fresh.getByTestId('messages-importPatterns')).toContainText('Could not import');
  await expect(
    fresh.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(2);
  await other.close();
});

test('the checkerboard demo compares four recalls', async ({ page }, testInfo) => {
  await openLab(page, '#/hopfield?demo=true');
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  const verdicts = page.getByTestId('demo-verdicts').getByRole('listitem');
  await expect(verdicts).toHaveCount(4, { timeout: 60_000 });
  await expect(verdicts.first()).toContainText('Hebbian, synchronous');
  await page.getByRole('button', { name: 'Load into the lab to animate' }).click();
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '50');
  await expect(
    page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(51);
  await page.screenshot({ path: testInfo.outputPath('checkerboard.png'), fullPage: true });
});

test('works on a phone-sized touch screen', async ({ browser }, testInfo) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await ctx.newPage();
  await openLab(page);
  const grid = page.getByTestId('network-grid');
  const box = (await grid.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing on the page makes it scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await grid.tap({ position: { x: box.width / 2, y: box.height / 2 } });
  expect((await gridCells(page)).includes('1')).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('phone.png'), fullPage: true });
  await ctx.close();
});

test('changing the grid size keeps the stored patterns, resampled', async ({ page }) => {
  await openLab(page);
  await storePresets(page, ['Letter H', 'Letter V']);
  await page.getByLabel('Grid size').selectOption('32');
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '32');
  await expect(
    page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(page.getByTestId('load-meter')).toContainText('2/1024');
});

test('the Classic lesson runs its steps in the page', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('lesson-start-classic').click();
  await expect(
    page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(3);
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('verdict')).toContainText('Recalled the target', {
    timeout: 30_000,
  });
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('verdict')).toContainText('inverted', { timeout: 30_000 });
});
