import { expect, test, type Page, type TestInfo } from '@playwright/test';

/**
 * #13, presenter mode and layout. Presenter mode (`present=1`) must make body
 * text at least 24 px at 1920x1080 in every lab and leave no horizontal
 * scroll on a 1280x720 projector; the Classic lab must show its grid, its
 * recall buttons and its energy curve together at 1280x800; the Modern
 * lab's panels must read in their numbered order.
 */

/** Every page, and what shows once it has drawn. */
const PAGES: [string, (page: Page) => Promise<void>][] = [
  ['/', (page) => expect(page.locator('main h1').first()).toBeVisible()],
  ['/hopfield', (page) => expect(page.getByTestId('network-grid')).toBeVisible()],
  ['/capacity', (page) => expect(page.getByTestId('run')).toBeVisible({ timeout: 60_000 })],
  ['/modern', (page) => expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 })],
  [
    '/consolidation',
    (page) =>
      expect(page.locator('main h1').first()).toHaveText(/Consolidation/, { timeout: 60_000 }),
  ],
  [
    '/compression',
    (page) =>
      expect(page.locator('main h1').first()).toHaveText(/autoencoder|Compression/i, {
        timeout: 60_000,
      }),
  ],
  [
    '/human',
    (page) =>
      expect(page.locator('main h1').first()).toHaveText(/Human memory/, { timeout: 60_000 }),
  ],
];

/**
 * The font sizes of the page's visible text, weighted by characters (text
 * inside SVG charts and KaTeX's sub- and superscripts left out: they are
 * part of a picture or a formula, not body text).
 */
async function textSizes(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let chars = 0;
    let large = 0;
    const small: Record<string, number> = {};
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || el.closest('svg, .katex') || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      chars += text.length;
      if (size >= 23.5) large += text.length;
      else small[`${el.tagName.toLowerCase()}.${el.className} ${size}px`] = text.length;
    }
    const p = [...main.querySelectorAll('p')].find((e) => e.getClientRects().length > 0);
    return {
      body: parseFloat(getComputedStyle(document.body).fontSize),
      paragraph: p ? parseFloat(getComputedStyle(p).fontSize) : 0,
      share: chars ? large / chars : 0,
      chars,
      small,
    };
  });
}

/**
 * Opens every page of PAGES in presenter mode at one screen size, runs `check` on it once it is
 * ready, then saves a screenshot named for the width and the page (present-1920-hopfield.png).
 */
async function eachPresentedPage(
  page: Page,
  size: { width: number; height: number },
  testInfo: TestInfo,
  check: (path: string) => Promise<void>,
): Promise<void> {
  await page.setViewportSize(size);
  for (const [path, ready] of PAGES) {
    await page.goto(`./#${path}?present=1`);
    await ready(page);
    await check(path);
    await page.screenshot({
      path: testInfo.outputPath(`present-${size.width}${path.replace(/\//g, '-') || '-home'}.png`),
    });
  }
}

