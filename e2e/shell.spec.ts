import { expect, test } from '@playwright/test';

test("the header's links keep each lab's last settings", async ({ page }) => {
  await page.goto('./#/hopfield?size=24&noise=0.35');
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '24');
  const nav = page.getByRole('navigation', { name: 'Labs' });
  await nav.getByRole('link', { name: 'Experiments' }).click();
  await expect(page).toHaveURL(/#\/capacity/);
  await expect(nav.getByRole('link', { name: 'Classic Hopfield' })).toHaveAttribute(
    'href',
    /size=24/,
  );
  await nav.getByRole('link', { name: 'Classic Hopfield' }).click();
  await expect(page.getByTestId('network-grid')).toHaveAttribute('data-width', '24');
  expect(page.url()).toContain('noise=0.35');
});
