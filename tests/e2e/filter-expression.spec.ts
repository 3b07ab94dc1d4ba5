// Filtering by expression in the Filter panel: the planner picks a layer, types a MapLibre expression and
// applies it; the map keeps what the expression holds for. Areas are ellipsoidal (GeographicLib).
import { test } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import type { Polygon } from 'geojson';
import { bundled, expect, openAtlas, renderedIds, screenshot, waitForIdle } from './driver';

function mu(g: Polygon): number {
  const p = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of g.coordinates[0]!.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!) / (10_000 / 15);
}

for (const size of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
  test(`at ${size.width}×${size.height}: parcels of 1 000 亩 or more that are not PPP, by expression; a wrong one is refused; removing it shows all`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAtlas(page, '?lang=en');
    if (size.width < 600) await page.getByRole('button', { name: 'Layers and tools' }).click();
    await page.getByRole('tab', { name: 'Filter' }).click();
    await page.getByText('Filter by expression').click();
    await page.getByLabel('Layer to filter').selectOption({ label: 'PPP & redevelopment parcels' });
    const box = page.getByLabel('Expression (MapLibre expression language)');
    await box.fill('[">=", ["get", "$area_mu"], 1000');
    await page.getByRole('button', { name: 'Apply expression' }).click();
    await expect(page.getByRole('alert')).toContainText('The expression is not valid: not JSON');
    await box.fill('["all", [">=", ["get", "$area_mu"], 1000], ["!=", ["get", "kind"], "ppp"]]');
    await page.getByRole('button', { name: 'Apply expression' }).click();
    const all = bundled('ppp-parcels.geojson').features;
    // pp-resettle-c is 1 000.2 亩 on the ellipsoid: in only with exact areas.
    const expected = all.filter((f) => mu(f.geometry as Polygon) >= 1000 && f.properties!.kind !== 'ppp').map((f) => String(f.properties!.id)).sort();
    expect(expected).toContain('pp-resettle-c');
    await expect(page.getByTestId('expression-count')).toHaveText(`${expected.length} features of “PPP & redevelopment parcels” pass every criterion`);
    await expect(page.getByTestId('count-ppp-parcels')).toHaveText(`${expected.length} / ${all.length}`);
    await expect(page.getByRole('group', { name: 'Active criteria' })).toContainText('PPP & redevelopment parcels: ["all"');
    // On a phone the sheet folds away to show the map.
    if (size.width < 600) await page.getByRole('button', { name: 'Layers and tools' }).click();
    await waitForIdle(page);
    await expect.poll(() => renderedIds(page, 'ppp-parcels')).toEqual(expected);
    await screenshot(page, `filter-expression-${size.width}`);
    if (size.width >= 600) {
      await page.getByRole('button', { name: 'Remove expression' }).click();
      await waitForIdle(page);
      await expect.poll(async () => (await renderedIds(page, 'ppp-parcels')).length).toBe(all.length);
    }
  });
}
