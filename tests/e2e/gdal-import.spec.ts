import { test, type Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, openAtlas, PageWatch, waitForIdle } from './driver';

// Real GDAL-format files kept outside the project; skipped when they are not there. Expected values are
// native GDAL 3.6.2's (`ogrinfo -so -al`, `ogrinfo -q <file> <layer>`) and PROJ 9.1's `cs2cs`.
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/realworld-gdal/', import.meta.url));
const has = existsSync(SAMPLES);

function file(rel: string) {
  return { name: rel.split('/').pop()!, mimeType: 'application/octet-stream', buffer: readFileSync(SAMPLES + rel) };
}

type Store = { getState: () => { order: string[]; layers: Record<string, { title: { en: string }; data: { features: GeoJSON.Feature[] } }>; removeLayer: (id: string) => void } };

async function userLayers(page: Page): Promise<{ name: string; count: number; first: GeoJSON.Feature | undefined }[]> {
  return page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: Store }).__atlasStore.getState();
    return s.order.filter((id) => id.startsWith('user-')).map((id) => ({ name: s.layers[id]!.title.en, count: s.layers[id]!.data.features.length, first: s.layers[id]!.data.features[0] }));
  });
}

async function clearUserLayers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: Store }).__atlasStore.getState();
    for (const id of s.order.filter((x) => x.startsWith('user-'))) s.removeLayer(id);
  });
}

// One page for the file: GDAL (about 40 MB of wasm and data) loads once, on the first GDAL file.
test.describe.serial('GDAL formats through the import UI', () => {
  test.skip(!has, 'shared GDAL samples are not available');
  let page: Page;
  let watch: PageWatch;

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch = new PageWatch(page);
    await openAtlas(page, '?lang=en');
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('a GeoPackage lists its 8 layers; the picked ones are added and drawn', async () => {
    test.setTimeout(120_000);
    await page.getByTestId('import-input').setInputFiles(file('eljadida-ftth-gpkg-8layers/JAD_MARJANE_Reference.gpkg'));
    const report = page.getByRole('dialog', { name: 'Import result' });
    const picker = report.getByRole('group', { name: 'JAD_MARJANE_Reference.gpkg: choose the layers to add' });
    await expect(picker.getByRole('checkbox')).toHaveCount(8, { timeout: 90_000 });
    await expect(picker).toContainText('BOITE (Point, 118 features, EPSG:4326)');
    await expect(picker).toContainText('INFRASTRUCTURE (LineString, 193 features');
    await report.getByRole('button', { name: 'Select none' }).click();
    await picker.getByRole('checkbox', { name: /^CABLE / }).check();
    await picker.getByRole('checkbox', { name: /^ZPM / }).check();
    await page.screenshot({ path: 'test-results/gdal-gpkg-picker.png' });
    await report.getByRole('button', { name: 'Add the selected layers' }).click();
    await expect(report).toContainText('2 layers added', { timeout: 30_000 });
    const layers = await userLayers(page);
    expect(layers.map((l) => [l.name, l.count])).toEqual([['CABLE', 120], ['ZPM', 2]]);
    // ogrinfo -q JAD_MARJANE_Reference.gpkg CABLE: feature 1 CODE = CDI-JAD-MAR-01-0001, CAPACITE = 24
    expect(layers[0]!.first!.properties).toMatchObject({ CODE: 'CDI-JAD-MAR-01-0001', CAPACITE: 24, MODE_POSE: 'SOUTERRAIN' });
    await waitForIdle(page);
    await page.screenshot({ path: 'test-results/gdal-gpkg-added.png' });
    expect(watch.external()).toEqual([]);
    await clearUserLayers(page);
  });

  test('the zipped File Geodatabase is reprojected from UTM 46N to where cs2cs puts it', async () => {
    await page.getByTestId('import-input').setInputFiles(file('dulahajara.gdb.zip'));
    const report = page.getByRole('dialog', { name: 'Import result' });
    const group = report.getByRole('group', { name: 'Feature dataset Layer' });
    await expect(group.getByRole('checkbox')).toHaveCount(2, { timeout: 60_000 });
    await expect(group).toContainText('Plot_polygon (MultiPolygon, 1,022 features, EPSG:32646)');
    await group.getByRole('checkbox', { name: /^Line / }).uncheck();
    await report.getByRole('button', { name: 'Add the selected layers' }).click();
    await expect(report).toContainText('1 layer added', { timeout: 30_000 });
    await expect(report).toContainText('WGS 84 / UTM zone 46N (EPSG:32646)');
    const layers = await page.evaluate(() => {
      const s = (window as unknown as { __atlasStore: Store }).__atlasStore.getState();
      const id = s.order.find((x) => x.startsWith('user-'))!;
      const f = s.layers[id]!.data.features.find((x) => x.properties?.Plot_Num === 1796)!;
      return { count: s.layers[id]!.data.features.length, ring: (f.geometry as GeoJSON.Polygon).coordinates[0] };
    });
    expect(layers.count).toBe(1022);
    // OBJECTID 1 vertex 404760.4831 2395583.2869 → cs2cs -f %.9f EPSG:32646 EPSG:4326: 21.660961205 92.079523786
    expect(layers.ring!.some((p) => Math.abs(p[0]! - 92.079523786) < 1e-8 && Math.abs(p[1]! - 21.660961205) < 1e-8)).toBe(true);
    await clearUserLayers(page);
  });

  test('the .gdb folder opens through the folder picker', async () => {
    const dir = `${SAMPLES}dulahajara-lulc-gdb-utm46n/dulahajara.gdb`;
    expect(readdirSync(dir).length).toBeGreaterThan(10);
    await page.getByTestId('import-folder-input').setInputFiles(dir);
    const report = page.getByRole('dialog', { name: 'Import result' });
    await expect(report.getByRole('group', { name: 'Feature dataset Layer' }).getByRole('checkbox')).toHaveCount(2, { timeout: 60_000 });
    await report.getByRole('button', { name: 'Add the selected layers' }).click();
    await expect(report).toContainText('2 layers added', { timeout: 30_000 });
    expect((await userLayers(page)).map((l) => [l.name, l.count])).toEqual([['Line', 1055], ['Plot_polygon', 1022]]);
    await clearUserLayers(page);
  });

  test('a MIF/MID pair loads as one polygon layer, dropped on the map', async () => {
    const files = ['g5615b_r.mif', 'g5615b_r.mid'].map((n) => ({ n, b: readFileSync(`${SAMPLES}ga-brisbane-builtup-mif/${n}`).toString('base64') }));
    const dt = await page.evaluateHandle((list) => {
      const d = new DataTransfer();
      for (const { n, b } of list) d.items.add(new File([Uint8Array.from(atob(b), (c) => c.charCodeAt(0))], n));
      return d;
    }, files);
    const map = page.getByTestId('map');
    await map.dispatchEvent('dragover', { dataTransfer: dt });
    await map.dispatchEvent('drop', { dataTransfer: dt });
    const report = page.getByRole('dialog', { name: 'Import result' });
    await expect(report).toContainText('1 layer added', { timeout: 60_000 });
    const layers = await userLayers(page);
    expect(layers.map((l) => [l.name, l.count])).toEqual([['g5615b_r', 299]]);
    await waitForIdle(page);
    await page.screenshot({ path: 'test-results/gdal-mif.png' });
    await clearUserLayers(page);
  });
});
