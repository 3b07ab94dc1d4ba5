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
    await report.getByRole('button', { name: 'Convert this layer from GCJ-02' }).click();
    await expect(report).toContainText('Converted from GCJ-02');
    const count = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.filter((id) => id.startsWith('user-')).length);
    expect(count).toBe(1);
  });

  test('an AMap Shapefile without .prj is recognised as GCJ-02, both placements are shown, and one click converts it', async ({ page }) => {
    await openAtlas(page, '?lang=en');
    const firstVertex = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { data: { features: { geometry: { coordinates: number[][][] } }[] } }> } } }).__atlasStore.getState();
        const id = s.order.find((x) => x.startsWith('user-'))!;
        return s.layers[id]!.data.features[0]!.geometry.coordinates[0]![0]!;
      });
    await page.getByTestId('import-input').setInputFiles(['河南省.shp', '河南省.dbf', '河南省.shx'].map((n) => file(`henan-cities-amap-noprj-shp/${n}`)));
    const report = page.getByRole('dialog', { name: 'Import result' });
    await expect(report).toContainText('1 layer added', { timeout: 30_000 });
    const choice = report.getByRole('group', { name: '河南省: GCJ-02 check' });
    await expect(choice).toContainText('probably in GCJ-02');
    await expect(choice).toContainText('fields AMap writes');
    await expect(choice.getByRole('img', { name: 'As WGS84 (as read)' })).toBeVisible();
    await expect(choice.getByRole('img', { name: 'Converted from GCJ-02' })).toBeVisible();
    await choice.screenshot({ path: 'test-results/gcj02-choice.png' });
    const before = await firstVertex();
    await choice.getByRole('button', { name: 'Convert this layer from GCJ-02' }).click();
    await expect(report).toContainText('Converted from GCJ-02', { timeout: 30_000 });
    await expect(report.getByRole('group', { name: '河南省: GCJ-02 check' })).toHaveCount(0);
    const after = await firstVertex();
    // GCJ-02 → WGS84 in Henan: ~0.005–0.007° west, a little north.
    expect(before[0]! - after[0]!).toBeGreaterThan(0.004);
    expect(before[0]! - after[0]!).toBeLessThan(0.008);
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
