import { expect, test, type Page } from '@playwright/test';
import { useEveryLab } from './everyLab';

/**
 * The built app is locked down (vite.config.ts's Content-Security-Policy)
 * and talks to nobody but its own origin: every lab is opened and used a
 * little, and the test fails on any CSP violation, any request to another
 * origin and any uncaught error.
 */

interface Watch {
  foreign: string[];
  errors: string[];
  wasm: string[];
}

async function watch(page: Page): Promise<Watch> {
  const w: Watch = { foreign: [], errors: [], wasm: [] };
  const origin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1/').origin;
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) w.foreign.push(url);
    if (new URL(url).pathname.endsWith('.wasm')) w.wasm.push(url);
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
    );
  });
  return w;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test('the built app carries a Content-Security-Policy without inline scripts', async ({ page }) => {
  await page.goto('./');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the home page loads no TensorFlow.js backend and no WASM', async ({ page }) => {
  const w = await watch(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'How does a network remember?' })).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('backend-badge')).toContainText('chosen when a lab opens');
  expect(w.wasm).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('every lab runs under the policy and only talks to its own origin', async ({ page }) => {
  test.setTimeout(180_000);
  const w = await watch(page);

  await useEveryLab(page);

  expect(await violations(page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('a malformed %-escape before the # opens the lab with a message', async ({ page }) => {
  const w = await watch(page);
  await page.goto('./?x=%E0%A4%A&y=%#/hopfield');
  await expect(page.getByTestId('network-grid')).toBeVisible();
  await expect(page.getByText(/malformed %-escape/)).toBeVisible();
  expect(w.errors).toEqual([]);
});
