import { test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { expect, openAtlas, PageWatch, renderedIds, screenshot, waitForIdle, clickFeature, bundled } from './driver';

const FIX = new URL('../fixtures/io/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIX));

/** Drops files on the map the way a browser does (a real drop event carrying a DataTransfer). */
async function dropFiles(page: import('@playwright/test').Page, files: { name: string; bytes: Buffer | Uint8Array; type?: string }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? '', data: [...f.bytes] }));
  const dt = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const f of items) transfer.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
    return transfer;
  }, payload);
  const target = page.getByTestId('map');
  await target.dispatchEvent('dragover', { dataTransfer: dt });
  await target.dispatchEvent('drop', { dataTransfer: dt });
}

const xss = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '<img src=x onerror=alert(1)>', 说明: '<script>alert(2)</script>' }, geometry: { type: 'Point', coordinates: [113.3, 35.15] } },
    { type: 'Feature', properties: { name: '地块甲' }, geometry: { type: 'Polygon', coordinates: [[[113.28, 35.13], [113.3, 35.13], [113.3, 35.145], [113.28, 35.145], [113.28, 35.13]]] } },
  ],
};

test('dropping a GeoJSON and a zipped Shapefile adds drawn layers; XSS text stays text', async ({ page }) => {
  const watch = new PageWatch(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openAtlas(page, '?lang=en');
  const zip = zipSync({ 'gbk-points.shp': fixture('gbk-points.shp'), 'gbk-points.shx': fixture('gbk-points.shx'), 'gbk-points.dbf': fixture('gbk-points.dbf') });
  await dropFiles(page, [
    { name: 'my-plots.geojson', bytes: Buffer.from(JSON.stringify(xss)) },
    { name: 'points.zip', bytes: zip },
  ]);
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('2 layers added');
  await waitForIdle(page);
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers.getByRole('checkbox', { name: 'Show my-plots' })).toBeVisible();
  const ids = await page.evaluate(() => Object.keys((window as unknown as { __atlasStore: { getState: () => { layers: object } } }).__atlasStore?.getState().layers ?? {}));
  expect(ids.length).toBeGreaterThan(0);
  const userLayers = ids.filter((id) => id.startsWith('user-'));
  expect(userLayers).toHaveLength(2);
  for (const id of userLayers) expect((await renderedIds(page, id)).length).toBeGreaterThan(0);
  // The XSS point: put the import result away, click the point and read its name as text.
  await report.getByRole('button', { name: 'Close import result' }).click();
  await waitForIdle(page);
  const xy = await page.evaluate(() => window.__atlas!.project([113.3, 35.15]));
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  const inspector = page.getByRole('dialog', { name: '<img src=x onerror=alert(1)>' });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText('<script>alert(2)</script>');
  expect(await page.locator('img[src=x]').count()).toBe(0);
  expect(dialogs).toBe(0);
  await screenshot(page, 'import-dropped');
  expect(watch.external()).toEqual([]);
});

test('a broken file gives a clear message and leaves the loaded layers intact', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  const before = await renderedIds(page, 'villages');
  await page.getByTestId('import-input').setInputFiles({ name: 'broken.geojson', mimeType: 'application/json', buffer: fixture('malformed.geojson') });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('No features were imported');
  await expect(report).toContainText('broken.geojson');
  await expect(report).toContainText(/line \d+/);
  await waitForIdle(page);
  expect(await renderedIds(page, 'villages')).toEqual(before);
  await screenshot(page, 'import-broken');
});

test('exported GeoJSON of the selection holds exactly the selected features', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-qinyuan', ['Shift']);
  await expect(page.getByTestId('selection-count')).toHaveText('2 features selected');
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Export selection…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export features' });
  await expect(dialog).toContainText('2 features will be exported');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^selection_\d{4}-\d{2}-\d{2}\.geojson$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const fc = JSON.parse(text);
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.crs).toBeUndefined();
  const expected = bundled('ppp-parcels.geojson').features.filter((f) => ['pp-jinsha', 'pp-qinyuan'].includes(String(f.id)));
  expect(fc.features.map((f: { id: string }) => f.id).sort()).toEqual(['pp-jinsha', 'pp-qinyuan']);
  for (const f of expected) expect(fc.features.find((x: { id: string }) => x.id === f.id)).toEqual(f);
});

/** Names of the imported layers kept in IndexedDB (idb-keyval's default store), to reload only once saved. */
async function savedLayerNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) return resolve([]);
          const req = db.transaction('keyval').objectStore('keyval').get('atlas:user-layers:v1');
          req.onsuccess = () => resolve(((req.result as { title: { en: string } }[] | undefined) ?? []).map((l) => l.title.en));
          req.onerror = () => resolve([]);
        };
      }),
  );
}

test('imported layers persist across a reload until removed', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByTestId('import-input').setInputFiles({ name: 'keep-me.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(xss)) });
  await expect(page.getByRole('dialog', { name: 'Import result' })).toContainText('1 layer added');
  await expect.poll(() => savedLayerNames(page), { timeout: 20_000 }).toEqual(['keep-me']);
  await page.reload();
  await waitForIdle(page);
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers.getByRole('textbox', { name: 'Rename keep-me' })).toBeVisible();
  await layers.getByRole('button', { name: 'Remove keep-me' }).click();
  await expect.poll(() => savedLayerNames(page), { timeout: 20_000 }).toEqual([]);
  await page.reload();
  await waitForIdle(page);
  await expect(layers.getByRole('textbox', { name: 'Rename keep-me' })).toHaveCount(0);
});
