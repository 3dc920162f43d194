import { expect, test, type Page } from '@playwright/test';
import { decodePatterns, encodePatterns } from '../src/core/patternCodec';
import { createRng } from '../src/core/random';
import { glyph } from '../src/data/presets';

/**
 * Fuzzed links: 200 generated links across every route, each with a mix of
 * the lab's own keys and garbage values. No link may blank the page or throw
 * an uncaught error; a lab opens (with defaults and a message where a value
 * was bad).
 */
const KEYS: Record<string, string[]> = {
  '/hopfield': [
    'size',
    'rule',
    'dyn',
    'temp',
    'noise',
    'seed',
    'view',
    'speed',
    'pats',
    'names',
    'cue',
    'target',
    'demo',
  ],
  '/capacity': [
    'exp',
    'engine',
    'units',
    'patterns',
    'loads',
    'rule',
    'trials',
    'cues',
    'seed',
    'flip-fraction',
    'sizes',
    'kinds',
  ],
  '/modern': [
    'k',
    'classes',
    'seed',
    'beta',
    'scale',
    'src',
    'item',
    'region',
    'amount',
    'noise',
    'draw',
    'ck',
    'ccue',
    'camt',
  ],
  '/consolidation': [
    'episodes',
    'replays',
    'latent',
    'epochs',
    'seed',
    'step',
    'theta',
    'ep',
    'arith',
  ],
  '/human': ['section', 'length', 'rate', 'distractor', 'lists', 'seed', 'beta_enc', 'tau', 'pace'],
  '/compression': ['dataset', 'records', 'bits', 'seed', 'epochs', 'query', 'amount'],
  '/': ['x'],
  '/no-such-lab': ['a'],
};

const VALUES = [
  '0',
  '1',
  '-1',
  '7',
  '64',
  '1e999',
  'NaN',
  '-0.5',
  '0.25',
  '99999999999999999999',
  '',
  '%',
  '%zz',
  '%E0%A4%A',
  'true',
  'banana',
  'storkey',
  'sync',
  '<b>x</b>',
  '16x16.AAAA',
  '4x4.AAA.__8',
  'z16x16.AAAA',
  'z4x4.',
  'z64x64.y2BgAAA',
  '0,0.1,abc',
  'hebbian,nope',
  '\u{1F600}',
  'a'.repeat(3000),
];

function links(count: number): string[] {
  const rng = createRng(2026);
  const routes = Object.keys(KEYS);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const route = routes[i % routes.length];
    const keys = KEYS[route];
    const pieces: string[] = [];
    const n = rng.int(5);
    for (let j = 0; j < n; j++) {
      const key =
        rng.next() < 0.85 ? keys[rng.int(keys.length)] : ['%', '=', '__proto__', ''][rng.int(4)];
      const value = VALUES[rng.int(VALUES.length)];
      pieces.push(rng.next() < 0.1 ? key : `${key}=${value}`);
    }
    out.push(`#${route}${pieces.length ? '?' + pieces.join('&') : ''}`);
  }
  return out;
}

test('200 generated links: never a blank page, never an uncaught error', async ({ page }) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  await page.goto('./#/');
  for (const hash of links(200)) {
    // Through the home page, so that every link mounts its lab afresh and reads its settings.
    await page.evaluate(() => (window.location.hash = '#/'));
    await expect(page.getByRole('heading', { name: 'How does a network remember?' })).toBeVisible();
    await page.evaluate((h) => (window.location.hash = h), hash);
    const main = page.locator('main');
    await expect(main).not.toBeEmpty();
    // A lab's heading (a lab still to come says so instead).
    await expect(
      main
        .getByRole('heading')
        .or(main.getByText(/lab is coming/))
        .first(),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(main.getByText('Something went wrong in this lab')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

/** The stored patterns' cells, in order, as the memory panel's thumbnails show them. */
async function storedCells(page: Page): Promise<string[]> {
  const thumbs = page.getByRole('list', { name: 'Stored patterns' }).locator('[data-cells]');
  return thumbs.evaluateAll((els) => els.map((e) => e.getAttribute('data-cells') ?? ''));
}

// #13: a 64x64 grid with 20 stored patterns fits in a link of at most 4,000 characters.
for (const [what, preset] of [
  ['20 random patterns', () => 'Random (50 % on)'],
  [
    '20 letters and digits',
    (i: number) => (i < 10 ? `Letter ${'ABCDEFGHIJ'[i]}` : `Digit ${i - 10}`),
  ],
] as const) {
  test(`a 64x64 state of ${what} is a link of at most 4,000 characters that reopens it`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await page.goto('./#/hopfield?size=64');
    await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '64');
    for (let i = 0; i < 20; i++) {
      await page.getByLabel('Preset').selectOption({ label: preset(i) });
      await page.getByRole('button', { name: /Store pattern/ }).click();
    }
    await expect(
      page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
    ).toHaveCount(20);
    // The link is rewritten 250 ms after the last change: wait until it holds all 20.
    const inLink = () =>
      decodePatterns(
        new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('pats') ?? '4x4',
      ).patterns.length;
    await expect.poll(inLink).toBe(20);
    await expect(page).toHaveURL(/pats=z64x64\./);
    const cells = await storedCells(page);
    const url = page.url();
    const hash = new URL(url).hash;
    expect(hash.length).toBeLessThanOrEqual(4000);
    test.info().annotations.push({ type: 'link length', description: `${what}: ${hash.length}` });

    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(url);
    await expect(
      fresh.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
    ).toHaveCount(20);
    expect(await storedCells(fresh)).toEqual(cells);
    await expect(fresh.getByTestId('messages')).not.toContainText('could not be read');
    await other.close();
  });
}

test('links in the format used before short links still open', async ({ page }) => {
  // Written by the plain encoder before #13 (a 16x16 A, B and C); must open as they are.
  const OLD_ABC =
    '16x16.AAAAAAfwB_A4DDgMOAw4DD_8OAw4DDgMOAw4DAAAAAA.AAAAAD_wP_A4DDgMOAw4DD_wOAw4DDgMOAw_8AAAAAA.AAAAAAfwB_A4DDgMOAA4ADgAOAA4ADgMOAwH8AAAAAA';
  const cue = encodePatterns(20, 20, [glyph('K', 20, 20)]);
  for (const [hash, count, side] of [
    [`#/hopfield?pats=${OLD_ABC}&names=A,B,C&target=1`, 3, '16'],
    [`#/hopfield?size=20&pats=${encodePatterns(20, 20, [glyph('K', 20, 20)])}&cue=${cue}`, 1, '20'],
  ] as const) {
    await page.goto('./#/');
    await page.evaluate(() => window.localStorage.clear());
    await page.goto('./' + hash);
    await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', side);
    await expect(
      page.getByRole('list', { name: 'Stored patterns' }).getByRole('listitem'),
    ).toHaveCount(count);
    await expect(page.getByTestId('messages')).not.toContainText('could not be read');
  }
  // The cue came through: the grid shows the K.
  const k = Array.from(glyph('K', 20, 20), (v) => (v === 1 ? '1' : '0')).join('');
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-cells', k);
  // The old A, B, C link's names and target are read too.
  await page.goto('./#/');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`./#/hopfield?pats=${OLD_ABC}&names=A,B,C&target=1`);
  await expect(page.getByRole('button', { name: 'Load B onto the grid as the cue' })).toBeVisible();
});
