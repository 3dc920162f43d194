import { expect, test, type Page } from '@playwright/test';
import { textFile } from './files';

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

  // Middle beta is chosen for the cue: its attention spreads over about 10 digits, then one update.
  const middle = page.getByTestId('middle-note');
  const middleBeta = async () => {
    await page.getByTestId('preset-blend').click();
    await expect(middle).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('step-status')).toContainText('Last update moved', {
      timeout: 30_000,
    });
    const nEff = Number(await middle.getAttribute('data-neff'));
    expect(nEff).toBeGreaterThan(9);
    expect(nEff).toBeLessThan(11);
    return Number((await middle.textContent())?.match(/Middle β for this cue: β = ([\d.]+)/)?.[1]);
  };
  const first = await middleBeta();
  await expect(middle).toContainText('one update from the cue');
  const blended = await topWeight(page);
  expect(blended).toBeLessThan(sharp);
  await page.screenshot({ path: info.outputPath('blend.png'), fullPage: true });
  // Another cue, another beta.
  await page.getByRole('button', { name: /^Another digit/ }).click();
  await expect(middle).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('step-status')).not.toContainText('Working', { timeout: 30_000 });
  const second = await middleBeta();
  expect(second).toBeGreaterThan(0);
  expect(second).not.toBe(first);
  console.log(`middle beta: ${first} for the first cue, ${second} for the second`);

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

  // A small 7 down in a corner, as visitors draw: framed like the digits, it is retrieved as a 7.
  await page.getByRole('button', { name: 'Clear drawing' }).click();
  const stroke = async (points: [number, number][]) => {
    const [sx, sy] = at(...points[0]);
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    for (const p of points.slice(1)) {
      const [x, y] = at(...p);
      await page.mouse.move(x, y, { steps: 10 });
    }
    await page.mouse.up();
  };
  await stroke([
    [16, 15],
    [24, 15],
    [19, 25],
  ]);
  await expect(page.getByTestId('framing-note')).toContainText(/its box is \d+ × \d+ pixels/);
  await expect(page.getByTestId('step-status')).toContainText(/Settled/, { timeout: 30_000 });
  await expect(page.getByTestId('match')).toContainText(/Nearest stored digit to ξ: #\d+ \(a 7\)/);
  await page.screenshot({ path: info.outputPath('drawn-seven.png'), fullPage: true });
  // Framing off: the same drawing, as drawn.
  await page.getByRole('switch', { name: 'Frame my drawing like the digits' }).uncheck();
  await expect(page).toHaveURL(/frame=false/);
  await expect(page.getByTestId('step-status')).toContainText(/Settled/, { timeout: 30_000 });
  // As drawn, its ink falls where the stored 7s have none: here it is taken for another digit.
  await expect(page.getByTestId('match')).not.toContainText('(a 7)');
  console.log('small 7, not framed:', await page.getByTestId('match').textContent());
});

/** What `drawPng` draws on: `width` × `height` filled with `paper`, the path stroked in `ink`. */
interface Sheet {
  width: number;
  height: number;
  paper: string;
  ink: string;
  lineWidth: number;
}
interface WithDrawPng {
  drawPng(
    name: string,
    sheet: Sheet,
    path: (g: OffscreenCanvasRenderingContext2D) => void,
  ): Promise<File>;
}

/**
 * Defines `drawPng` in the page, for the page.evaluate bodies below (which cannot call this
 * file's functions): a PNG file of `sheet`, with the path that `path` traces stroked on it.
 */
const defineDrawPng = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as WithDrawPng).drawPng = async (name, sheet, path) => {
      const canvas = new OffscreenCanvas(sheet.width, sheet.height);
      const g = canvas.getContext('2d')!;
      g.fillStyle = sheet.paper;
      g.fillRect(0, 0, sheet.width, sheet.height);
      g.strokeStyle = sheet.ink;
      g.lineWidth = sheet.lineWidth;
      g.beginPath();
      path(g);
      g.stroke();
      return new File([await canvas.convertToBlob({ type: 'image/png' })], name, {
        type: 'image/png',
      });
    };
  });

