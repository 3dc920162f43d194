import { expect, test } from '@playwright/test';

/**
 * After one visit every lab opens offline: the service worker (vite-plugin-pwa)
 * precaches the shell, every lab's chunks, the WASM binaries, the MNIST
 * asset and the shipped VAE.
 */
test('after one visit, every lab opens offline', async ({ page, context }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('./');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'How does a network remember?' })).toBeVisible();

  await page.goto('./#/hopfield');
  await expect(page.getByTestId('network-grid')).toBeVisible();

  await page.goto('./#/capacity?exp=capacity&units=60&trials=2&cues=2&loads=0.05,0.1');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });

  await page.goto('./#/modern?k=100');
  await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });

  await page.goto('./#/consolidation?episodes=500&replays=500&epochs=1');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', /\d+/, {
    timeout: 60_000,
  });
  expect(errors).toEqual([]);
});
