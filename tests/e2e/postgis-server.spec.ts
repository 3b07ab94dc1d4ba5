// The atlas served by its own server (`npm run serve`) in front of PostGIS: the planner adds the database's
// layers through the Layers tab like any service — as vector tiles cut by ST_AsMVT (TileJSON) and as an
// OGC API collection — and they equal the bundled data, the zone filter included.
import { test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanIntersects, pointOnFeature } from '@turf/turf';
import { geodesicArea } from '../../src/analysis/geodesic-area';
import { bundled, bundledFeature, expect, screenshot, waitForIdle } from './driver';
import { skipReason, startFixture, type Fixture } from '../unit/server/postgis-server';

let fx: Fixture | undefined;
test.beforeAll(async () => {
  // The test build the other browser tests use, served by the atlas's own server.
  if (!skipReason) fx = await startFixture({ dist: fileURLToPath(new URL('../../dist', import.meta.url)) });
});
test.afterAll(async () => fx?.stop());

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${fx!.url}/${query}`);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 20_000 });
  await waitForIdle(page);
}

const VILLAGES = bundled('villages.geojson').features;

test('a PostGIS table added as OGC API – Features equals the bundled layer, zone filter included', async ({ page }) => {
  test.skip(!!skipReason, skipReason ?? '');
  await open(page, '?lang=en');
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption('ogc');
  await page.getByLabel('OGC API – Features address').fill(fx!.url);
  await page.getByRole('button', { name: 'List its collections' }).click();
  const list = page.getByRole('group', { name: /feature collections/ });
  await list.getByRole('radio', { name: /villages/ }).check();
  await list.getByRole('button', { name: 'Load the chosen collection' }).click();
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 30_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  const layer = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { origin: string; data: { features: { properties: Record<string, unknown> }[] } }> } } }).__atlasStore.getState();
    const id = s.order.find((o) => s.layers[o]!.origin === 'user')!;
    return { id, rows: s.layers[id]!.data.features.map((f) => [String(f.properties['id']), String(f.properties['name_zh'])]) };
  });
  expect(layer.rows.sort()).toEqual(VILLAGES.map((f) => [String(f.properties!['id']), String(f.properties!['name_zh'])]).sort());
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  await waitForIdle(page);
  await expect(page.getByTestId(`count-${layer.id}`)).toHaveText(await page.getByTestId('count-villages').innerText());
});

test('a PostGIS table added as vector tiles (TileJSON) draws the villages from tiles the database cuts', async ({ page }) => {
  test.skip(!!skipReason, skipReason ?? '');
  await open(page, '?lang=en#map=12.5/35.17/113.24');
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption({ label: 'Vector tiles (TileJSON)' });
  await page.getByLabel(/^TileJSON address/).fill(`${fx!.url}/tiles/villages.json`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  await expect(page.getByRole('group', { name: /Layers of villages/ })).toContainText('name_zh');
  await page.getByRole('button', { name: 'Add the chosen layers' }).click();
  await page.getByRole('checkbox', { name: 'Show Beautiful villages', exact: true }).uncheck();
  await waitForIdle(page);
  const id = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('tiles-'))!);
  const box = (await page.getByTestId('map').boundingBox())!;
  const at = await page.evaluate((pts) => pts.map((p) => window.__atlas!.project(p as [number, number])), VILLAGES.map((f) => (f.geometry as { coordinates: number[] }).coordinates));
  const inside = VILLAGES.filter((_, i) => at[i]!.x > 12 && at[i]!.x < box.width - 12 && at[i]!.y > 12 && at[i]!.y < box.height - 12).map((f) => String(f.properties!['id'])).sort();
  expect(inside.length).toBeGreaterThan(10);
  const drawn = async () => [...new Set(await page.evaluate((l) => window.__atlas!.renderedFeatures(l).map((f) => String(f.properties['id'])), id))].sort();
  await expect.poll(async () => (await drawn()).filter((v) => inside.includes(v)), { timeout: 20_000 }).toEqual(inside);
  await screenshot(page, 'postgis-server-tiles');
  const row = page.locator('li.layer-row', { hasText: 'villages' }).first();
  await expect(row).toContainText("Lives in the server's PostGIS database (about 60 features)");

  // The zone filter is answered by the database: the same villages as the bundled layer's, drawn and counted.
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  const inYangmiao = VILLAGES.filter((f) => booleanIntersects(f, bundledFeature('townships.geojson', 'tw-yangmiao'))).map((f) => String(f.properties!['id']));
  expect(inYangmiao.length).toBeGreaterThan(3);
  await expect(page.getByTestId(`count-${id}`)).toHaveText(`${inYangmiao.length} / 60`);
  await waitForIdle(page);
  await expect.poll(async () => (await drawn()).filter((v) => inside.includes(v)), { timeout: 20_000 }).toEqual(inYangmiao.filter((v) => inside.includes(v)).sort());
  expect((await drawn()).filter((v) => !inYangmiao.includes(v))).toEqual([]);
  await screenshot(page, 'postgis-server-zone');

  // Zone statistics count the database layer by its server: per township, the bundled villages' count.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const table = page.getByRole('table', { name: 'Zone statistics' });
  const headers = await table.locator('thead th').allInnerTexts();
  const col = headers.findIndex((h) => h.trim() === 'villages');
  const bundledCol = headers.findIndex((h) => h.trim() === 'Beautiful villages');
  expect([col > 0, bundledCol > 0]).toEqual([true, true]);
  for (const t of bundled('townships.geojson').features) {
    const cells = table.locator(`tr[data-zone-id="townships:${t.properties!['id']}"] > *`);
    const want = VILLAGES.filter((f) => booleanIntersects(f, t)).length;
    await expect(cells.nth(col)).toHaveText(String(want));
    await expect(cells.nth(bundledCol)).toHaveText(String(want));
  }

  // The attribute table asks the server for the rows the filter passes, sorted and paged there.
  await page.getByRole('button', { name: 'Attribute table', exact: true }).click();
  await page.getByRole('region', { name: 'Attribute table' }).getByRole('tab', { name: 'villages', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'villages', exact: true });
  await expect(grid).toContainText(`${inYangmiao.length} features in the database pass`);
  const rowIds = () => grid.locator('[role=row][data-feature-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-feature-id')));
  await expect.poll(rowIds, { timeout: 15_000 }).toEqual([...inYangmiao].sort());
  const header = grid.getByRole('columnheader').nth(0);
  await header.getByRole('button').click();
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const firstField = (await grid.getByRole('columnheader').nth(0).innerText()).trim();
  expect(firstField.length).toBeGreaterThan(0);
  await expect.poll(async () => (await rowIds()).length, { timeout: 15_000 }).toBe(inYangmiao.length);
  await screenshot(page, 'postgis-server-table');

  // Exported as the filter result, its features come from the server, narrowed there by the same filter.
  const exportAs = async (item: string) => {
    await page.locator('button[aria-haspopup="menu"]', { hasText: 'Export' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    return page.getByRole('dialog', { name: 'Export features' });
  };
  const villagesIn = async (dialog: Locator) => {
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { features: { id: string; properties: Record<string, unknown> }[] };
    return fc.features.filter((f) => String(f.id).startsWith('vl-'));
  };
  const got = await villagesIn(await exportAs('Export filter result…'));
  expect(got.map((f) => f.id).sort()).toEqual([...inYangmiao].sort());
  const one = VILLAGES.find((f) => f.id === got[0]!.id)!;
  expect(got[0]!.properties['name_zh']).toBe(one.properties!['name_zh']);
  // The whole layer, chosen by name, and a scope the server cannot answer names it instead.
  const layerDialog = await exportAs('Export whole layer…');
  await layerDialog.getByLabel('Layer').selectOption({ label: 'villages' });
  await expect(layerDialog).toContainText('60 features will be exported');
  expect((await villagesIn(layerDialog)).map((f) => f.id).sort()).toEqual(VILLAGES.map((f) => String(f.id)).sort());
  await expect(await exportAs('Export features in zone…')).toContainText('The features of database layers (villages) are not in the page');
});

test('a click on a database polygon shows its ellipsoidal area, measured on the whole feature the server holds', async ({ page }) => {
  test.skip(!!skipReason, skipReason ?? '');
  await open(page, '?lang=en#map=12/35.17/113.24');
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption({ label: 'Vector tiles (TileJSON)' });
  await page.getByLabel(/^TileJSON address/).fill(`${fx!.url}/tiles/townships.json`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  await page.getByRole('button', { name: 'Add the chosen layers' }).click();
  await waitForIdle(page);
  const township = bundledFeature('townships.geojson', 'tw-yangmiao');
  const at = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), pointOnFeature(township).geometry.coordinates);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
  const answer = page.getByRole('region', { name: 'townships', exact: true });
  const m2 = geodesicArea(township.geometry);
  await expect(answer).toContainText(`area_m2${m2.toFixed(2)}`);
  await expect(answer).toContainText(`area_mu${(m2 / (10_000 / 15)).toFixed(2)}`);
  await screenshot(page, 'postgis-server-area');
});
