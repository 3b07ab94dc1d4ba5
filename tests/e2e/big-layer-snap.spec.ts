// Snapping onto a big layer: its parcels live in the worker, yet a vertex drawn a few pixels off a
// parcel's corner takes that corner's own coordinates, as on any layer.
import { test } from '@playwright/test';
import type { Polygon } from 'geojson';
import { expect, openAtlas, screenshot } from './driver';
import { importParcels25000, viewParcel } from './big-driver';
import { clickAt, edited, screenAt } from './edit-driver';

test('a vertex drawn near a corner of a 25 000-parcel layer snaps onto it', async ({ page }) => {
  test.setTimeout(180_000);
  await openAtlas(page, '?lang=en');
  const parcels = await importParcels25000(page);
  const parcel = parcels[4321]!;
  const centre = await viewParcel(page, parcel);
  const corner = parcel.geometry.coordinates[0]![0]! as [number, number];
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByLabel('Snap to vertices and edges of visible layers')).toBeChecked();
  await page.getByRole('button', { name: 'Polygon', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  // The worker's parcels in view reach the snap index once the view rests.
  await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { __atlasStore: { getState: () => { bigSnap: object } } }).__atlasStore.getState().bigSnap).length), { timeout: 20_000 }).toBe(1);
  const p = await screenAt(page, corner);
  await page.mouse.move(p.x + 4, p.y - 3, { steps: 3 });
  await page.mouse.click(p.x + 4, p.y - 3);
  await page.waitForTimeout(150);
  // Two more corners away from any parcel vertex, then back to the first to close.
  await clickAt(page, [centre[0] + 0.0004, centre[1] + 0.00035]);
  await clickAt(page, [centre[0] - 0.0004, centre[1] + 0.0004]);
  await page.mouse.move(p.x + 4, p.y - 3, { steps: 3 });
  await page.mouse.click(p.x + 4, p.y - 3);
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  const ring = ((await edited(page)).features[0]!.geometry as Polygon).coordinates[0]!;
  expect(ring[0]).toEqual(corner);
  await screenshot(page, 'big-layer-snap');
});
