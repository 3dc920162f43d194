import { expect, type Page } from '@playwright/test';

/**
 * Opens every lab and uses it a little: a stored pattern, a short sweep, a
 * retrieval, the consolidation map, and the two newest labs' first
 * section. Shared by the specs that check something across all labs (the
 * Content-Security-Policy, offline use).
 */
export async function useEveryLab(page: Page): Promise<void> {
  await page.goto('./#/hopfield');
  await expect(page.getByTestId('network-grid')).toBeVisible();
  await page.keyboard.press('s');

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

  for (const [hash, title] of [
    ['#/human', /Human memory/],
    ['#/compression', /autoencoder|Compression/i],
  ] as const) {
    await page.goto('./' + hash);
    await expect(page.locator('main h1').first()).toHaveText(title, { timeout: 60_000 });
  }
}
