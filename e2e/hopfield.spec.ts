import { expect, test } from '@playwright/test';
import { encodeShortPatterns } from '../src/core/patternCodec';
import { dragCells, gridCells, openLab } from './helpers';

test.beforeEach(async ({ page }) => {
  // Every test starts from an empty browser profile of its own, so there
  // are no saved patterns unless the test stores some.
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

test('draw a letter, store it and two others, corrupt, recall: the grid shows the letter', async ({
  page,
}, testInfo) => {
  await openLab(page, '#/hopfield?seed=3');
  // Draw a "T": a bar across the top and a stem down the middle (16 x 16 grid).
  await dragCells(page, [2, 2], [13, 2]);
  await dragCells(page, [2, 3], [13, 3]);
  await dragCells(page, [7, 4], [7, 13]);
  await dragCells(page, [8, 4], [8, 13]);
  const drawn = await gridCells(page);
  expect(drawn.split('').filter((c) => c === '1').length).toBeGreaterThan(40);
  await page.getByRole('button', { name: /Store pattern/ }).click();

  for (const preset of ['Letter O', 'Letter X']) {
    await page.getByLabel('Preset').selectOption({ label: preset });
    await page.getByRole('button', { name: /Store pattern/ }).click();
  }
  await expect(
    page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(3);

  // Load the drawn T as the cue, corrupt it, recall.
  await page.getByRole('button', { name: 'Load Pattern 1 onto the grid as the cue' }).click();
  expect(await gridCells(page)).toBe(drawn);
  await page.getByRole('button', { name: /^Corrupt/ }).click();
  const cue = await gridCells(page);
  const flipped = [...cue].filter((c, i) => c !== drawn[i]).length;
  expect(flipped).toBe(Math.round(0.2 * 256));
  await page.screenshot({ path: testInfo.outputPath('cue.png'), fullPage: true });

  await page.getByRole('button', { name: /^Recall/ }).click();
  await expect(page.getByTestId('verdict')).toContainText('Recalled the target', {
    timeout: 30_000,
  });
  expect(await gridCells(page)).toBe(drawn);
  await page.screenshot({ path: testInfo.outputPath('recalled.png'), fullPage: true });
});

test('the backend badge names the backend that runs', async ({ page }) => {
  // The backend starts when a lab opens; the home page loads no tfjs (e2e/security.spec.ts).
  await page.goto('./#/hopfield');
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', /^(webgpu|webgl|wasm|cpu)$/, {
    timeout: 30_000,
  });
  await expect(badge).toContainText(/WebGPU|WebGL|WASM|CPU/);
});

test('?backend=cpu forces the CPU backend', async ({ page }) => {
  await page.goto('./?backend=cpu#/hopfield');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu', {
    timeout: 30_000,
  });
});

test('stored patterns survive a reload', async ({ page }) => {
  await openLab(page);
  for (const preset of ['Letter A', 'Letter B']) {
    await page.getByLabel('Preset').selectOption({ label: preset });
    await page.getByRole('button', { name: /Store pattern/ }).click();
  }
  const stored = page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem');
  await expect(stored).toHaveCount(2);
  // Drop the link's state so only local storage can bring the patterns back.
  await page.goto('./#/hopfield');
  await page.reload();
  await expect(stored).toHaveCount(2);
  await expect(page.getByTestId('messages')).toContainText('Restored your 2 stored patterns');
});

