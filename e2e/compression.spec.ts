import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { textFile } from './files';

/**
 * The Compression lab as a visitor uses it: generate a small atlas, train,
 * read the ratio and the recall plots, corrupt one query by hand, export
 * the compressed file and import it back (the same records, bit for bit).
 * Small on purpose: 1,000 cells, two short epochs.
 */
const SMALL = 'records=1000&genes=50&bits=32&hidden=64&epochs=2&batch=100&queries=20';

test('generate, train, ratio and recall, one query by hand, export and import', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./#/compression?${SMALL}`);
  await expect(page.getByRole('heading', { name: 'Hopfield autoencoder' })).toBeVisible();
  // The section menu is one row, all of it visible at 1280 px.
  const nav = await page.getByTestId('section-nav').evaluate((el) => {
    const list = el.querySelector('ol')!;
    const tops = [...list.querySelectorAll('li')].map((li) => li.getBoundingClientRect().top);
    return { rows: new Set(tops).size, fits: list.scrollWidth <= list.clientWidth };
  });
  expect(nav).toEqual({ rows: 1, fits: true });

  await page.getByTestId('generate').click();
  await expect(page.getByTestId('data-summary')).toContainText('1,000');
  await expect(page.getByTestId('data-summary')).toContainText('generated');
  await expect(page.getByTestId('data-preview').locator('tbody tr')).toHaveCount(6);

  await page.getByTestId('train').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('training')).toContainText(/Web Worker|on this page/);
  await expect(page.getByTestId('ratio-value')).toHaveText(/^\d[\d,.]*×$/);
  const ratioText = await page.getByTestId('ratio-value').innerText();
  const ratio = Number(ratioText.replace(/[×,]/g, ''));
  expect(ratio).toBeGreaterThan(1);
  await expect(page.getByTestId('stage-message')).toContainText('distinct codes of 32 bits');

  // The recall plots, drawn from measured points (and the numbers beside them).
  for (const kind of ['missing', 'flip', 'noise']) {
    await expect(page.getByTestId(`recall-${kind}`).locator('svg path').first()).toBeVisible();
  }
  await expect(page.getByTestId('recall-table')).toContainText('bits flipped');
  await expect(page.getByTestId('byte-table')).toContainText('The compressed file');

  // One query by hand: record 7, 5 code bits flipped.
  await page.getByTestId('param-record').getByRole('spinbutton').fill('7');
  await page.getByTestId('param-query').getByRole('combobox').selectOption('flip');
  await page.getByTestId('run-query').click();
  await expect(page.getByTestId('query-result')).toContainText('Record 7');
  await expect(page.getByTestId('query-result')).toContainText('of 32 code bits flipped');
  await expect(page.getByTestId('query-table')).toContainText('subclass');

  // Export the file, then set it on the import input: the same records come back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.engramae$/);
  const exported = {
    name: download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: readFileSync(await download.path()),
  };
  await page.getByTestId('import-file').setInputFiles(exported);
  await expect(page.getByTestId('import-identical')).toContainText('identical, bit for bit');

  // A file that is not one is refused, and nothing changes.
  const csv = textFile('cells.csv', 'text/csv', 'cell_id,class\n0,Astrocyte\n');
  await page.getByTestId('import-file').setInputFiles(csv);
  await expect(page.getByTestId('import-refused')).toContainText(
    'not an Engram compressed dataset',
  );
  await expect(page.getByTestId('ratio-value')).toHaveText(ratioText);

  // Another model (16 bits) trained here; importing the 32-bit file replaces
  // it, keeps it, and one click brings it back.
  const bits = page.getByTestId('param-bits').getByRole('slider');
  await bits.focus();
  await bits.press('ArrowLeft');
  await bits.press('ArrowLeft');
  await expect(page.getByTestId('train')).toBeEnabled();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stage-message')).toContainText('codes of 16 bits');
  const mine = await page.getByTestId('ratio-value').innerText();
  await page.getByTestId('import-file').setInputFiles(exported);
  await expect(page.getByTestId('import-replaced')).toContainText(
    'trained here with 16 bits a record',
  );
  await expect(page.getByTestId('ratio-value')).toHaveText(ratioText);
  await page.getByTestId('restore-replaced').click();
  await expect(page.getByTestId('ratio-value')).toHaveText(mine);
  await expect(page.getByTestId('import-replaced')).toHaveCount(0);
  await expect(page.getByTestId('messages-importFile')).toContainText('is back (16 bits a record)');

  // Kept in this browser: a reload brings the model on screen back, for the same link.
  await page.reload();
  await expect(page.getByTestId('ratio-value')).toHaveText(mine, { timeout: 60_000 });
  await expect(page.getByTestId('messages-keep')).toContainText(
    'Your model from before (trained here, 16 bits a record) is back',
  );
  await expect(page.getByTestId('file-note')).toContainText('kept in this browser');
  expect(errors).toEqual([]);
});
