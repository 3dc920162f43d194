import { expect, test } from '@playwright/test';
import { useEveryLab } from './everyLab';

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

  await useEveryLab(page);
  expect(errors).toEqual([]);
});
