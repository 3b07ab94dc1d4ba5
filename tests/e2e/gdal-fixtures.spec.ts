import { test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickMapAt, expect, openAtlas, screenshot, waitForIdle } from './driver';

// Fixtures from scripts/make-gdal-fixtures.ts (native GDAL). Positions: PROJ 9.1
// `cs2cs -f %.10f EPSG:4526 EPSG:4490` of the parcels' centres, "northing easting" in:
//   3894850 38431650 → 35.1802669942 113.2496299883 (JZ-001)
//   3895125 38432025 → 35.1827709474 113.2537239004 (JZ-002, outside its hole)
//   3894820 38431620 → 35.1799945698 113.2493031491 (inside JZ-001, away from the drawing's text)
const FIXTURES = fileURLToPath(new URL('../fixtures/gdal/', import.meta.url));
const JZ001: [number, number] = [113.2496299883, 35.1802669942];
const JZ002: [number, number] = [113.2537239004, 35.1827709474];
const JZ001_CORNER: [number, number] = [113.2493031491, 35.1799945698];

type Store = { getState: () => { order: string[]; layers: Record<string, { id: string; title: { en: string } }>; removeLayer: (id: string) => void } };
const userLayerIds = (page: Page) => page.evaluate(() => (window as unknown as { __atlasStore: Store }).__atlasStore.getState().order.filter((id) => id.startsWith('user-')));

