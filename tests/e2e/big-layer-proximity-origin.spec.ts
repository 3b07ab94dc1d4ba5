import { test } from '@playwright/test';
import { bundled, clickMapAt, expect, openAtlas, screenshot } from './driver';
import { importParcels25000, viewParcel } from './big-driver';
import { buildFeatureIndex } from '../../src/analysis/feature-index';
import { proximitySearch, proximityStart } from '../../src/analysis/proximity-search';

test('a parcel of a 25 000-parcel layer, clicked on the map, is the origin of a proximity search of the villages', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  const parcels = await importParcels25000(page);
  // Set-up: a close view of one parcel; then the gesture under test.
  const centre = await viewParcel(page, parcels[4321]!);
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
