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
  // Replays by digit: a row per class, the stored counts adding up to the episodes.
  const rows = page.getByTestId('replays-by-digit').locator('tbody tr');
  await expect(rows).toHaveCount(10);
  const stored = await rows.evaluateAll((trs) =>
    trs.reduce((a, tr) => a + Number(tr.querySelectorAll('td')[0].textContent), 0),
  );
  expect(stored).toBe(1000);

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
  // Each read-out's numbers, and a verdict computed from them.
  for (const readout of ['logistic', 'nearestMean']) {
    await expect(page.getByTestId(`few-shot-${readout}`)).toContainText(
      /n = 10: latents 0\.\d\d, pixels 0\.\d\d/,
    );
    await expect(page.getByTestId(`few-shot-verdict-${readout}`)).toContainText(/Latents|Pixels/);
  }

  await page.getByTestId('imagine').click();
  await expect(page.getByTestId('imagination').locator('canvas')).toHaveCount(16);
  await page.screenshot({ path: info.outputPath('consolidation.png'), fullPage: true });
});

test('step 6: moving the threshold changes the stored mask and the memory size', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#/consolidation');
  const size = page.getByTestId('ext-size');
  await expect(size).toContainText('of 784 pixels', { timeout: 60_000 });
  const stored = async () => Number((await size.innerText()).match(/Stored: (\d+) of 784/)![1]);
  const mid = await stored();
  expect(mid).toBeGreaterThan(0);
  expect(mid).toBeLessThan(784);

  // Keyboard: the slider to 0 stores every pixel, the trace is the whole episode.
  const slider = page.getByLabel(/threshold θ/);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(size).toContainText('Stored: 784 of 784');
  await expect(size).toContainText('786 values');
  // To 1: nothing stored, only the 2 latents.
  await page.keyboard.press('End');
  await expect(size).toContainText('Stored: 0 of 784');
  await expect(size).toContainText('2 values');
  // A few steps down from 1: some pixels again, fewer than at 0.30.
  for (let k = 0; k < 50; k++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-extended')).toContainText('stored mask (θ = 0.50)');
  await expect(size).not.toContainText('Stored: 0 of 784');
  expect(await stored()).toBeLessThan(mid);

  // The sweep: memory and recall error against the threshold.
  await page.getByTestId('ext-sweep').click();
  await expect(page.getByTestId('ext-sweep-charts').locator('svg[role="img"]')).toHaveCount(2, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('ext-sweep-note')).toContainText('VAE alone recalling the cue');
});

test('vector arithmetic: a − b + c decoded and read out', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#/consolidation');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', '1000', {
    timeout: 60_000,
  });
  await page.getByTestId('arith-a').selectOption('9');
  await page.getByTestId('arith-b').selectOption('4');
  await page.getByTestId('arith-c').selectOption('1');
  const result = page.getByTestId('arith-result');
  await expect(result.locator('canvas')).toHaveCount(4);
  await expect(page.getByTestId('arith-readout')).toContainText(
    /9 − 4 \+ 1: the read-out's nearest class is \d \(p = \d+ %\)/,
  );
});

