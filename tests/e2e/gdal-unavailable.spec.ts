import { test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect, openAtlas } from './driver';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

test('when the format library cannot load, the message says so and other formats still open', async ({ page }) => {
  // The site lacks GDAL's wasm (a partial deployment, a proxy that blocks .wasm).
  await page.route(/gdal3WebAssembly.*\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await openAtlas(page, '?lang=en');
  await page.getByTestId('import-input').setInputFiles(`${FIXTURES}gdal/zone38.gpkg`);
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report.getByRole('alert')).toContainText('No features were imported', { timeout: 30_000 });
  await report.getByText(/^Issues/).click().catch(() => undefined);
  await expect(report).toContainText('Format library could not load');
  await expect(report).toContainText('zone38.gpkg');
  await expect(report).toContainText('GeoJSON, KML/KMZ, GPX, Shapefile and CSV files still open');
  await page.screenshot({ path: 'test-results/gdal-unavailable.png' });
  await page.getByTestId('import-input').setInputFiles(`${FIXTURES}io/good.geojson`);
  await expect(report).toContainText(/\d+ layers? added/, { timeout: 30_000 });
});

test('a 国土TXT red line is drawn where cs2cs puts its 界址点, with its 地块 attributes', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.getByTestId('import-input').setInputFiles(`${FIXTURES}gdal/guotu-two-parcels.txt`);
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('已添加 1 个图层', { timeout: 30_000 });
  await expect(report).toContainText('guotu-two-parcels：2 个要素');
  await expect(report).toContainText('第38带');
  await report.getByRole('button', { name: '关闭导入结果' }).click();
  // cs2cs -f %.10f EPSG:4526 EPSG:4490 of "3894820 38431620" (inside 地块 JZ-2026-001): 35.1799945698 113.2493031491
  await page.waitForFunction(() => window.__atlas?.isIdle() === true);
  const xy = await page.evaluate(() => window.__atlas!.project([113.2493031491, 35.1799945698]));
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  const inspector = page.locator('.inspector');
  await expect(inspector.locator('.attr-row', { hasText: '地块编号' })).toContainText('JZ-2026-001');
  await expect(inspector.locator('.attr-row', { hasText: '地块名称' })).toContainText('文昌街道安置区');
  await page.screenshot({ path: 'test-results/guotu-txt.png' });
});
