import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

/** Sets a text setting by its label. */
async function setText(page: import('@playwright/test').Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
}

test('run a small capacity sweep: progress moves, the plot fills, CSV downloads', async ({
  page,
}, testInfo) => {
  await page.goto('./#/capacity?exp=capacity&units=120&trials=20&seed=2');
  await expect(page.getByRole('heading', { name: /Experiments/ })).toBeVisible();
  await expect(page.getByLabel('Units D', { exact: true })).toHaveValue('120');
  await setText(page, 'Loads N/D', '0.02,0.05,0.08,0.11,0.14,0.17,0.2,0.25,0.3');
  await page.getByRole('checkbox', { name: 'storkey' }).check();

  await page.getByTestId('run').click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('engine-used')).toContainText('WebAssembly SIMD');
  const table = page.getByTestId('table-rows');
  await expect(table.locator('tbody tr')).toHaveCount(18);
  // The plot has one line per rule, drawn with real points, and three dashed theory lines.
  const chart = page.getByTestId('chart-success');
  const paths = chart.locator('svg path[stroke-width="2.5"]');
  await expect(paths).toHaveCount(5);
  expect((await paths.first().getAttribute('d'))?.length ?? 0).toBeGreaterThan(20);
  await expect(chart.locator('.ui-legend')).toContainText('Hebbian');
  await expect(chart.locator('.ui-legend')).toContainText('theory 0.138 D = 16.6 patterns');
  await page.screenshot({ path: testInfo.outputPath('capacity-done.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toContain('successRate');
  expect(csv).toHaveLength(19);
  // Plots save as SVG (with their legend) and PNG.
  const box = page.locator('.cap-chart').first();
  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: 'Save SVG' }).click(),
  ]);
  const svg = readFileSync((await svgFile.path())!, 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Storkey');
  expect(svg).toContain('theory D/(2 ln D)');
  const [pngFile] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: 'Save PNG' }).click(),
  ]);
  expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
  expect(
    readFileSync((await pngFile.path())!)
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
  // The link holds the settings.
  await expect(page).toHaveURL(/loads=.*seed=2/);
});

test('the progress bar moves, rows stream in, and a run can be cancelled', async ({
  page,
}, testInfo) => {
  await page.goto('./#/capacity?exp=capacity&units=400&rule=hebbian,storkey&trials=60&seed=5');
  await expect(page.getByTestId('run')).toBeEnabled();
  // Record main-thread long tasks from here on.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.longTasks.push(Math.round(e.duration), Math.round(e.startTime));
    }).observe({ type: 'longtask' });
  });
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('run').click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  // The bar moves and the first rows arrive while the run goes on.
  await expect
    .poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('table-rows').locator('tbody tr').first()).toBeVisible({
    timeout: 30_000,
  });
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect
    .poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(first);
  // The page stays responsive while the worker runs: a click on a tab-free control answers at once.
  const t0 = Date.now();
  await page.getByRole('heading', { name: 'Settings' }).click();
  expect(Date.now() - t0).toBeLessThan(1000);
  await page.screenshot({ path: testInfo.outputPath('capacity-running.png'), fullPage: true });
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  // [duration, start after the click] in ms, for the record; the page must never freeze.
  const tasks = longTasks.flatMap((v, k) =>
    k % 2 ? [] : [[v, longTasks[k + 1] - Math.round(clickedAt)]],
  );
  console.log(`main-thread long tasks while the sweep ran: ${JSON.stringify(tasks)}`);
  for (const [ms] of tasks) expect(ms).toBeLessThan(200);
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled', {
    timeout: 5_000,
  });
  await expect(page.getByTestId('run')).toBeEnabled();
});

test('every experiment tab shows its settings and help', async ({ page }) => {
  await page.goto('./#/capacity');
  for (const name of [
    'Capacity against size',
    'Dense memory: capacity against n',
    'Noise sweep',
    'Pattern statistics',
    'Dynamics',
    'Modularity',
    'Single-run presets',
  ]) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
  await expect(page).toHaveURL(/exp=presets/);
});

