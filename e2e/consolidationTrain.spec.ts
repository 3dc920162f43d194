import { expect, test, type Page } from '@playwright/test';

/**
 * The live VAE trains in a Web Worker (src/labs/consolidation/trainWorker.ts):
 * paused mid-run and played on, it ends as the same VAE as a run left alone
 * (the same held-out numbers, computed by the page from the weights the
 * worker sent), as on the page path.
 */

async function upToTrain(page: Page) {
  await page.goto('./#/consolidation?episodes=1000&replays=4000&epochs=2');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', '1000', {
    timeout: 60_000,
  });
  await page.getByTestId('encode').click();
  await expect(page.getByTestId('encoded')).toContainText('Stored 1,000 episodes');
  await page.getByTestId('replay').click();
  await expect(page.getByTestId('coverage')).toContainText('within 0.05', { timeout: 60_000 });
  await page.getByTestId('train').click();
}
const held = async (page: Page) =>
  (await page.getByTestId('vae-note').innerText()).replace(/ in \d+ s/, '');

test('pause mid-run and play gives the uninterrupted VAE', async ({ browser }) => {
  test.setTimeout(240_000);
  const a = await (await browser.newContext()).newPage();
  a.on('pageerror', (e) => console.log('page error', e.message));
  await upToTrain(a);
  await expect(a.getByTestId('vae-note')).toContainText('Trained live on', { timeout: 120_000 });
  const straight = await held(a);
  const b = await (await browser.newContext()).newPage();
  b.on('pageerror', (e) => console.log('page error', e.message));
  await upToTrain(b);
  await b.waitForTimeout(800);
  await b.getByTestId('pause').click();
  await expect(b.getByTestId('play')).toBeVisible({ timeout: 30_000 });
  await b.waitForTimeout(1000);
  await b.getByTestId('play').click();
  await expect(b.getByTestId('vae-note')).toContainText('Trained live on', { timeout: 120_000 });
  const resumed = await held(b);
  expect(resumed).toBe(straight);
  expect(straight).toContain('in a worker');
});