test('a shared link reproduces the view in a fresh browser', async ({ page, browser }) => {
  await openLab(page, '#/hopfield?rule=storkey&size=20&seed=7');
  for (const preset of ['Digit 3', 'Digit 7']) {
    await page.getByLabel('Preset').selectOption({ label: preset });
    await page.getByRole('button', { name: /Store pattern/ }).click();
  }
  await page.getByRole('button', { name: 'Load 3 onto the grid as the cue' }).click();
  await page.getByRole('button', { name: /^Corrupt/ }).click();
  const cells = await gridCells(page);
  await expect(page).toHaveURL(/pats=/);
  // The link is rewritten a moment after the last change: wait until it holds the corrupted cue.
  // The link writes the shorter of the plain and the deflate form (patternCodec.ts).
  const cue = encodeShortPatterns(20, 20, [Int8Array.from(cells, (c) => (c === '1' ? 1 : -1))]);
  await expect(page).toHaveURL(new RegExp(`cue=${encodeURIComponent(cue)}`));
  const url = page.url();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  await expect(fresh.getByTestId('network-grid')).toHaveAttribute('data-cells', cells);
  await expect(
    fresh.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(fresh.getByLabel('Learning rule')).toHaveValue('storkey');
  await expect(fresh.getByTestId('network-grid')).toHaveAttribute('data-width', '20');
  await other.close();
});

test('a garbage link opens the lab with defaults and a message', async ({ page }, testInfo) => {
  await page.goto('./#/hopfield?size=banana&rule=%zz&pats=!!!&noise=7&cue=16x16.@@');
  await expect(page.getByTestId('network-grid')).toBeVisible();
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '16');
  const messages = page.getByTestId('messages');
  await expect(messages).toContainText('size=banana');
  await expect(messages).toContainText('noise=7');
  await page.screenshot({ path: testInfo.outputPath('garbage-link.png'), fullPage: true });
});

test('an unknown page says so and lists the labs', async ({ page }) => {
  await page.goto('./#/nowhere');
  await expect(page.getByRole('alert')).toContainText('There is no page');
  await expect(page.getByRole('link', { name: 'Classic Hopfield' }).first()).toBeVisible();
});

test('the new rules recall a corrupted letter; their settings show and travel in the link', async ({
  page,
}) => {
  await openLab(page, '#/hopfield?seed=3');
  for (const preset of ['Letter T', 'Letter O', 'Letter X']) {
    await page.getByLabel('Preset').selectOption({ label: preset });
    await page.getByRole('button', { name: /Store pattern/ }).click();
  }
  for (const [rule, control] of [
    ['krauth-mezard', 'km-margin'],
    ['unlearning', null],
    ['dense-am', 'dense-power'],
  ] as const) {
    await page.getByLabel('Learning rule').selectOption(rule);
    if (control) await expect(page.getByTestId(control)).toBeVisible();
    await page.getByRole('button', { name: 'Load O onto the grid as the cue' }).click();
    const target = await gridCells(page);
    await page.getByRole('button', { name: /^Corrupt/ }).click();
    await page.getByRole('button', { name: /^Recall/ }).click();
    await expect(page.getByTestId('verdict')).toContainText('Recalled the target', {
      timeout: 30_000,
    });
    expect(await gridCells(page)).toBe(target);
  }
  await page.getByLabel('Learning rule').selectOption('storkey');
  await page.getByLabel("Storkey's diagonal").selectOption('keep');
  await expect(page).toHaveURL(/diag=keep/);
});

test('the checkerboard demo, loaded and noisy: Hebbian misses, Storkey recalls both ways', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLab(page, '#/hopfield?demo=1&demoLoad=loaded');
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  const verdicts = page.getByTestId('demo-verdicts');
  await expect(verdicts.locator('li')).toHaveCount(4, { timeout: 100_000 });
  await expect(verdicts).toContainText('Storkey, synchronous: target');
  await expect(verdicts).toContainText('Storkey, asynchronous: target');
  await expect(verdicts).toContainText('Hebbian, asynchronous: spurious');
  // The noisy setting: the seed's load, 1150 units flipped.
  await page.getByLabel('Setting').selectOption('noisy');
  await expect(page).toHaveURL(/demoLoad=noisy/);
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  await expect(verdicts.locator('li')).toHaveCount(4, { timeout: 100_000 });
  await expect(verdicts).toContainText('Storkey, asynchronous: target');
  await expect(verdicts).not.toContainText('Hebbian, asynchronous: target');
});
