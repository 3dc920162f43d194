import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { startTaskTrace, stopTaskTrace } from './taskTime';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

/** Opens the lab on a clean device and waits for the model's first curves. */
async function openHuman(page: Page, query = ''): Promise<void> {
  await page.goto('./#/human' + (query ? '?' + query : ''));
  await expect(page.getByTestId('serial-readout')).toBeVisible({ timeout: 60_000 });
}

/** Records every word the study phase shows, as a visitor reads them. */
async function recordStudyWords(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { studied: string[] }).studied = seen;
    const read = () => {
      const t = document.querySelector('[data-testid="study-word"]')?.textContent?.trim();
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

test('play a round of the memory game: curves next to the model, kept, exported, cleared, imported back', async ({
  page,
}, info) => {
  await openHuman(page, 'words=4&rate=0.3&lists=200');
  await page.evaluate(() => localStorage.clear());
  await recordStudyWords(page);
  await page.getByTestId('start-round').click();
  const input = page.getByTestId('recall-input');
  await expect(input).toBeVisible({ timeout: 10_000 });
  const studied = await page.evaluate(() => (window as unknown as { studied: string[] }).studied);
  expect(studied).toHaveLength(4);

  // Two words right (one in capitals), one misspelt, one typed twice.
  for (const w of [studied[3], 'qqqzzz', studied[2].toUpperCase(), studied[3]]) {
    await input.fill(w);
    await input.press('Enter');
  }
  await expect(page.getByTestId('typed-words').locator('li')).toHaveCount(4);
  await page.getByTestId('finish-recall').click();

  const summary = page.getByTestId('game-summary');
  await expect(summary).toContainText('Over 1 round you recalled 2.0 words per list');
  await expect(summary).toContainText('1 intrusion and 1 repetition');
  await expect(summary).toContainText('CMR, on the same list settings');
  const spc = page.getByTestId('game-spc');
  await expect(spc.locator('.ui-legend')).toContainText('you (1 round)');
  await expect(spc.locator('.ui-legend')).toContainText('CMR (200 lists)');
  await expect(spc.locator('path[stroke-width="2.5"]')).toHaveCount(2);

  // Reload: the round is still there.
  await page.reload();
  await expect(page.getByTestId('game-summary')).toContainText('Over 1 round', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('game-spc').locator('.ui-legend')).toContainText('CMR', {
    timeout: 30_000,
  });

  // Export as CSV and JSON: real downloads with the round in them.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^engram-memory-game-.*\.csv$/);
  const csvText = await readFile(await csv.path(), 'utf8');
  expect(csvText.split('\n')[0]).toContain('round,started_at,list_length');
  expect(csvText).toContain(`recall,2,qqqzzz,,intrusion`);
  expect(csvText).toContain(`recall,4,${studied[3]},4,repetition`);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(doc.rounds[0].words).toEqual(studied);
  expect(doc.you.meanRecalled).toBe(2);
  expect(doc.model.serialPosition).toHaveLength(4);
  await page.screenshot({ path: info.outputPath('game-results.png'), fullPage: false });

  // Clear asks first; "keep" keeps them.
  await page.getByTestId('ask-clear').click();
  await expect(page.getByTestId('confirm-clear')).toContainText('Delete all 1 round');
  await page.getByRole('button', { name: 'Keep them' }).click();
  await expect(page.getByTestId('game-summary')).toBeVisible();
  await page.getByTestId('ask-clear').click();
  await page.getByTestId('confirm-clear-yes').click();
  await expect(page.getByTestId('game-results')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('serial-readout')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('game-results')).toHaveCount(0);

  // Import: a file that is not an export, dropped on the import area, is refused and changes nothing.
  const drop = page.getByTestId('import-rounds-drop');
  await drop.scrollIntoViewIfNeeded();
  await drop.evaluate((el) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['round,started_at\n1,x\n'], 'table.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop'])
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('game-files')).toContainText(
    'table.csv was not read, and your rounds are as they were. The file is not JSON',
  );
  await expect(page.getByTestId('confirm-import')).toHaveCount(0);
  await expect(page.getByTestId('game-results')).toHaveCount(0);

  // The exported JSON, chosen with the file picker, brings the round back after a confirm.
  await page.getByTestId('import-rounds').setInputFiles(await json.path());
  await expect(page.getByTestId('confirm-import')).toContainText('holds 1 round');
  await expect(page.getByTestId('game-results')).toHaveCount(0); // nothing changed yet
  await page.getByTestId('import-add').click();
  await expect(page.getByTestId('game-summary')).toContainText(
    'Over 1 round you recalled 2.0 words per list',
  );
  await expect(page.getByTestId('game-files')).toContainText('Added 1 round from');
  await page.reload();
  await expect(page.getByTestId('game-summary')).toContainText('Over 1 round', { timeout: 60_000 });
  // The same file again: the round is already here, so nothing is added twice.
  await page.getByTestId('import-rounds').setInputFiles(await json.path());
  await expect(page.getByTestId('confirm-import')).toContainText('(1 of them already here)');
  await page.getByTestId('import-add').click();
  await expect(page.getByTestId('game-summary')).toContainText('Over 1 round you recalled');
});