test('a link sets the lab up, and changes go back into the link', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(
    './#/consolidation?backend=wasm&episodes=1000&replays=2000&latent=16&epochs=5&seed=7&step=6&theta=0.3&ep=4&arith=941',
  );
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', '1000', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('encode')).toHaveText('Store 1,000 episodes');
  await expect(page.getByTestId('replay')).toHaveText('Replay 2,000 times');
  await expect(page.getByTestId('latent-size')).toHaveValue('16');
  await expect(page.getByTestId('epochs')).toHaveValue('5');
  await expect(page.getByTestId('step-now')).toContainText('Step 6 of 6: Extended model');
  await expect(page.getByTestId('step-extended')).toHaveAttribute('data-current', '');
  await expect(page.getByTestId('step-extended')).toBeInViewport();
  await expect(page.getByTestId('step-extended')).toContainText('stored mask (θ = 0.30)');
  await expect(page.getByTestId('step-extended')).toContainText('episode #4');
  await expect(page.getByTestId('arith-a')).toHaveValue('9');
  await expect(page.getByTestId('arith-c')).toHaveValue('1');

  // Changes are written back; the link's other keys stay.
  await page.getByTestId('epochs').selectOption('10');
  await expect.poll(() => page.url()).toContain('epochs=10');
  await page.getByTestId('goto-step-2').click();
  await expect(page.getByTestId('step-replay')).toHaveAttribute('data-current', '');
  await expect.poll(() => page.url()).toContain('step=2');
  await page.keyboard.press('n');
  await expect.poll(() => page.url()).toContain('step=3');
  await page.getByTestId('episodes').selectOption('2000');
  await expect(page.getByTestId('encode')).toHaveText('Store 2,000 episodes');
  await expect.poll(() => page.url()).toContain('episodes=2000');
  const url = page.url();
  expect(url).toContain('backend=wasm');
  expect(url).toContain('seed=7');
  expect(url).toContain('theta=0.3');
  expect(url).toContain('arith=941');

  // The same link in a new page gives the same settings.
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('step-now')).toContainText('Step 3 of 6', { timeout: 60_000 });
  await expect(page.getByTestId('epochs')).toHaveValue('10');
  await expect(page.getByTestId('encode')).toHaveText('Store 2,000 episodes');
});

test('a bad link opens with defaults and says which values were wrong', async ({ page }) => {
  await page.goto('./#/consolidation?episodes=lots&step=9&theta=2&seed=5');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', '1000', {
    timeout: 60_000,
  });
  await expect(page.getByText('episodes=lots is not a whole number')).toBeVisible();
  await expect(page.getByText('step=9 is not a whole number between 1 and 6')).toBeVisible();
  await expect(page.getByText('theta=2 is not a number between 0 and 1')).toBeVisible();
  await expect(page.getByTestId('encode')).toHaveText('Store 3,000 episodes');
  await expect(page.getByTestId('step-now')).toContainText('Step 1 of 6');
  // The good value is kept.
  await page.getByTestId('goto-step-4').click();
  await expect.poll(() => page.url()).toMatch(/seed=5&step=4$/);
});

test('the stored episodes, replays and a trained VAE survive leaving and a reload; start over asks first', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const link = './#/consolidation?episodes=500&replays=1000&epochs=1';
  await page.goto(link);
  const points = page.getByTestId('map-points');
  await expect(points).toHaveAttribute('data-count', '1000', { timeout: 60_000 });
  const kept = page.getByTestId('kept-summary');
  await expect(kept).toContainText('Nothing of yours is kept in this browser yet');

  // Store, replay and train one epoch.
  await page.getByTestId('encode').click();
  await expect(page.getByTestId('encoded')).toContainText('Stored 500 episodes');
  await page.getByTestId('replay').click();
  await expect(page.getByTestId('coverage')).toContainText('within 0.05', { timeout: 60_000 });
  const coverage = await page.getByTestId('coverage').innerText();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('vae-note')).toContainText('Trained live', { timeout: 120_000 });
  // Kept once the writes are done (no "saving…").
  await expect(kept).toHaveText(
    'Kept in this browser: 500 stored episodes · 1,000 replays · the VAE you trained (1 epoch).',
    { timeout: 30_000 },
  );
  const note = await page.getByTestId('vae-note').innerText();

  const sameAsBefore = async () => {
    await expect(points).toHaveAttribute('data-count', '1000', { timeout: 60_000 });
    await expect(page.getByTestId('encoded')).toContainText('Stored 500 episodes');
    await expect(page.getByTestId('coverage')).toHaveText(coverage);
    // The same VAE: the same line, the same held-out measurements, the same curves.
    await expect(page.getByTestId('vae-note')).toHaveText(note);
    await expect(page.getByTestId('curves')).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled();
  };

  // A reload.
  await page.reload();
  await sameAsBefore();
  await expect(page.getByTestId('messages-keep')).toContainText(
    'Restored from this browser: 500 stored episodes, 1,000 replays and the VAE trained live for 1 epoch.',
  );
  // Leaving the lab and coming back.
  await page.goto('./#/');
  await page.goto(link);
  await sameAsBefore();
  // The restored VAE trains on from where it stopped: one more epoch.
  await page.getByTestId('epochs').selectOption('2');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('vae-note')).toContainText('for 2 epochs', { timeout: 120_000 });
  await expect(kept).toHaveText(
    'Kept in this browser: 500 stored episodes · 1,000 replays · the VAE you trained (2 epochs).',
    { timeout: 30_000 },
  );

  // Start over asks first; "Keep them" keeps everything.
  await page.getByTestId('start-over').click();
  const confirm = page.getByTestId('start-over-confirm');
  await expect(confirm).toContainText(
    'Delete the stored episodes, the replays and the trained VAE',
  );
  await expect(page.getByTestId('start-over-no')).toBeFocused();
  await page.getByTestId('start-over-no').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('encoded')).toBeVisible();
  await expect(kept).toContainText('the VAE you trained (2 epochs)');

  // Confirmed: everything goes, here and after a reload; the settings stay in the link.
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-yes').click();
  await expect(kept).toContainText('Nothing of yours is kept in this browser yet');
  await expect(page.getByTestId('encoded')).toHaveCount(0);
  await expect(page.getByTestId('replays')).toHaveCount(0);
  await expect(page.getByTestId('vae-note')).toContainText(
    'Trained by scripts/train-consolidation.ts',
  );
  expect(page.url()).toContain('episodes=500');
  await page.reload();
  await expect(points).toHaveAttribute('data-count', '1000', { timeout: 60_000 });
  await expect(kept).toContainText('Nothing of yours is kept in this browser yet');
  await expect(page.getByTestId('encoded')).toHaveCount(0);
  await expect(page.getByTestId('encode')).toHaveText('Store 500 episodes');
});

