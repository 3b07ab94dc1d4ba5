// The attribute table's layer tabs with many layers: they scroll inside the table instead of spilling over
// the inspector, and follow the tabs pattern's keys (arrows, Home, End), the chosen tab kept in view.
import { test } from '@playwright/test';
import { clickFeature, expect, openAtlas, screenshot } from './driver';

const square = (x: number) => ({ type: 'Feature', properties: { name: `地块 ${x}` }, geometry: { type: 'Polygon', coordinates: [[[113.2 + x / 100, 35.15], [113.205 + x / 100, 35.15], [113.205 + x / 100, 35.155], [113.2 + x / 100, 35.15]]] } });

test('many layers: the table’s tabs scroll within it and are reached with the arrow keys', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=zh');
  const files = [1, 2, 3, 4, 5].map((x) => ({ name: `规划地块第${x}批次（报批稿）.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [square(x)] })) }));
  await page.getByTestId('import-input').setInputFiles(files);
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('5', { timeout: 30_000 });
  await report.getByRole('button', { name: /关闭/ }).click();
  await clickFeature(page, 'villages.geojson', 'vl-019');
  await page.getByRole('button', { name: '属性表' }).click();
  const tabs = page.getByRole('tablist', { name: '属性表图层' });
  const panel = page.getByRole('region', { name: '属性表', exact: true });
  const [t, p] = [(await tabs.boundingBox())!, (await panel.boundingBox())!];
  expect(t.x + t.width).toBeLessThanOrEqual(p.x + p.width + 0.5);
  expect(await tabs.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await screenshot(page, 'table-tabs-many');

  const all = tabs.getByRole('tab');
  const n = await all.count();
  await all.first().focus();
  await page.keyboard.press('End');
  const last = all.nth(n - 1);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeFocused();
  // Scrolled into view inside the tab strip.
  await expect.poll(async () => {
    const [a, b] = [(await last.boundingBox())!, (await tabs.boundingBox())!];
    return a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;
  }).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(all.nth(n - 2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(all.first()).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: await all.first().innerText() })).toBeVisible();
});
