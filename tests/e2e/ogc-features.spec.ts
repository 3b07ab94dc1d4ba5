// An OGC API – Features service, as a planner adds it: Add from service → OGC API – Features, the address,
// "List its collections", pick one, load it. MapServer 8 on loopback serves the bundled villages; loaded,
// they are an ordinary layer: the zone filter keeps the very villages it keeps on the bundled layer.
import { test } from '@playwright/test';
import { expect, openAtlas, screenshot, waitForIdle } from './driver';
import { hasMapServer, startMapServer, type MapServer } from '../support/mapserver';

let ms: MapServer;
test.beforeAll(async () => {
  if (hasMapServer) ms = await startMapServer();
});
test.afterAll(async () => ms?.close());

test('a collection of MapServer’s OGC API becomes a layer whose zone filter matches the bundled one', async ({ page }) => {
  test.skip(!hasMapServer, 'MapServer (mapserv, Debian mapserver-bin) is not installed: the OGC API tests need it');
  await openAtlas(page, '?lang=en');
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption('ogc');
  await page.getByLabel('OGC API – Features address').fill(`${ms.origin}/ms/ogcapi`);
  await page.getByRole('button', { name: 'List its collections' }).click();
  const list = page.getByRole('group', { name: '2 feature collections' });
  await list.getByRole('radio', { name: /美丽乡村 Beautiful villages/ }).check();
  await list.getByRole('button', { name: 'Load the chosen collection' }).click();
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 30_000 });
  await expect(report).toContainText('60');
  await report.getByRole('button', { name: /Close/ }).click();
  expect(ms.requests.some((r) => r.startsWith('/ms/ogcapi/collections/villages/items'))).toBe(true);
  const id = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { title: { en: string }; data: { features: unknown[] } }> } } }).__atlasStore.getState();
    return s.order.find((o) => s.layers[o]!.title.en === '美丽乡村 Beautiful villages')!;
  });
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  await waitForIdle(page);
  const bundledCount = await page.getByTestId('count-villages').innerText();
  expect(bundledCount).toMatch(/^\d+ \/ 60$/);
  await expect(page.getByTestId(`count-${id}`)).toHaveText(bundledCount);
  const ids = await page.evaluate((layerId) => {
    const s = (window as unknown as { __atlasStore: { getState: () => { layers: Record<string, { data: { features: { id?: unknown; properties: Record<string, unknown> }[] } }> } } }).__atlasStore.getState();
    return s.layers[layerId]!.data.features.map((f) => String(f.properties['id']));
  }, id);
  expect(ids).toHaveLength(60);
  await screenshot(page, 'ogc-features-villages');
});
