// A big layer is edited through a copy of the parcels a planner selects: Shift-drag a box on the map, then
// the Edit tab's "Copy the N selected features to an editable layer". The copy holds exactly those parcels.
import { test } from '@playwright/test';
import { dragOnMap, expect, openAtlas, screenshot } from './driver';
import { importParcels25000, viewParcel } from './big-driver';
import { edited } from './edit-driver';

test('parcels of a 25 000-parcel layer selected with a box are copied to an editable layer, unchanged', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  const parcels = await importParcels25000(page);
  // Set-up: a close view of one parcel; then the gesture under test.
  const centre = await viewParcel(page, parcels[4321]!);
  await dragOnMap(page, [centre[0] - 0.0006, centre[1] - 0.0005], [centre[0] + 0.0006, centre[1] + 0.0005], ['Shift']);
  await expect(page.getByTestId('selection-count')).toHaveText(/^\d+ features? selected$/, { timeout: 30_000 });
  // The box also takes the bundled features it covers: the big layer's are the ones copied. Those come from
  // the worker, after the page's own (the count shows the bundled ones first on a loaded machine).
  const bigRefs = () =>
    page.evaluate(() => {
      const s = (window as unknown as { __atlasStore: { getState: () => { selection: { layerId: string; featureId: string }[]; layers: Record<string, { remote?: unknown }> } } }).__atlasStore.getState();
      return s.selection.filter((r) => s.layers[r.layerId]?.remote);
    });
  await expect.poll(async () => (await bigRefs()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const refs = await bigRefs();
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
