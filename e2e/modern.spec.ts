import { expect, test, type Page } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('page error:', e.message));
});

/** Opens the lab and waits for the first retrieval. */
async function openModern(page: Page, query = ''): Promise<void> {
  await page.goto('./#/modern' + (query ? '?' + query : ''));
  await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('step-status')).not.toContainText('Working', { timeout: 60_000 });
}

const regime = (page: Page) => page.getByTestId('regime').getAttribute('data-regime');
const topWeight = async (page: Page) => Number(await page.getByTestId('top-weight').textContent());

test('mask a stored digit, retrieve: the result is the stored digit', async ({ page }, info) => {
  await openModern(page, 'k=1000&seed=3&region=bottom&amount=0.5');
  // The asset came from the page's own origin; report its size and load time.
  const note = await page.getByTestId('memory-note').textContent();
  expect(note).toMatch(/10,000 digits \(1\.\d\d MB\) loaded in \d+ ms/);
  const timing = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('mnist-10k.bin'))
      .map((e) => ({
        url: e.name,
        ms: e.duration,
        bytes: (e as PerformanceResourceTiming).transferSize,
      })),
  );
  expect(timing).toHaveLength(1);
  expect(new URL(timing[0].url).origin).toBe(new URL(page.url()).origin);
  console.log(
    `MNIST asset: ${note?.match(/The 10,000 digits.*?ms/)?.[0]}; fetch ${Math.round(timing[0].ms)} ms`,
  );

  // Back to the cue, then one single step.
  await page.getByRole('button', { name: /Back to the cue/ }).click();
  await expect(page.getByTestId('step-status')).toContainText('At the cue');
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('step-status')).toContainText(/One update took/);
  await expect(page.getByTestId('match')).toContainText('the cue’s own digit ✓');
  expect(await regime(page)).toBe('single');
  await page.getByRole('button', { name: /^Retrieve/ }).click();
  await expect(page.getByTestId('step-status')).toContainText('Settled');
  await expect(page.getByTestId('match')).toContainText('the cue’s own digit ✓');
  const cos = Number(
    (await page.getByTestId('match').textContent())?.match(/cosine with the truth ([\d.]+)/)?.[1],
  );
  expect(cos).toBeGreaterThan(0.99);
  await page.screenshot({ path: info.outputPath('retrieved.png'), fullPage: true });
});

test('move beta down: the single digit becomes a blend, then the average', async ({
  page,
}, info) => {
  await openModern(page, 'seed=3');
  expect(await regime(page)).toBe('single');
  const sharp = await topWeight(page);
  expect(sharp).toBeGreaterThan(0.8);

  await page.getByTestId('preset-blend').click();
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'blend', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('step-status')).toContainText(/Settled|stopped/, {
    timeout: 30_000,
  });
  const blended = await topWeight(page);
  expect(blended).toBeLessThan(sharp);
  await expect(page.getByTestId('regime')).toContainText('Metastable blend');
  await page.screenshot({ path: info.outputPath('blend.png'), fullPage: true });

  // The slider itself, all the way down.
  const slider = page.getByRole('slider', { name: /β \(inverse temperature\)/ });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'average', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('regime')).toContainText('Average of everything');
  await expect(page).toHaveURL(/beta=0\.001/);
});

test('draw a digit and retrieve', async ({ page }, info) => {
  await openModern(page);
  await page.getByLabel('Cue from').selectOption({ label: 'My drawing' });
  await page.getByLabel('Hide').selectOption({ label: 'Nothing hidden' });
  const pad = page.getByTestId('draw-pad');
  await pad.scrollIntoViewIfNeeded(); // mouse events only reach what is in the viewport
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [
    box.x + (x / 28) * box.width,
    box.y + (y / 28) * box.height,
  ];
  // A "1": one vertical stroke down the middle.
  const [x0, y0] = at(14, 4);
  const [x1, y1] = at(13, 24);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x1, y1, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByTestId('step-status')).toContainText(/Settled/, { timeout: 30_000 });
  await expect(page.getByTestId('match')).toContainText(/Nearest stored digit to ξ: #\d+ \(a 1\)/);
  expect(await regime(page)).toBe('single');
  await expect(page).toHaveURL(/src=drawn.*draw=[0-9a-f]{784}/);
  await page.screenshot({ path: info.outputPath('drawn.png'), fullPage: true });
});

test('classic vs modern: the sweep runs in slices and plots three curves', async ({
  page,
}, info) => {
  await openModern(page, 'ck=30');
  await expect(page.getByTestId('compare-modern')).toHaveAttribute('data-correct', 'true');
  await expect(page.getByTestId('compare-hebbian')).toHaveAttribute('data-correct', 'false');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByRole('progressbar', { name: 'Sweep' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Sweep' })).toBeHidden({ timeout: 90_000 });
  await expect(page.getByTestId('sweep-chart')).toBeVisible();
  await page.getByTestId('sweep-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('compare.png'), fullPage: true });
});

test('a missing digits file gives a clear message, not a blank page', async ({ page }) => {
  await page.route('**/data/mnist-10k.bin', (route) => route.fulfill({ status: 404, body: 'no' }));
  await page.goto('./#/modern');
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('leaving the Modern lab frees its memory: SIMD blocks on WASM, tensors on WebGL', async ({
  page,
}) => {
  const simdBlocks = () =>
    page.evaluate(() =>
      (window as unknown as { engram: { simdBlocks(): number } }).engram.simdBlocks(),
    );
  // The backend starts when a lab opens (the home page loads no tfjs): take the baseline in the
  // Classic lab, which holds no tensors or kernel blocks at rest.
  await page.goto('./?backend=wasm#/hopfield');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm', {
    timeout: 30_000,
  });
  const blocks = await simdBlocks();
  await page.goto('./?backend=wasm#/modern?k=500');
  await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('memory-note')).toContainText('WebAssembly SIMD');
  expect(await simdBlocks()).toBeGreaterThan(blocks); // the stored digits live in kernel memory
  await page.getByRole('link', { name: 'Engram' }).click();
  await expect(page.getByRole('heading', { name: /How does a network remember/ })).toBeVisible();
  await expect.poll(simdBlocks).toBe(blocks);

  await page.goto('./?backend=webgl#/hopfield');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgl', {
    timeout: 30_000,
  });
  const count = () =>
    page.evaluate(() =>
      (window as unknown as { engram: { numTensors(): number } }).engram.numTensors(),
    );
  const baseline = await count();
  await page.goto('./?backend=webgl#/modern?k=200');
  await expect(page.getByTestId('memory-note')).toContainText('webgl backend', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('step-status')).not.toContainText('Working', { timeout: 60_000 });
  expect(await count()).toBeGreaterThan(baseline); // X (and Xᵀ) live on the backend
  await page.getByRole('link', { name: 'Engram' }).click();
  await expect(page.getByRole('heading', { name: /How does a network remember/ })).toBeVisible();
  await expect.poll(count).toBe(baseline);
});
