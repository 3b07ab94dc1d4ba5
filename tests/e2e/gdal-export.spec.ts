import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { clickFeature, expect, openAtlas, screenshot, waitForIdle } from './driver';

/** Native GDAL's reading of a file (`ogrinfo -al`), or null where gdal-bin is not installed. */
function ogrinfo(file: string): string | null {
  try {
    return execFileSync('ogrinfo', ['-al', '-q', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

// A selection across two layers goes out as one CAD drawing / one GeoPackage, a layer for each atlas layer.
test('a selection from two layers exports as DXF (a CAD layer each, names as text) and as GeoPackage (a layer each)', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await clickFeature(page, 'villages.geojson', 'vl-001', ['Shift']);
  await expect(page.getByTestId('selection-count')).toContainText('2');

  const exportAs = async (format: string, crs?: string) => {
    await page.getByRole('button', { name: /^导出/ }).click();
    await page.getByRole('menuitem', { name: '导出选择集…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出要素' });
    await dialog.getByRole('radio', { name: format }).check();
    if (crs) await dialog.getByRole('combobox', { name: '坐标系' }).selectOption(crs);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), dialog.getByRole('button', { name: '下载' }).click()]);
    return { dialog, file: (await download.path())!, name: download.suggestedFilename() };
  };

  const dxf = await exportAs('AutoCAD DXF', 'EPSG:4526');
  expect(dxf.name).toMatch(/^选择集_\d{4}-\d{2}-\d{2}\.dxf$/);
  // The CAD layer name "PPP及改造地块" is allowed as it is; the dialog closes without notes.
  await expect(dxf.dialog).toBeHidden();
  const text = readFileSync(dxf.file);
  expect(text.includes(Buffer.from('ANSI_936'))).toBe(true);
  const native = ogrinfo(dxf.file);
  if (native) {
    // ogrinfo reads the drawing's GBK back: two shapes and two names, on the layers' own CAD layers.
    const layers = [...native.matchAll(/Layer \(String\) = (.+)/g)].map((m) => m[1]!.trim());
    const texts = [...native.matchAll(/Text \(String\) = (.+)/g)].map((m) => m[1]!.trim());
    expect(new Set(layers)).toEqual(new Set(['PPP及改造地块', '美丽乡村']));
    expect(texts).toEqual(expect.arrayContaining(['金沙PPP项目', '苏家作村']));
  }

  await screenshot(page, 'gdal-export-after-dxf');
  const gpkg = await exportAs('GeoPackage');
  expect(gpkg.name).toMatch(/\.gpkg$/);
  // Imported again through the file input: the listing offers one layer per atlas layer.
  await page.getByTestId('import-input').setInputFiles({ name: gpkg.name, mimeType: 'application/geopackage+sqlite3', buffer: readFileSync(gpkg.file) });
  const report = page.getByRole('dialog', { name: '导入结果' });
  const listing = report.getByRole('group', { name: /选择要添加的图层/ });
  await expect(listing.getByRole('checkbox')).toHaveCount(2, { timeout: 90_000 });
  await expect(listing.getByRole('checkbox', { name: /^PPP及改造地块（Polygon，1 个要素/ })).toBeVisible();
  await expect(listing.getByRole('checkbox', { name: /^美丽乡村（Point，1 个要素/ })).toBeVisible();
  await screenshot(page, 'gdal-export-gpkg-listing');
});

test('a layer name the format forbids is adapted, and the export dialog says so before it closes', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=en');
  await clickFeature(page, 'villages.geojson', 'vl-001');
  // At this size the inspector covers the east of the district; it is closed to reach the parcel.
  await page.getByRole('button', { name: 'Close feature details' }).click();
  await waitForIdle(page);
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha', ['Shift']);
  await expect(page.getByTestId('selection-count')).toHaveText('2 features selected');
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Export selection…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export features' });
  await dialog.getByRole('radio', { name: /File Geodatabase/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.gdb\.zip$/);
  const notes = dialog.getByRole('list', { name: 'Notes on the exported file' });
  await expect(notes).toContainText('File Geodatabase does not allow the layer name “Beautiful villages”; it was written as “Beautiful_villages” (its alias keeps the name).');
  await expect(notes).toContainText('“PPP & redevelopment parcels”; it was written as “PPP___redevelopment_parcels”');
  await expect(dialog.getByRole('status')).toContainText('Exported selection_');
  await screenshot(page, 'gdal-export-notes');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