/** Two small PNG images drawn in the page (a ring and a cross, dark on white), and a text file. */
async function dropFiles(page: Page, which: 'pictures' | 'text'): Promise<void> {
  await defineDrawPng(page);
  await page.evaluate(async (which) => {
    const { drawPng } = window as unknown as WithDrawPng;
    const small = { width: 64, height: 48, paper: '#fff', ink: '#111', lineWidth: 5 };
    const files =
      which === 'pictures'
        ? [
            await drawPng('ring.png', small, (g) => g.arc(32, 24, 15, 0, 2 * Math.PI)),
            await drawPng('cross.png', small, (g) => {
              g.moveTo(14, 6);
              g.lineTo(50, 42);
              g.moveTo(50, 6);
              g.lineTo(14, 42);
            }),
          ]
        : [new File(['not a picture'], 'notes.txt', { type: 'text/plain' })];
    const data = new DataTransfer();
    for (const f of files) data.items.add(f);
    const zone = document.querySelector('[data-testid="own-drop"]')!;
    zone.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, which);
}

test('your own images: dropped, kept, stored and retrieved; a non-image changes nothing', async ({
  page,
}, info) => {
  await openModern(page, 'k=500&seed=2');
  await expect(page.getByTestId('own-none')).toBeVisible();
  await dropFiles(page, 'pictures');
  await expect(page.getByTestId('own-image')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('memory-note')).toContainText(
    '500 real MNIST digits and 2 of your own images (after them) stored as the rows of X (502 × 784',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('own-list')).toContainText('stored as #501');

  // Cue with one of them, bottom half hidden: it is the one retrieved.
  await page.getByLabel('Cue from').selectOption({ label: 'One of my own images' });
  await expect(page.getByTestId('step-status')).toContainText(/Settled/, { timeout: 30_000 });
  await expect(page.getByTestId('match')).toContainText(
    /Nearest stored digit to ξ: #50[01] \(one of yours\) — the cue’s own digit ✓/,
  );
  await page.screenshot({ path: info.outputPath('own-images.png'), fullPage: true });

  // A file that is not an image: a message, and nothing else changes.
  await dropFiles(page, 'text');
  await expect(page.getByTestId('messages-addImages')).toContainText(
    '“notes.txt” is not an image (text/plain).',
  );
  await expect(page.getByTestId('own-image')).toHaveCount(2);
  await expect(page.getByTestId('memory-note')).toContainText('(502 × 784');
  // The same through the file picker.
  const markdown = textFile('readme.md', 'text/markdown', '# not a picture');
  await page.getByTestId('own-files').setInputFiles(markdown);
  await expect(page.getByTestId('messages-addImages')).toContainText(
    '“readme.md” is not an image (text/markdown).',
  );
  await expect(page.getByTestId('own-image')).toHaveCount(2);

  // Kept in this browser: still there after a reload; then removed.
  await page.reload();
  await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('own-image')).toHaveCount(2);
  await expect(page.getByTestId('memory-note')).toContainText('(502 × 784', { timeout: 30_000 });
  await page.getByTestId('own-remove').first().click();
  await expect(page.getByTestId('own-image')).toHaveCount(1);
  await expect(page.getByTestId('memory-note')).toContainText('(501 × 784', { timeout: 30_000 });
  await page.getByTestId('own-clear').click();
  await expect(page.getByTestId('own-none')).toBeVisible();
  await expect(page.getByTestId('memory-note')).toContainText('(500 × 784', { timeout: 30_000 });
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

test('adding 40 large images holds the page for no long task', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime >= (w as unknown as { since: number }).since) w.longTasks.push(e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  await openModern(page, 'k=200');
  // Made first (drawing 40 pictures is the test's work, not the lab's), then dropped at once.
  await defineDrawPng(page);
  await page.evaluate(async () => {
    const { drawPng } = window as unknown as WithDrawPng;
    const big = { width: 1200, height: 900, paper: '#fafafa', ink: '#222', lineWidth: 60 };
    const files: File[] = [];
    for (let i = 0; i < 40; i++) {
      const arc = (2 * Math.PI * (i + 5)) / 45;
      files.push(await drawPng(`big-${i}.png`, big, (g) => g.arc(600, 450, 150 + 5 * i, 0, arc)));
    }
    (window as unknown as { bigFiles: File[] }).bigFiles = files;
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; since: number };
    w.longTasks = [];
    w.since = performance.now(); // tasks from here on: the lab's work on the files
    const data = new DataTransfer();
    for (const f of (window as unknown as { bigFiles: File[] }).bigFiles) data.items.add(f);
    const zone = document.querySelector('[data-testid="own-drop"]')!;
    // From a task of the page's own, so the longtask observer sees all of the work.
    setTimeout(() => {
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, 0);
  });
  await expect(page.getByTestId('own-image')).toHaveCount(40, { timeout: 60_000 });
  await expect(page.getByTestId('memory-note')).toContainText('(240 × 784', { timeout: 30_000 });
  await expect(page.getByTestId('step-status')).not.toContainText('Working', { timeout: 30_000 });
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(
    `adding 40 images of 1200 x 900: longest main-thread task ${Math.round(Math.max(0, ...tasks))} ms; tasks over 50 ms: ${tasks.length}`,
  );
  // The aim is 50 ms; the bound is e2e/longtasks.spec.ts's loose 200 ms for a busy shared machine.
  expect(Math.max(0, ...tasks)).toBeLessThan(200);
  await page.getByTestId('own-clear').click();
  await expect(page.getByTestId('own-none')).toBeVisible();
});
