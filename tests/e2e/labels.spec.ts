// Names on the map: once per polygon and inside it, township names first, a label field per layer, and
// imported layers named by their name field.
import { test, type Page } from '@playwright/test';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bundled, bundledFeature, expect, openAtlas, screenshot, waitForIdle } from './driver';

async function labels(page: Page, layerId: string): Promise<{ placed: { id: string; at: [number, number] }[]; textField: unknown }> {
  return page.evaluate((id) => window.__atlas!.labels(id), layerId);
}

for (const size of [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`at ${size.width}×${size.height} every township is named once, inside its own polygon, at the first view`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAtlas(page, '?lang=zh');
    await page.waitForTimeout(300);
    const { placed } = await labels(page, 'townships');
    const townships = bundled('townships.geojson').features;
    const counts = new Map<string, number>();
    for (const p of placed) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(townships.map((f) => [String(f.properties?.id), 1])));
    for (const p of placed) {
      const own = bundledFeature('townships.geojson', p.id) as Feature<Polygon | MultiPolygon>;
      expect(booleanPointInPolygon(p.at, own), p.id).toBe(true);
    }
    await screenshot(page, `labels-townships-${size.width}`);
  });
}

test('polygon labels of parcels appear once each when zoomed in', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh#map=13.5/35.19/113.27');
  await page.waitForTimeout(300);
  const { placed } = await labels(page, 'ppp-parcels');
  expect(placed.length).toBeGreaterThan(0);
  const ids = placed.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('the label field of a layer can be chosen, or labels switched off', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en#map=13/35.19/113.27');
  const select = page.getByRole('combobox', { name: 'Label field of PPP & redevelopment parcels' });
  await expect(select).toHaveValue('');
  await select.selectOption('id');
  await waitForIdle(page);
  await page.waitForTimeout(300);
  const byId = await labels(page, 'ppp-parcels');
  expect(JSON.stringify(byId.textField)).toContain('"id"');
  expect(byId.placed.length).toBeGreaterThan(0);
  await screenshot(page, 'labels-ppp-by-id');
  await select.selectOption({ label: 'No labels' });
  await waitForIdle(page);
  expect((await labels(page, 'ppp-parcels')).placed).toEqual([]);
});

test('an imported layer is labelled by its Chinese name field, not by its id', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  const plots = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { OBJECTID: 1, XZQDM: '410802', XMMC: '北部片区安置地块', MJ: 12.5 }, geometry: { type: 'Polygon', coordinates: [[[113.2, 35.16], [113.23, 35.16], [113.23, 35.18], [113.2, 35.18], [113.2, 35.16]]] } },
      { type: 'Feature', properties: { OBJECTID: 2, XZQDM: '410802', XMMC: '南部产业地块', MJ: 8 }, geometry: { type: 'Polygon', coordinates: [[[113.26, 35.13], [113.29, 35.13], [113.29, 35.15], [113.26, 35.15], [113.26, 35.13]]] } },
    ],
  };
  await page.getByTestId('import-input').setInputFiles({ name: '项目地块.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(plots)) });
  const select = page.getByRole('combobox', { name: '项目地块 的标注字段' });
  await expect(select).toHaveValue('XMMC');
  await waitForIdle(page);
  await page.waitForTimeout(300);
  const layerId = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { origin: string }> } } }).__atlasStore.getState();
    return s.order.find((id) => s.layers[id]!.origin === 'user')!;
  });
  expect(JSON.stringify((await labels(page, layerId)).textField)).toContain('XMMC');
  // Symbol placement settles after the fills are drawn; on a loaded machine that takes a few frames more.
  await expect.poll(async () => (await labels(page, layerId)).placed.length).toBe(2);
  await screenshot(page, 'labels-imported-xmmc');
});
