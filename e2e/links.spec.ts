import { expect, test } from '@playwright/test';
import { createRng } from '../src/core/random';

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
