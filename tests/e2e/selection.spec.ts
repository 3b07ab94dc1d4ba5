// Selection the way a person makes it: the hint's clicks and a Shift-drag with the mouse, at the window sizes
// planners use. Expected sets are worked out independently with turf from the bundled files.
import { test, type Page } from '@playwright/test';
import { booleanIntersects, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { bundled, clickFeature, clickMapAt, dragOnMap, expect, openAtlas, screenshot, startDrawing, waitForIdle } from './driver';

const SELECTABLE = {
  'key-projects': 'key-projects.geojson',
  villages: 'villages.geojson',
  'ppp-parcels': 'ppp-parcels.geojson',
  'featured-towns': 'featured-towns.geojson',
  'pollution-works': 'pollution-works.geojson',
};

function expectedIn(ring: [number, number][]): string[] {
  const zone: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } };
  const keys: string[] = [];
  for (const [layer, file] of Object.entries(SELECTABLE)) {
    for (const f of bundled(file).features) if (booleanIntersects(f, zone)) keys.push(`${layer}:${String(f.properties?.id)}`);
  }
  return keys.sort();
}

async function selectedKeys(page: Page): Promise<string[]> {
  const refs = await page.evaluate(() => {
    const store = (window as unknown as { __atlasStore: { getState: () => { selection: { layerId: string; featureId: string }[] } } }).__atlasStore;
    return store.getState().selection;
  });
  return refs.map((r) => `${r.layerId}:${r.featureId}`).sort();
}

// A quadrilateral over the villages west of the centre; its first vertex lies inside a township polygon,
// so a closing click that leaks through to the map would select that township.
const QUAD: [number, number][] = [
  [113.25, 35.14],
  [113.19, 35.14],
  [113.19, 35.2],
  [113.25, 35.2],
];
// Box corners: released over empty map (outside every township) and over a township.
const BOX_FROM: [number, number] = [113.19, 35.2];

const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
  { width: 390, height: 844 },
];

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    // A phone shows less of the map: from a little further out the whole polygon is on screen.
    const view = size.width < 600 ? '11.6/35.17/113.22' : '12.2/35.17/113.22';

    test('select by polygon: four clicks and a click on the first vertex keep what the polygon covers', async ({ page }) => {
      await openAtlas(page, `?lang=zh#map=${view}`);
      const expected = expectedIn(QUAD);
      expect(expected.length).toBeGreaterThan(3);
      await startDrawing(page, '多边形选择');
      for (const p of QUAD) await clickMapAt(page, p);
      await clickMapAt(page, QUAD[0]!);
      await waitForIdle(page);
      await expect.poll(() => selectedKeys(page)).toEqual(expected);
      await page.waitForTimeout(500);
      expect(await selectedKeys(page)).toEqual(expected);
      await expect(page.getByTestId('selection-count')).toHaveText(`已选 ${expected.length} 个要素`);
      await screenshot(page, `select-polygon-${size.width}`);
    });

    test('shift-drag box: released over empty map or over a township, it selects what the box covers', async ({ page }) => {
      await openAtlas(page, `?lang=en#map=${view}`);
      const to: [number, number] = [113.25, 35.14];
      const expected = expectedIn([BOX_FROM, [to[0], BOX_FROM[1]], to, [BOX_FROM[0], to[1]]]);
      expect(expected.length).toBeGreaterThan(3);
      // The drag's ends are placed from the map's projection: it must be at rest first (a loaded CI machine
      // once dragged while the first view was still settling, and the box missed a village at its edge).
      await waitForIdle(page);
      await dragOnMap(page, BOX_FROM, to, ['Shift']);
      await waitForIdle(page);
      await page.waitForTimeout(400);
      expect(await selectedKeys(page)).toEqual(expected);
      await expect(page.getByRole('dialog', { name: /Town|Township/ })).toHaveCount(0);
      await screenshot(page, `select-box-${size.width}`);
    });
  });
}

