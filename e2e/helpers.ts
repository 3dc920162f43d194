import { expect, type Page } from '@playwright/test';

/** Opens a route on a clean slate (no saved patterns) and waits for the lab. */
export async function openLab(page: Page, hash = '#/hopfield'): Promise<void> {
  await page.goto('./' + hash);
  await expect(page.getByTestId('network-grid')).toBeVisible();
}

/** The network grid's cells as a '1'/'0' string (1 = unit on). */
export async function gridCells(page: Page, testId = 'network-grid'): Promise<string> {
  return (await page.getByTestId(testId).getAttribute('data-cells')) ?? '';
}

/** Drags across the grid from cell (x0, y0) to (x1, y1), in cell coordinates. */
export async function dragCells(
  page: Page,
  from: [number, number],
  to: [number, number],
  testId = 'network-grid',
): Promise<void> {
  const grid = page.getByTestId(testId);
  const box = await grid.boundingBox();
  if (!box) throw new Error('grid not visible');
  const side = Number(await grid.getAttribute('data-width'));
  const cell = box.width / side;
  const at = ([x, y]: [number, number]) => [box.x + (x + 0.5) * cell, box.y + (y + 0.5) * cell];
  const [ax, ay] = at(from);
  const [bx, by] = at(to);
  await page.mouse.move(ax, ay);
  await page.mouse.down();
  await page.mouse.move(bx, by, { steps: 12 });
  await page.mouse.up();
}
