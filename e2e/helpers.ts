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

/**
 * Records every main-thread long task (over 50 ms) of the pages this `page` opens from now on,
 * in `window.longTasks` (durations in ms, buffered ones included). Call before `page.goto`.
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Forgets the long tasks recorded so far, so that the next `longestTask` sees only what follows. */
export const resetLongTasks = (page: Page): Promise<void> =>
  page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = []));

/** The longest main-thread task recorded by `observeLongTasks`, in ms (0 when there was none). */
export const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