test('a box released outside every township selects the villages it covers', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en#map=11/35.17/113.25');
  // Drag from inside the district to beyond its southern edge, where no polygon lies.
  const from: [number, number] = [113.19, 35.2];
  const to: [number, number] = [113.27, 34.95];
  expect(bundled('townships.geojson').features.some((f) => booleanPointInPolygon(to, f as Feature<Polygon>))).toBe(false);
  const expected = expectedIn([from, [to[0], from[1]], to, [from[0], to[1]]]);
  expect(expected.length).toBeGreaterThan(3);
  await dragOnMap(page, from, to, ['Shift']);
  await waitForIdle(page);
  await page.waitForTimeout(400);
  expect(await selectedKeys(page)).toEqual(expected);
});

test('drawing a filter zone leaves the selection of a shared link alone', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en#map=12.2/35.17/113.22&sel=villages:vl-001,villages:vl-002');
  const before = await selectedKeys(page);
  expect(before.length).toBe(2);
  // The link opens the table on its selection; the planner puts it away to draw on the whole map.
  await page.getByRole('button', { name: 'Hide table' }).click();
  await page.getByRole('tab', { name: 'Filter' }).click();
  await startDrawing(page, 'Draw polygon zone');
  for (const p of QUAD) await clickMapAt(page, p);
  await clickMapAt(page, QUAD[0]!);
  await waitForIdle(page);
  await page.waitForTimeout(500);
  expect(await selectedKeys(page)).toEqual(before);
  expect(page.url()).toContain('sel=');
  expect(page.url()).toContain('zone=');
});

test.describe('a shared link with a selection shows it', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('one feature: the inspector opens on it', async ({ page }) => {
    await openAtlas(page, '?lang=zh#map=12/35.17/113.22&sel=villages:vl-002');
    const inspector = page.getByRole('dialog', { name: /寨卜昌村/ });
    await expect(inspector).toBeVisible();
    await expect(page.getByTestId('selection-count')).toHaveText('已选 1 个要素');
  });

  test('several features: the table opens on their layer with the selected rows in view', async ({ page }) => {
    await openAtlas(page, '?lang=en#map=12/35.17/113.22&sel=villages:vl-055,villages:vl-058');
    const table = page.getByRole('region', { name: 'Attribute table' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('tab', { name: 'Beautiful villages' })).toHaveAttribute('aria-selected', 'true');
    const rows = table.locator('[role=row][aria-selected=true]');
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) await expect(row).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Attribute table' })).toHaveAttribute('aria-expanded', 'true');
    await screenshot(page, 'shared-link-table');
  });
});

test('Shift-click still adds a feature to the selection, and Shift-click again removes it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-qinyuan', ['Shift']);
  await expect.poll(() => selectedKeys(page)).toEqual(['ppp-parcels:pp-jinsha', 'ppp-parcels:pp-qinyuan']);
  await page.waitForTimeout(450);
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha', ['Shift']);
  await expect.poll(() => selectedKeys(page)).toEqual(['ppp-parcels:pp-qinyuan']);
});

for (const [w, h] of [[1400, 900], [1024, 700], [390, 844]] as const) {
  test(`Shift-click adds features far from the last click, from other layers, at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await openAtlas(page, '?lang=en');
    await clickFeature(page, 'villages.geojson', 'vl-010');
    await expect.poll(() => selectedKeys(page)).toEqual(['villages:vl-010']);
    // Wherever the inspector opens on the clicked feature, it is closed so the rest of the district is in reach.
    const closeInspector = async () => {
      const close = page.getByRole('button', { name: 'Close feature details' });
      if (await close.isVisible()) await close.click();
      await waitForIdle(page);
      await page.waitForTimeout(450);
    };
    await closeInspector();
    await clickFeature(page, 'villages.geojson', 'vl-002', ['Shift']);
    await expect.poll(() => selectedKeys(page)).toEqual(['villages:vl-002', 'villages:vl-010']);
    await closeInspector();
    await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha', ['Shift']);
    await expect.poll(() => selectedKeys(page)).toEqual(['ppp-parcels:pp-jinsha', 'villages:vl-002', 'villages:vl-010']);
    // A plain click still replaces the selection.
    await closeInspector();
    await clickFeature(page, 'villages.geojson', 'vl-046');
    await expect.poll(() => selectedKeys(page)).toEqual(['villages:vl-046']);
  });
}
