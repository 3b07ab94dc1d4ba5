import { test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, openAtlas } from './driver';

// Real files planners exchange, kept outside the project (licences); skipped when they are not there.
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/realworld/', import.meta.url));
const has = existsSync(SAMPLES);

function file(rel: string) {
  return { name: rel.split('/').pop()!, mimeType: 'application/octet-stream', buffer: readFileSync(SAMPLES + rel) };
}

test.describe('real-world samples', () => {
  test.skip(!has, 'shared samples are not available');

  test('a GBK shapefile without .prj or .cpg loads with readable Chinese names', async ({ page }) => {
    await openAtlas(page, '?lang=zh');
    await page.getByTestId('import-input').setInputFiles(['bou2_4p.shp', 'bou2_4p.dbf', 'bou2_4p.shx'].map((n) => file(`ngcc-bou2-4p-gbk-polygons-shp/${n}`)));
    const report = page.getByRole('dialog', { name: '导入结果' });
    await expect(report).toContainText('已添加 1 个图层', { timeout: 30_000 });
    await expect(report).toContainText('GBK');
    const box = page.getByRole('combobox', { name: '搜索要素' });
    await box.fill('河南');
    await expect(page.getByRole('option', { name: /河南省/ }).first()).toBeVisible();
  });

  test('DataV GeoJSON is flagged as GCJ-02 and can be converted on re-import', async ({ page }) => {
    await openAtlas(page, '?lang=en');
    await page.getByTestId('import-input').setInputFiles(file('henan-datav-province-gcj02/410000.json'));
    const report = page.getByRole('dialog', { name: 'Import result' });
    await expect(report).toContainText('1 layer added', { timeout: 30_000 });
    await expect(report).toContainText('look like GCJ-02');
    await report.getByLabel(/GCJ-02/).check();
    await report.getByRole('button', { name: 'Re-import with these options' }).click();
    await expect(report).toContainText('Converted from GCJ-02');
    const count = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.filter((id) => id.startsWith('user-')).length);
    expect(count).toBe(1);
  });

  test('a CSV with lon/lat columns becomes a point layer', async ({ page }) => {
    await openAtlas(page, '?lang=en');
    await page.getByTestId('import-input').setInputFiles(file('adcode-county-centroids-csv/adcode-release-20191218.csv'));
    const report = page.getByRole('dialog', { name: 'Import result' });
    await expect(report).toContainText('1 layer added', { timeout: 30_000 });
    await expect(report).toContainText(/3,55\d features/);
    await expect(report.getByLabel('Longitude / X column')).toHaveValue('lon');
  });
});