test.describe('presenter mode', () => {
  test('body text is at least 24 px at 1920x1080 on every page', async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await eachPresentedPage(page, { width: 1920, height: 1080 }, testInfo, async (path) => {
      await expect(page.locator('html')).toHaveAttribute('data-present', '');
      const sizes = await textSizes(page);
      testInfo.annotations.push({ type: path, description: JSON.stringify(sizes) });
      expect(sizes.body, path).toBeGreaterThanOrEqual(24);
      expect(sizes.paragraph, path).toBeGreaterThanOrEqual(24);
      // Nearly every character on the page (headings are larger still).
      expect(sizes.chars, path).toBeGreaterThan(100);
      expect(sizes.share, `${path}: ${JSON.stringify(sizes.small)}`).toBeGreaterThanOrEqual(0.95);
    });
  });

  test('a 1280x720 projector: no horizontal scroll on any page', async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await eachPresentedPage(page, { width: 1280, height: 720 }, testInfo, async (path) => {
      const { scroll, client, root } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        root: parseFloat(getComputedStyle(document.documentElement).fontSize),
      }));
      expect(scroll, path).toBeLessThanOrEqual(client);
      expect(root, path).toBeGreaterThanOrEqual(20);
    });
  });

  test('the header button turns it on and off and keeps the rest of the link', async ({ page }) => {
    await page.goto('./#/hopfield?size=20&noise=0.3');
    await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '20');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-present', '');
    await expect(page).toHaveURL(/#\/hopfield\?.*size=20.*noise=0\.3.*&present=1$/);
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before);
    // The lab was not reopened: its grid is the same size, and other labs' links carry the mode.
    await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '20');
    await expect(page.getByRole('link', { name: 'Modern Hopfield' })).toHaveAttribute(
      'href',
      /present=1/,
    );
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
    await expect(page).not.toHaveURL(/present=/);
    await expect(page).toHaveURL(/size=20/);
  });

  test("a lab's own rewrite of its link keeps present=1", async ({ page }) => {
    // The Experiments lab writes its link from its own keys alone.
    await page.goto('./#/capacity?present=1');
    await expect(page.getByTestId('run')).toBeVisible({ timeout: 60_000 });
    await page.getByLabel('Units D').fill('120');
    await page.getByLabel('Units D').press('Tab');
    await expect(page).toHaveURL(/units=120/);
    await expect(page).toHaveURL(/present=1/);
    await expect(page.locator('html')).toHaveAttribute('data-present', '');
  });

  test('in a lesson step, the panels the step does not list are folded away', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./#/hopfield?present=1');
    await expect(page.getByTestId('network-grid')).toBeVisible();
    const panel = (id: string) => page.locator(`[data-panel="${id}"]`).first();
    await expect(panel('memory')).toBeVisible();
    // What the lesson engine does when a step that needs the grid and the recall starts.
    await page.evaluate(() => (document.documentElement.dataset.lessonPanels = 'network recall'));
    await expect(panel('network')).toBeVisible();
    await expect(panel('recall')).toBeVisible();
    await expect(panel('memory')).toBeHidden();
    await expect(panel('insight')).toBeHidden();
    // The lesson ends: everything comes back.
    await page.evaluate(() => delete document.documentElement.dataset.lessonPanels);
    await expect(panel('memory')).toBeVisible();
    // Outside presenter mode a step folds nothing.
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await page.evaluate(() => (document.documentElement.dataset.lessonPanels = 'network'));
    await expect(panel('memory')).toBeVisible();
  });

  test('a running recall does not move the page', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./#/hopfield?present=1&size=32&speed=3');
    await expect(page.getByTestId('network-grid')).toBeVisible();
    await page.getByLabel('Preset').selectOption({ label: 'Letter A' });
    await page.getByRole('button', { name: /Store pattern/ }).click();
    await page.getByLabel('Preset').selectOption({ label: 'Letter B' });
    await page.getByRole('button', { name: /Store pattern/ }).click();
    await page.getByRole('button', { name: 'Load A onto the grid as the cue' }).click();
    await page.getByRole('button', { name: /^Corrupt/ }).click();
    // The first run draws the curves' frame; the second run must not shift anything.
    await page.keyboard.press('r');
    await expect(page.getByTestId('recall-status')).toContainText('Stopped after', {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: /^Corrupt/ }).click();
    // Layout shifts not caused by input (the press below counts as input for 500 ms), with what moved.
    await page.evaluate(() => {
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[];
      };
      const w = window as unknown as { __shift: number; __src: string[] };
      w.__shift = 0;
      w.__src = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Shift[]) {
          if (e.hadRecentInput) continue;
          w.__shift += e.value;
          for (const x of e.sources)
            w.__src.push(
              `${(x.node as Element | undefined)?.className ?? x.node?.nodeName}: y ${x.previousRect.y} -> ${x.currentRect.y}`,
            );
        }
      }).observe({ type: 'layout-shift' });
    });
    await page.keyboard.press('r');
    await page.waitForTimeout(3000);
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    const moved = await page.evaluate(() => (window as unknown as { __src: string[] }).__src);
    expect(shift, `what moved: ${JSON.stringify(moved)}`).toBeLessThan(0.01);
  });
});

/** Whether a box lies wholly inside the viewport. */
function inside(
  box: { x: number; y: number; width: number; height: number } | null,
  w: number,
  h: number,
) {
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= w && box.y + box.height <= h;
}

