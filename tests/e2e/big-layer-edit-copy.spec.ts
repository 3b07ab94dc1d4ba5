// A big layer is edited through a copy of the parcels a planner selects: Shift-drag a box on the map, then
// the Edit tab's "Copy the N selected features to an editable layer". The copy holds exactly those parcels.
import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { dragOnMap, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { edited } from './edit-driver';

// Written into dist/ by the test command (npm run gen:parcels).
const PATH = fileURLToPath(new URL('../../dist/parcels-25000.geojson', import.meta.url));

test('parcels of a 25 000-parcel layer selected with a box are copied to an editable layer, unchanged', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  const text = readFileSync(PATH, 'utf8');
  const parcels = (JSON.parse(text) as FeatureCollection<Polygon>).features;
  await page.getByTestId('import-input').setInputFiles({ name: 'parcels-25000.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 90_000 });
  await report.getByRole('button', { name: /Close/ }).click();

  // Set-up: a close view of one parcel; then the gesture under test, a Shift-drag box around it.
  const ring = parcels[4321]!.geometry.coordinates[0]!.slice(0, -1);
  const centre: [number, number] = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
  await page.evaluate((ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 17, instant: true }), centre);
  await waitForIdle(page);
  await dragOnMap(page, [centre[0] - 0.0006, centre[1] - 0.0005], [centre[0] + 0.0006, centre[1] + 0.0005], ['Shift']);
  await expect(page.getByTestId('selection-count')).toHaveText(/^\d+ features? selected$/, { timeout: 30_000 });
  // The box also takes the bundled features it covers: the big layer's are the ones copied.
  const refs = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => { selection: { layerId: string; featureId: string }[]; layers: Record<string, { remote?: unknown }> } } }).__atlasStore.getState();
    return s.selection.filter((r) => s.layers[r.layerId]?.remote);
  });
  expect(refs.length).toBeGreaterThan(0);
  expect(refs.map((r) => Number(r.featureId))).toContain(4321);

  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByLabel('Layer to edit').selectOption({ label: 'parcels-25000' });
  await expect(page.getByText(/features live in a background worker/)).toBeVisible();
  await page.getByRole('button', { name: `Copy the ${refs.length} selected features to an editable layer` }).click();
  await expect.poll(async () => (await edited(page)).features.length, { timeout: 30_000 }).toBe(refs.length);
  const copy = await edited(page);
  const want = refs.map((r) => parcels[Number(r.featureId)]!);
  expect(copy.features.map((f) => f.geometry)).toEqual(want.map((f) => f.geometry));
  expect(copy.features.map((f) => f.properties)).toEqual(want.map((f) => f.properties));
  await screenshot(page, 'big-layer-edit-copy');
});
