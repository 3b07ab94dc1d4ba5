// Wide tables (用地平衡表, zone statistics) open in a wide panel where every column fits the window; the
// zone chart has a legend and whole labels.
import { test, type Locator, type Page } from '@playwright/test';
import { expect, openAtlas, screenshot } from './driver';

const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
];

/** Every header cell lies inside the window and inside the panel, which needs no sideways scrolling. */
async function expectAllColumnsVisible(page: Page, panel: Locator): Promise<void> {
  const fit = await panel.evaluate((el) => {
    const body = el.querySelector('.wide-view-body')!;
    const p = el.getBoundingClientRect();
    const cells = [...el.querySelectorAll('thead th')].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
    return {
      scrolls: body.scrollWidth - body.clientWidth,
      outside: cells.filter((r) => r.left < Math.max(0, p.left) - 0.5 || r.right > Math.min(window.innerWidth, p.right) + 0.5).length,
      cells: cells.length,
    };
  });
  expect(fit.cells).toBeGreaterThan(5);
  expect(fit.outside).toBe(0);
  expect(fit.scrolls).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the 用地平衡表 opens wide with 现状/规划/变化 in 公顷 and 亩`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAtlas(page, '?lang=zh');
    await page.getByRole('tab', { name: '规划' }).click();
    await page.getByRole('button', { name: '在宽面板中查看用地平衡表' }).click();
    const panel = page.getByRole('dialog', { name: '用地平衡表' });
    await expect(panel).toBeVisible();
    const table = panel.getByRole('table', { name: '用地平衡表' });
    const head = table.locator('thead');
    for (const col of ['现状', '规划', '变化']) await expect(head.getByRole('columnheader', { name: col, exact: true })).toBeVisible();
    await expect(head.getByRole('columnheader', { name: '亩', exact: true })).toHaveCount(3);
    await expect(head.getByRole('columnheader', { name: '公顷', exact: true })).toHaveCount(3);
    await expectAllColumnsVisible(page, panel);
    await screenshot(page, `wide-balance-${size.width}`);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('button', { name: '在宽面板中查看用地平衡表' })).toBeFocused();
  });

  test(`at ${size.width}×${size.height} zone statistics open wide; the chart has a legend and whole labels`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAtlas(page, '?lang=en');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    const chart = page.locator('.stats-chart');
    await expect(chart.locator('.chart-legend li')).toHaveText(['Key projects', 'Beautiful villages']);
    await page.getByRole('radio', { name: 'Functional areas' }).check();
    const clipped = await chart.locator('.chart-name').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 0.5 || e.scrollHeight > e.clientHeight + 0.5).length);
    expect(clipped).toBe(0);
    const names = await chart.locator('.chart-name').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    expect(names.every((n) => n.length > 0)).toBe(true);
    await screenshot(page, `zone-chart-${size.width}`);
    await page.getByRole('button', { name: 'Show Zone statistics in a wide panel' }).click();
    const panel = page.getByRole('dialog', { name: 'Zone statistics' });
    await expect(panel.getByRole('table', { name: 'Zone statistics' })).toBeVisible();
    await expectAllColumnsVisible(page, panel);
    await screenshot(page, `wide-stats-${size.width}`);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toHaveCount(0);
  });
}

test('on a phone the wide table is a full-width sheet that scrolls inside, never the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page, '?lang=zh');
  await page.getByRole('button', { name: '图层与工具' }).click();
  await page.getByRole('tab', { name: '规划' }).click();
  await page.getByRole('button', { name: '在宽面板中查看用地平衡表' }).click();
  const panel = page.getByRole('dialog', { name: '用地平衡表' });
  const box = (await panel.boundingBox())!;
  expect(box.x).toBe(0);
  expect(box.width).toBe(390);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'wide-balance-390');
});