test('the noise sweep on TensorFlow.js in the worker shows the jump to the inverted pattern', async ({
  page,
}, testInfo) => {
  await page.goto('./#/capacity?exp=noise&engine=tfjs&units=100&patterns=5&trials=5&cues=5');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('engine-used')).toContainText(/TensorFlow\.js, (wasm|cpu) backend/);
  const rows = page.getByTestId('table-rows').locator('tbody tr');
  await expect(rows).toHaveCount(21);
  await page.screenshot({ path: testInfo.outputPath('noise-tfjs.png'), fullPage: true });
});

test('a bad link value opens with the default and says so', async ({ page }) => {
  await page.goto('./#/capacity?exp=capacity&units=abc');
  await expect(page.getByText(/units must be a number/)).toBeVisible();
  await expect(page.getByLabel('Units D', { exact: true })).toHaveValue('200');
});

/** The header's link to a lab. */
const labLink = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name, exact: true });

// Two rules x 11 loads = 22 rows; about 7 s of work in Node on the dev machine, more here.
const LONG_SWEEP = './#/capacity?exp=capacity&units=500&rule=hebbian,storkey&trials=150&seed=5';

test('a run goes on while the visitor is in another lab; back, it shows its rows and progress', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto(LONG_SWEEP);
  await page.getByTestId('run').click();
  const rows = page.getByTestId('table-rows').locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  const before = await rows.count();
  await labLink(page, 'Classic Hopfield').click();
  await expect(page.getByTestId('network-grid')).toBeVisible();
  await page.waitForTimeout(1000);
  await labLink(page, 'Experiments').click();
  // The settings came back with the run, and the run is still going (or done) with its rows.
  await expect(page).toHaveURL(/units=500/);
  await expect(page.getByLabel('Units D', { exact: true })).toHaveValue('500');
  const status = page.getByTestId('run-status');
  const back = await status.getAttribute('data-status');
  console.log(
    `back in the lab: run ${back}, ${await rows.count()} rows (${before} when it was left)`,
  );
  expect(back).toMatch(/^(running|done)$/);
  expect(await rows.count()).toBeGreaterThanOrEqual(before);
  if (back === 'running') await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(rows).toHaveCount(22);
  // A finished run's rows are kept too.
  await labLink(page, 'Modern Hopfield').click();
  await expect(page.getByRole('heading', { name: /Modern Hopfield/ }).first()).toBeVisible();
  await labLink(page, 'Experiments').click();
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(rows).toHaveCount(22);
});

test('closing the tab while a run goes on asks first; staying keeps the run', async ({ page }) => {
  await page.goto(LONG_SWEEP);
  await page.getByTestId('run').click();
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'running');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(status).toHaveAttribute('data-status', /running|done/);
  expect(page.isClosed()).toBe(false);
  await page.getByTestId('cancel').click();
  await expect(status).toHaveAttribute('data-status', 'cancelled', { timeout: 5_000 });
});

test('dense memory: capacity against n fills its table, n = 3 holding more than n = 2', async ({
  page,
}) => {
  await page.goto('./#/capacity?exp=dense-capacity&sizes=24&powers=2,3&trials=3&cues=10');
  await expect(
    page.getByRole('heading', { name: 'Dense memory: capacity against n', exact: true }),
  ).toBeVisible();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  const rows = page.getByTestId('table-rows').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const text = await page.getByTestId('table-rows').innerText();
  expect(text).toMatch(/power/i);
});

test("the capacity sweep takes Storkey's diagonal and the new rules from the link", async ({
  page,
}) => {
  await page.goto(
    './#/capacity?exp=capacity&units=60&rule=storkey,krauth-mezard,unlearning&diagonal=keep&loads=0.1,0.2&trials=2&cues=5',
  );
  await expect(page.getByLabel("Storkey's diagonal", { exact: true })).toHaveValue('keep');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('table-rows').locator('tbody tr')).toHaveCount(6);
});