test('the VAE exports as a file and imports back; a bad file gives a message and changes nothing', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await page.goto('./#/consolidation');
  await expect(page.getByTestId('map-points')).toHaveAttribute('data-count', '1000', {
    timeout: 60_000,
  });
  const note = page.getByTestId('vae-note');
  await expect(note).toContainText('decoding accuracy');
  const before = await note.innerText();
  const measured = (text: string) => text.slice(text.indexOf('Held-out:'));

  const download = page.waitForEvent('download');
  await page.getByTestId('export-vae').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('engram-vae-L2.json');
  const path = info.outputPath('engram-vae-L2.json');
  await file.saveAs(path);

  // A bad file: a message beside the button, and the VAE on screen stays.
  const input = page.getByTestId('import-vae-file');
  /** Offers `name` holding `text` to the VAE's file input; the message beside it says `says`. */
  const importRejected = async (name: string, text: string, says: string) => {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('messages-importVae')).toContainText(says);
  };
  await importRejected(
    'bad.json',
    '{"format":"engram-vae","version":1,"config":{},"weights":"AAAA"}',
    '"bad.json" cannot be opened as a VAE: its inputSize is not a number',
  );
  await importRejected('notes.json', 'not json', '"notes.json" is not a JSON file');
  await expect(note).toHaveText(before);
  await expect(page.getByTestId('kept-summary')).toContainText('Nothing of yours is kept');

  // The exported file: the same VAE, so the same held-out measurements; kept across a reload.
  await input.setInputFiles(path);
  await expect(note).toContainText(
    /Imported from "engram-vae-L2.json": 2 latents, layers 784(-\d+)+-2 \(the decoder mirrors them\)/,
  );
  await expect(note).toContainText('Held-out:');
  expect(measured(await note.innerText())).toBe(measured(before));
  // Beside the button, only what this file's import said.
  await expect(page.getByTestId('messages-importVae')).toContainText('is on screen now');
  await expect(page.getByTestId('messages-importVae')).not.toContainText('notes.json');
  await expect(page.getByTestId('kept-summary')).toHaveText(
    'Kept in this browser: the VAE you imported.',
  );
  await page.reload();
  await expect(note).toContainText('Imported from "engram-vae-L2.json"', { timeout: 60_000 });
  expect(measured(await note.innerText())).toBe(measured(before));
});