test.describe('layout', () => {
  test('at 1280x800 the Classic grid, Recall and the energy curve are on screen together', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#/hopfield');
    await expect(page.getByTestId('network-grid')).toBeVisible();
    await page.getByLabel('Preset').selectOption({ label: 'Letter A' });
    await page.keyboard.press('s');
    await page.keyboard.press('c');
    await page.keyboard.press('r');
    const energy = page.locator('.hf-insight figure', { hasText: 'Energy' }).first();
    await expect(energy).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const boxes = {
      grid: await page.getByTestId('network-grid').boundingBox(),
      recall: await page.getByRole('button', { name: /^(Recall|Pause)/ }).boundingBox(),
      step: await page.getByRole('button', { name: /^Step/ }).first().boundingBox(),
      energy: await energy.boundingBox(),
    };
    await page.screenshot({ path: testInfo.outputPath('classic-1280x800.png') });
    for (const [name, box] of Object.entries(boxes)) {
      expect(inside(box, 1280, 800), `${name} ${JSON.stringify(box)}`).toBe(true);
    }
  });

  test('on a phone the play controls sit with the grid', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./#/hopfield');
    const grid = page.getByTestId('network-grid');
    await expect(grid).toBeVisible();
    await grid.scrollIntoViewIfNeeded();
    await page.evaluate(() =>
      document.querySelector('[data-testid="network-grid"]')!.scrollIntoView({ block: 'start' }),
    );
    const recall = page.getByRole('button', { name: /^Recall/ });
    await page.screenshot({ path: testInfo.outputPath('classic-phone.png') });
    expect(inside(await grid.boundingBox(), 390, 844)).toBe(true);
    expect(inside(await recall.boundingBox(), 390, 844)).toBe(true);
    // And the buttons work from there.
    await page.getByLabel('Preset').selectOption({ label: 'Letter A' });
    await page.getByRole('button', { name: /Store pattern/ }).click();
    await grid.scrollIntoViewIfNeeded();
    await recall.click();
    await expect(page.getByTestId('recall-status')).toContainText(/Recalling|Stopped after/, {
      timeout: 30_000,
    });
  });

  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    test(`at ${w}x${h} a notice appears beside the control that caused it`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto('./#/hopfield');
      await expect(page.getByTestId('network-grid')).toBeVisible();
      const recall = page.getByRole('button', { name: /^Recall/ });
      await recall.click();
      const notice = page.getByTestId('messages-recall');
      await expect(notice).toContainText('Store at least one pattern first');
      // Not at the top of the lab, far from the button.
      await expect(page.getByTestId('messages')).not.toContainText('Store at least one pattern');
      const [b, n] = [await recall.boundingBox(), await notice.boundingBox()];
      expect(inside(n, w, h), JSON.stringify(n)).toBe(true);
      expect(Math.abs(n!.y + n!.height / 2 - (b!.y + b!.height / 2))).toBeLessThan(150);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
    });
  }

  for (const [w, h, present] of [
    [1280, 900, false],
    [1920, 1080, true],
    [900, 900, false],
  ] as const) {
    test(`the Modern lab's panels read in their numbered order at ${w}x${h}${present ? ', presenting' : ''}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./#/modern${present ? '?present=1' : ''}`);
      await expect(page.getByTestId('regime')).toBeVisible({ timeout: 60_000 });
      const panels = await page.evaluate(() =>
        [...document.querySelectorAll('.mh-grid > section')].map((s) => {
          const b = s.getBoundingClientRect();
          return { title: s.querySelector('h2')?.textContent ?? '', top: b.top, left: b.left };
        }),
      );
      const numbered = panels.filter((p) => /^\d/.test(p.title));
      expect(numbered.map((p) => p.title[0])).toEqual(['1', '2', '3']);
      // Reading order: left to right along a row (tops within 8 px), then down.
      const visual = [...panels].sort((a, b) =>
        Math.abs(a.top - b.top) < 8 ? a.left - b.left : a.top - b.top,
      );
      expect(visual.map((p) => p.title)).toEqual(panels.map((p) => p.title));
    });
  }
});
