import { expect, test } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

test('opens with a trained map; encode, replay, a short training run; click decodes', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await page.goto('./#/consolidation?episodes=1000&replays=1000&epochs=1');
  // The pretrained VAE: the map is there at once.
  const points = page.getByTestId('map-points');
  await expect(points).toHaveAttribute('data-count', '1000', { timeout: 60_000 });
  await expect(page.getByTestId('vae-note')).toContainText('decoding accuracy');
  await page.screenshot({ path: info.outputPath('opening.png'), fullPage: true });

  // 1 Encode.
  await page.getByTestId('encode').click();
  await expect(page.getByTestId('encoded')).toContainText('Stored 1,000 episodes');

  // 2 Replay.
  await page.getByTestId('replay').click();
  await expect(page.getByTestId('coverage')).toContainText('within 0.05', { timeout: 60_000 });
  await expect(page.getByTestId('replays').locator('canvas')).toHaveCount(24);

  // 3 Train from scratch, one epoch.
  const t0 = Date.now();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('curves')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('busy')).not.toContainText('Training', { timeout: 120_000 });
  console.log(`one live epoch on 1,000 replays: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await expect(points).toHaveAttribute('data-count', '1000');
  await expect(page.getByTestId('vae-note')).toContainText('Trained live');

  // Click the plane: a decoded digit.
  await page.getByTestId('latent-map').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('latent-map').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await expect(page.getByTestId('decoded')).toBeVisible();
  await expect(page.getByTestId('probe')).toContainText('decoded from this point');

  // Recall a stored episode from its top half: hippocampus vs neocortex.
  await page.getByTestId('recall-partial').click();
  const partial = page.getByTestId('partial-recall');
  await expect(partial.locator('canvas')).toHaveCount(4);
  await expect(partial).toContainText(/hippocampus: \d+\.\d %/);
  await expect(partial).toContainText(/neocortex: \d+\.\d %/);

  // Distortion and few-shot learning, measured on the held-out digits.
  await page.getByTestId('analyse').click();
  await expect(page.getByTestId('distortion')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('few-shot')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('imagine').click();
  await expect(page.getByTestId('imagination').locator('canvas')).toHaveCount(16);
  await page.screenshot({ path: info.outputPath('consolidation.png'), fullPage: true });
});