test('the model: a bad link value says so, curves update without freezing the page, one list plays', async ({
  page,
  browser,
}) => {
  await openHuman(page, 'n=abc&tau=0.2');
  await expect(page.getByTestId('messages')).toContainText('n=abc is not a whole number');
  await expect(page.getByTestId('serial-readout')).toContainText('immediate: P(recall)');

  // Drag the list-length slider with the keyboard while watching for long main-thread tasks:
  // their wall time as the page sees it, and their CPU time from a trace (./taskTime.ts).
  await startTaskTrace(browser, page);
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const slider = page.getByTestId('param-listLength').locator('input');
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
  await expect(page.getByTestId('param-listLength').locator('output')).toHaveText('30');
  await expect
    .poll(async () => page.getByTestId('serial-readout').textContent(), { timeout: 30_000 })
    .toMatch(/items recalled per list/);
  await page.waitForTimeout(1500);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  const times = await stopTaskTrace(browser);
  console.log(
    `longest main-thread task while dragging and simulating: ${longest.toFixed(0)} ms ` +
      `(trace: ${times.tasks} tasks, longest ${times.longestWallMs.toFixed(0)} ms wall, ` +
      `longest CPU ${times.longestCpuMs.toFixed(1)} ms, ${times.over50Wall} over 50 ms wall, ` +
      `${times.over50Cpu} over 50 ms CPU)`,
  );
  // Issue 14's loose bound, on the work the page did in a task (its CPU time): the wall time
  // is logged only, as on a shared machine the scheduler adds hundreds of ms to tasks of a few.
  expect(times.longestCpuMs).toBeLessThan(200);
  await expect(page).toHaveURL(/n=30/);
  await expect(page).toHaveURL(/tau=0.2/);

  // Watch one list: step with the key, then the support bars at the first recall.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('n');
  await expect(page.getByTestId('watch-frame')).toContainText(/^2 of/);
  await expect(page.getByTestId('watch-status')).toContainText('Study item 2');
  await page.getByTestId('attention-readout').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('attention-readout')).toContainText('β = 2/τ = 10.0');
  await page.getByRole('button', { name: 'Next recall' }).click();
  await expect(page.getByTestId('watch-status')).toContainText('Output 2');
  await expect(page.getByTestId('support-bars')).toBeVisible();
});

for (const [w, h, name] of [
  [1280, 800, 'desktop'],
  [390, 844, 'phone'],
  [1920, 1080, 'wide'],
] as const) {
  test(`screenshot at ${w}x${h}`, async ({ page }, info) => {
    await page.setViewportSize({ width: w, height: h });
    await openHuman(page);
    // The section menu is one row: all of it on a desktop, a sideways-scrolling row on a phone.
    const nav = await page.getByTestId('section-nav').evaluate((el) => {
      const list = el.querySelector('ol')!;
      const tops = [...list.querySelectorAll('li')].map((li) => li.getBoundingClientRect().top);
      return {
        rows: new Set(tops).size,
        items: tops.length,
        fits: list.scrollWidth <= list.clientWidth,
        width: [list.scrollWidth, list.clientWidth],
      };
    });
    console.log(`section menu at ${w}px: ${JSON.stringify(nav)}`);
    expect(nav.items).toBe(10);
    expect(nav.rows).toBe(1);
    if (w >= 1280) expect(nav.fits).toBe(true);
    await expect(page.getByTestId('context-readout')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('emotion-readout')).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: info.outputPath(`human-${name}.png`) });
    await page.screenshot({ path: info.outputPath(`human-${name}-full.png`), fullPage: true });
  });
}
