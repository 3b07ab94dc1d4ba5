// Turning a whole red line: the Rotate tool's hint says to click the feature, then drag on the map around
// its centre and release. The turn is checked against GeographicLib: every vertex keeps its distance from
// the centre, its azimuth turns by the angle of the drag, and the ellipsoidal area stays what it was.
import { test, type Page } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import type { Polygon, Position } from 'geojson';
import { expect, waitForIdle, screenshot } from './driver';
import { edited, ellipsoidalArea, newFromCoordinates, screenAt } from './edit-driver';

const geod = geographiclib.Geodesic.WGS84;
const SQUARE = '113.200, 35.100\n113.202, 35.100\n113.202, 35.1015\n113.200, 35.1015';

function centre(g: Polygon): [number, number] {
  const ring = g.coordinates[0]!.slice(0, -1);
  return [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
}

/** How far each vertex turned about `c` (degrees clockwise), and how much its distance from `c` changed (m). */
function turnOf(before: Polygon, after: Polygon, c: [number, number]): { turns: number[]; stretch: number } {
  const turns: number[] = [];
  let stretch = 0;
  after.coordinates[0]!.forEach((p: Position, i) => {
    const q = before.coordinates[0]![i]!;
    const a = geod.Inverse(c[1], c[0], q[1]!, q[0]!);
    const b = geod.Inverse(c[1], c[0], p[1]!, p[0]!);
    turns.push(((((b.azi1! - a.azi1!) % 360) + 540) % 360) - 180);
    stretch = Math.max(stretch, Math.abs(b.s12! - a.s12!));
  });
  return { turns, stretch };
}

async function lngLatAt(page: Page, x: number, y: number): Promise<[number, number]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  return page.evaluate((p) => window.__atlas!.unproject(p), { x: x - box.x, y: y - box.y });
}

for (const size of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('Rotate: click the parcel, drag around its centre; it turns by the drag’s angle, keeps its area, and one undo brings it back', async ({ page }) => {
      await newFromCoordinates(page, '?lang=en#map=16/35.10075/113.201', SQUARE, 'wgs84');
      const start = (await edited(page)).features[0]!.geometry as Polygon;
      const c = centre(start);
      await page.getByRole('button', { name: 'Rotate', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'drag on the map around its centre' })).toBeVisible();
      // As the hint says: click the feature first (it opens in the inspector), then drag.
      const mid = await screenAt(page, c);
      await page.mouse.click(mid.x + 20, mid.y + 10);
      await waitForIdle(page);
      const figures = page.getByTestId('edit-feature-figures');
      await expect(figures).toContainText('m²');
      const figuresBefore = await figures.textContent();
      const from = { x: mid.x, y: mid.y - 70 };
      const to = { x: mid.x + 70, y: mid.y - 8 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(mid.x + 50, mid.y - 50, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      // While the drag goes on, the parcel is shown where it would go, with the angle at its centre.
      await expect.poll(async () => page.evaluate(() => window.__atlas!.renderedFeatures('overlay').filter((f) => typeof f.properties['label'] === 'string' && /°$/.test(String(f.properties['label']))).length)).toBeGreaterThan(0);
      expect((await edited(page)).done).toBe(1);
      await screenshot(page, `rotate-dragging-${size.width}`);
      await page.mouse.up();
      await expect.poll(async () => (await edited(page)).done).toBe(2);

      const [a, b] = [await lngLatAt(page, from.x, from.y), await lngLatAt(page, to.x, to.y)];
      const angle = ((((geod.Inverse(c[1], c[0], b[1], b[0]).azi1! - geod.Inverse(c[1], c[0], a[1], a[0]).azi1!) % 360) + 540) % 360) - 180;
      expect(angle).toBeGreaterThan(60);
      const after = (await edited(page)).features[0]!.geometry as Polygon;
      const { turns, stretch } = turnOf(start, after, c);
      for (const t of turns) expect(t).toBeCloseTo(angle, 2);
      expect(stretch).toBeLessThan(0.001);
      expect(Math.abs(ellipsoidalArea(after) - ellipsoidalArea(start))).toBeLessThan(0.01);
      // The inspector's figures (area in m² · ha · 亩, perimeter, vertices) read as before the turn.
      await expect(figures).toHaveText(figuresBefore!);
      await screenshot(page, `rotate-drag-${size.width}`);

      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(start);
    });
  });
}

test.use({ viewport: { width: 1400, height: 900 } });

test('a typed angle turns the open parcel clockwise, as a bearing turns', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en#map=16/35.10075/113.201', SQUARE, 'wgs84');
  const start = (await edited(page)).features[0]!.geometry as Polygon;
  await page.getByText('Geometry tools').click();
  await page.getByLabel('Turn by (°, clockwise)').fill('30');
  await page.getByRole('button', { name: 'Rotate by this angle' }).click();
  await expect(page.getByTestId('geometry-outcome')).toHaveText('Turned');
  const after = (await edited(page)).features[0]!.geometry as Polygon;
  const { turns, stretch } = turnOf(start, after, centre(start));
  for (const t of turns) expect(t).toBeCloseTo(30, 3);
  expect(stretch).toBeLessThan(0.001);
});
