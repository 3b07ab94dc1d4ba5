import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { bundled, clickMapAt, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { buildFeatureIndex } from '../../src/analysis/feature-index';
import { proximitySearch, proximityStart } from '../../src/analysis/proximity-search';

// Written into dist/ by the test command (npm run gen:parcels).
const PATH = fileURLToPath(new URL('../../dist/parcels-25000.geojson', import.meta.url));

test('a parcel of a 25 000-parcel layer, clicked on the map, is the origin of a proximity search of the villages', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  const text = readFileSync(PATH, 'utf8');
  const parcels = (JSON.parse(text) as FeatureCollection<Polygon>).features;
  await page.getByTestId('import-input').setInputFiles({ name: 'parcels-25000.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 90_000 });
  await report.getByRole('button', { name: /Close/ }).click();

  // Set-up: the view on one parcel, close enough to click it; then the click a planner makes, at its centre.
  const ring = parcels[4321]!.geometry.coordinates[0]!.slice(0, -1);
  const centre: [number, number] = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
  await page.evaluate((ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 17, instant: true }), centre);
  await waitForIdle(page);
  await clickMapAt(page, centre);
  const inspected = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { inspected: { layerId: string; featureId: string } | null } } }).__atlasStore.getState().inspected);
  expect(inspected?.layerId.startsWith('user-')).toBe(true);
  const parcel = parcels[Number(inspected!.featureId)]!;

  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('button', { name: `Use the current feature: ${String(parcel.properties!['name_en'])}` }).click();
  await page.getByLabel('Layer to search').selectOption({ label: 'Beautiful villages' });
  await page.getByLabel('Nearest N').check();
  await page.getByLabel('Number N').fill('3');
  // The reference: the same search in Node, from the parcel's whole outline.
  const villages = bundled('villages.geojson').features;
  const nearest = proximitySearch(buildFeatureIndex(villages), proximityStart({ feature: parcel })!, { mode: 'nearest', n: 3, radiusMeters: 0 });
  const list = page.getByRole('list', { name: 'Results (3)' });
  await expect(list.getByRole('button')).toHaveText(nearest.map((r) => String(villages[r.index]!.properties!['name_en'])), { timeout: 30_000 });
  await expect(list).toContainText(`${(nearest[0]!.distanceMeters / 1000).toFixed(3)} km`);
  await screenshot(page, 'big-layer-proximity-origin');
});