// One page for the file, so GDAL loads once.
test.describe.serial('GDAL fixtures through the import UI', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    await openAtlas(page, '?lang=zh');
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('a File Geodatabase layer lands where cs2cs puts it; its Chinese aliases label the inspector and table', async () => {
    test.setTimeout(120_000);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}zone38.gdb.zip`);
    const report = page.getByRole('dialog', { name: '导入结果' });
    await expect(report).toContainText('正在加载格式库', { timeout: 30_000 }).catch(() => undefined);
    const group = report.getByRole('group', { name: '要素数据集 规划' });
    await expect(group.getByRole('checkbox')).toHaveCount(2, { timeout: 90_000 });
    await group.getByRole('checkbox', { name: /^道路/ }).uncheck();
    await report.getByRole('button', { name: '添加所选图层' }).click();
    await expect(report).toContainText('已添加 1 个图层', { timeout: 30_000 });
    await report.getByRole('button', { name: '关闭导入结果' }).click().catch(() => undefined);
    await waitForIdle(page);
    const [id] = await userLayerIds(page);
    const drawn = await page.evaluate((l) => window.__atlas!.renderedFeatures(l).map((f) => f.properties['DKBH']), id!);
    expect([...new Set(drawn)].sort()).toEqual(['JZ-001', 'JZ-002']);
    await clickMapAt(page, JZ001);
    const inspector = page.locator('.inspector');
    await expect(inspector.locator('dt', { hasText: '地块编号' })).toBeVisible();
    await expect(inspector.locator('.attr-row', { hasText: '地块编号' })).toContainText('JZ-001');
    await expect(inspector.locator('.attr-row', { hasText: '用地性质' }).first()).toContainText('R2');
    await screenshot(page, 'gdal-gdb-inspector');
    // The inspector narrows the map: close it and zoom out (the map's own button) so JZ-002 is in view too.
    await inspector.getByRole('button', { name: '关闭要素信息' }).click();
    await page.getByRole('button', { name: '缩小' }).click();
    await page.getByRole('button', { name: '缩小' }).click();
    await waitForIdle(page);
    await clickMapAt(page, JZ002);
    await expect(page.locator('.inspector .attr-row', { hasText: '地块编号' })).toContainText('JZ-002');
    await page.getByRole('button', { name: '属性表' }).click();
    const table = page.getByRole('grid', { name: '地块' });
    await expect(table.getByRole('columnheader', { name: /地块编号/ })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: /用地性质/ })).toBeVisible();
    await screenshot(page, 'gdal-gdb-table');
    await page.getByRole('button', { name: '属性表' }).click();
    for (const l of await userLayerIds(page)) await page.evaluate((x) => (window as unknown as { __atlasStore: Store }).__atlasStore.getState().removeLayer(x), l);
  });

  test('a DXF drawing: Gauss–Krüger zone 38 recognised from the coordinates, one layer per geometry type', async () => {
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}drawing.dxf`);
    const report = page.getByRole('dialog', { name: '导入结果' });
    await expect(report).toContainText('已添加 3 个图层', { timeout: 60_000 });
    await expect(report).toContainText('drawing (polygons)');
    await expect(report).toContainText('3度带高斯-克吕格投影（中央经线 114°E，第38带');
    await waitForIdle(page);
    await screenshot(page, 'gdal-dxf');
    // The parcel is small at the fitted view: put the report away and zoom in, as a planner would.
    await report.getByRole('button', { name: '关闭导入结果' }).click();
    await waitForIdle(page);
    const map = (await page.getByTestId('map').boundingBox())!;
    const at = await page.evaluate((ll) => window.__atlas!.project(ll), JZ001_CORNER);
    await page.mouse.move(map.x + at.x, map.y + at.y);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(600);
    await waitForIdle(page);
    await clickMapAt(page, JZ001_CORNER);
    await expect(page.locator('.inspector .attr-row', { hasText: 'Layer' }).first()).toContainText('规划地块');
  });

  test('an ArcGIS REST query reply saved as .json: read as ESRI JSON, where cs2cs puts it, with its Chinese aliases', async () => {
    for (const l of await userLayerIds(page)) await page.evaluate((x) => (window as unknown as { __atlasStore: Store }).__atlasStore.getState().removeLayer(x), l);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}parcels-arcgis-query.json`);
    const report = page.getByRole('dialog', { name: '导入结果' });
    await expect(report).toContainText('已添加 1 个图层', { timeout: 60_000 });
    await expect(report).toContainText('EPSG:4526');
    await report.getByRole('button', { name: '关闭导入结果' }).click();
    await waitForIdle(page);
    const [id] = await userLayerIds(page);
    const drawn = await page.evaluate((l) => window.__atlas!.renderedFeatures(l).map((f) => f.properties['DKBH']), id!);
    expect([...new Set(drawn)].sort()).toEqual(['JZ-001', 'JZ-002']);
    await clickMapAt(page, JZ001);
    await expect(page.locator('.inspector .attr-row', { hasText: '地块编号' })).toContainText('JZ-001');
    await expect(page.locator('.inspector .attr-row', { hasText: '名称' }).first()).toContainText('文昌街道安置区');
    await page.locator('.inspector').getByRole('button', { name: '关闭要素信息' }).click();
  });

  test('export to GeoPackage in GK zone 38, then import the download: same parcels, same places', async () => {
    test.setTimeout(120_000);
    for (const l of await userLayerIds(page)) await page.evaluate((x) => (window as unknown as { __atlasStore: Store }).__atlasStore.getState().removeLayer(x), l);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}zone38.gpkg`);
    const report = page.getByRole('dialog', { name: '导入结果' });
    await report.getByRole('checkbox', { name: /^道路/ }).uncheck({ timeout: 60_000 });
    await report.getByRole('button', { name: '添加所选图层' }).click();
    await expect(report).toContainText('已添加 1 个图层', { timeout: 30_000 });
    const before = await page.evaluate(() => {
      const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { data: { features: GeoJSON.Feature[] } }> } } }).__atlasStore.getState();
      return s.layers[s.order.find((id) => id.startsWith('user-'))!]!.data.features.map((f) => ({ p: f.properties, g: f.geometry }));
    });
    await page.getByRole('button', { name: /^导出/ }).click();
    await page.getByRole('menuitem', { name: '导出整个图层…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出要素' });
    await dialog.getByRole('combobox', { name: '图层' }).selectOption({ label: '地块' });
    await dialog.getByRole('radio', { name: 'GeoPackage (.gpkg)' }).check();
    await dialog.getByRole('combobox', { name: '坐标系' }).selectOption('EPSG:4526');
    await screenshot(page, 'gdal-export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.gpkg$/);
    const file = (await download.path())!;
    // Native GDAL reads the download: two features in EPSG:4526 (skipped without gdal-bin).
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-dl-'));
    try {
      copyFileSync(file, path.join(dir, 'x.gpkg'));
      const info = execFileSync('ogrinfo', ['-so', '-al', path.join(dir, 'x.gpkg')]).toString();
      expect(info).toContain('Feature Count: 2');
      expect(info).toContain('ID["EPSG",4526]');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    } finally {
      rmSync(dir, { recursive: true });
    }
    for (const l of await userLayerIds(page)) await page.evaluate((x) => (window as unknown as { __atlasStore: Store }).__atlasStore.getState().removeLayer(x), l);
    await page.getByTestId('import-input').setInputFiles({ name: 'exported.gpkg', mimeType: 'application/geopackage+sqlite3', buffer: readFileSync(file) });
    await expect(report).toContainText('已添加 1 个图层', { timeout: 60_000 });
    await expect(report).toContainText('EPSG:4526');
    const after = await page.evaluate(() => {
      const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { data: { features: GeoJSON.Feature[] } }> } } }).__atlasStore.getState();
      return s.layers[s.order.find((id) => id.startsWith('user-'))!]!.data.features.map((f) => ({ p: f.properties, g: f.geometry }));
    });
    expect(after.map((f) => f.p)).toEqual(before.map((f) => f.p));
    const nums = (g: unknown) => JSON.stringify(g).match(/-?\d+\.\d+/g)!.map(Number);
    after.forEach((f, i) => nums(f.g).forEach((v, k) => expect(Math.abs(v - nums(before[i]!.g)[k]!)).toBeLessThan(1e-9)));
  });

  test('the layers of one GeoPackage stay together in the layer panel: one group, collapsible, shown or hidden at once', async () => {
    for (const l of await userLayerIds(page)) await page.evaluate((x) => (window as unknown as { __atlasStore: Store }).__atlasStore.getState().removeLayer(x), l);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}zone38.gpkg`);
    const report = page.getByRole('dialog', { name: '导入结果' });
    await report.getByRole('button', { name: '添加所选图层' }).click({ timeout: 60_000 });
    await expect(report).toContainText('已添加 2 个图层', { timeout: 30_000 });
    await report.getByRole('button', { name: '关闭导入结果' }).click();
    const panel = page.getByRole('region', { name: '图层' });
    const toggle = panel.getByRole('button', { name: 'zone38.gpkg', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const group = panel.locator('.layer-group[data-group="zone38.gpkg"]');
    await expect(group.locator('.layer-count').first()).toHaveText('2 个图层');
    await expect(group.getByRole('checkbox', { name: '显示 地块' })).toBeVisible();
    await expect(group.getByRole('checkbox', { name: '显示 道路' })).toBeVisible();
    await screenshot(page, 'layer-group-open');
    // One layer off: the group's checkbox is mixed; off: both layers leave the map.
    await group.getByRole('checkbox', { name: '显示 道路' }).uncheck();
    const all = group.getByRole('checkbox', { name: '显示 zone38.gpkg 的全部图层' });
    expect(await all.evaluate((e) => (e as HTMLInputElement).indeterminate)).toBe(true);
    await all.check();
    await waitForIdle(page);
    const ids = await userLayerIds(page);
    for (const id of ids) expect((await page.evaluate((l) => window.__atlas!.renderedFeatures(l), id)).length).toBeGreaterThan(0);
    await all.uncheck();
    await waitForIdle(page);
    for (const id of ids) expect(await page.evaluate((l) => window.__atlas!.renderedFeatures(l), id)).toEqual([]);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(group.getByRole('checkbox', { name: '显示 地块' })).toBeHidden();
    await screenshot(page, 'layer-group-closed');
    await group.getByRole('button', { name: '移除 zone38.gpkg 的全部图层' }).click();
    await expect(toggle).toBeHidden();
    expect(await userLayerIds(page)).toEqual([]);
  });
});
