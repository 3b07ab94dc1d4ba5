// Vector tiles a planner adds (Layers tab → "Add from service"): a PMTiles archive on a web server, the
// same archive as a file on their computer, or a TileJSON service. The archive is written by GDAL from the
// bundled villages; what the map draws from it must be those villages, clickable for their attributes.
import { test, type Page } from '@playwright/test';
import { bundled, canvasRgb, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { startArchiveServer, type ArchiveServer } from './archive-server';
import { bundledPmtiles } from '../support/make-pmtiles';

let archive: Uint8Array<ArrayBuffer>;
let host: ArchiveServer;
test.beforeAll(async () => {
  archive = await bundledPmtiles('villages.geojson', 'villages', 6, 14);
  host = await startArchiveServer(archive, 'villages');
});
test.afterAll(async () => host.close());

const VILLAGES = bundled('villages.geojson').features;
const VIEW = '#map=12.5/35.17/113.24';

async function openForm(page: Page, kind: 'PMTiles (web address or local file)' | 'Vector tiles (TileJSON)'): Promise<void> {
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption({ label: kind });
}

/** The village ids the map draws from a layer's tiles. */
async function drawnVillageIds(page: Page, layerId: string): Promise<string[]> {
  const ids = await page.evaluate((id) => window.__atlas!.renderedFeatures(id).map((f) => String(f.properties['id'])), layerId);
  return [...new Set(ids)].sort();
}

/**
 * The bundled villages of this view, from their coordinates: those well inside the map (12 px from its
 * edges) must be drawn from the tiles, and nothing beyond 40 px off it (MapLibre's query pads the view by its
 * symbols' and circles' reach).
 */
async function villagesInView(page: Page): Promise<{ inside: string[]; near: string[] }> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const at = await page.evaluate((pts) => pts.map((p) => window.__atlas!.project(p as [number, number])), VILLAGES.map((f) => (f.geometry as { coordinates: number[] }).coordinates));
  const within = (m: number) => VILLAGES.filter((_, i) => at[i]!.x > m && at[i]!.x < box.width - m && at[i]!.y > m && at[i]!.y < box.height - m).map((f) => String(f.properties!['id']));
  return { inside: within(12).sort(), near: within(-40).sort() };
}

/** The tiles' layer draws the villages of the view (see villagesInView). */
async function expectVillagesDrawn(page: Page, layerId: string, want: { inside: string[]; near: string[] }): Promise<void> {
  await expect.poll(async () => (await drawnVillageIds(page, layerId)).filter((id) => want.inside.includes(id)), { timeout: 20_000 }).toEqual(want.inside);
  expect((await drawnVillageIds(page, layerId)).filter((id) => !want.near.includes(id))).toEqual([]);
}

async function tileLayerId(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('tiles-'))!);
}

async function hideBundledVillages(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: 'Show Beautiful villages', exact: true }).uncheck();
}

/** Adds the listed layers; the bundled villages hidden, the tiles' layer draws the villages of the view. Returns its id. */
async function addChosenAndExpectDrawn(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Add the chosen layers' }).click();
  await waitForIdle(page);
  const want = await villagesInView(page);
  await hideBundledVillages(page);
  const id = await tileLayerId(page);
  await expectVillagesDrawn(page, id, want);
  return id;
}

test('a PMTiles archive on a web server draws its villages, read by HTTP ranges; a click shows attributes; the colour can be changed', async ({ page }) => {
  await openAtlas(page, `?lang=en${VIEW}`);
  await waitForIdle(page);
  expect(host.requests).toEqual([]);
  await openForm(page, 'PMTiles (web address or local file)');
  await page.getByLabel(/^PMTiles web address/).fill(`${host.origin}/villages.pmtiles`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  const list = page.getByRole('group', { name: /Layers of villages \(zoom 6–14\)/ });
  await expect(list).toContainText('name_zh');
  await page.getByRole('button', { name: 'Add the chosen layers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added villages' })).toBeVisible();
  await waitForIdle(page);
  const want = await villagesInView(page);
  expect(want.inside.length).toBeGreaterThan(10);
  await hideBundledVillages(page);
  await waitForIdle(page);
  const id = await tileLayerId(page);
  await expectVillagesDrawn(page, id, want);
  // Every request for the archive asked for a byte range of it.
  expect(host.requests.every((r) => r === '/villages.pmtiles')).toBe(true);
  await expect(page.locator('li.layer-row', { hasText: 'villages' }).first()).toContainText(`Source: ${host.origin.replace('http://', '')} · villages`);

  // A click on a village: its attributes, read from the tile.
  const village = VILLAGES.find((f) => f.properties!['id'] === want.inside[0])!;
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), (village.geometry as { coordinates: number[] }).coordinates);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  // The click also lands in a township: the service's answer shows under the township's attributes.
  const answer = page.getByRole('region', { name: 'villages', exact: true });
  await expect(answer).toContainText(String(village.properties!['name_zh']));
  await expect(answer).toContainText(String(village.properties!['id']));
  await screenshot(page, 'vector-tiles-pmtiles');

  // Restyled like any layer: the village's centre pixel takes the colour chosen.
  await page.getByLabel('villages colour').fill('#ff0000');
  await waitForIdle(page);
  const now = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), (village.geometry as { coordinates: number[] }).coordinates);
  await expect.poll(async () => canvasRgb(page, 0, { x: now.x, y: now.y, w: 1, h: 1 }), { timeout: 20_000 }).toEqual([255, 0, 0]);
});

test('a local .pmtiles file draws the same villages and comes back after a reload, with nothing sent anywhere', async ({ page }) => {
  await openAtlas(page, `?lang=en${VIEW}`);
  await openForm(page, 'PMTiles (web address or local file)');
  const before = host.requests.length;
  await page.getByLabel(/or choose a \.pmtiles file/).setInputFiles({ name: 'villages.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(archive) });
  await expect(page.getByRole('group', { name: /Layers of villages/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add the chosen layers' }).click();
  await waitForIdle(page);
  const want = await villagesInView(page);
  await hideBundledVillages(page);
  await waitForIdle(page);
  const id = await tileLayerId(page);
  await expectVillagesDrawn(page, id, want);
  await expect(page.locator('li.layer-row', { hasText: 'villages' }).first()).toContainText('Source: villages.pmtiles');
  await page.waitForTimeout(600);
  await page.reload();
  await waitForIdle(page);
  await hideBundledVillages(page);
  await waitForIdle(page);
  await expectVillagesDrawn(page, id, want);
  expect(host.requests.length).toBe(before);
});

test('a TileJSON service: its layers listed, tiles drawn from its tile URLs, its attribution shown as text', async ({ page }) => {
  await openAtlas(page, `?lang=en${VIEW}`);
  await openForm(page, 'Vector tiles (TileJSON)');
  await page.getByLabel('TileJSON address').fill(`${host.origin}/plan.json`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  await expect(page.getByRole('group', { name: /Layers of 美丽乡村瓦片/ })).toContainText('villages');
  const id = await addChosenAndExpectDrawn(page);
  expect(host.requests.some((r) => /^\/vt\/\d+\/\d+\/\d+\.pbf$/.test(r))).toBe(true);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('© 示范区 test');
  expect(await page.locator('.maplibregl-ctrl-attrib b').count()).toBe(0);
});

test('a bare {z}/{x}/{y}.pbf template: layers and fields read from tiles around the view, then drawn', async ({ page }) => {
  await openAtlas(page, `?lang=en${VIEW}`);
  await openForm(page, 'Vector tiles (TileJSON)');
  await page.getByLabel(/^TileJSON address/).fill(`${host.origin}/vt/{z}/{x}/{y}.pbf`);
  const before = host.requests.length;
  await expect(page.getByLabel(/^Highest zoom the tiles are cut to/)).toHaveValue('14');
  await page.getByRole('button', { name: 'Read its layers' }).click();
  const list = page.getByRole('group', { name: `Layers of ${host.origin.replace('http://', '')} (zoom 0–14)` });
  await expect(list).toContainText('Layers and fields read from tiles around the current view.');
  await expect(list).toContainText('name_zh');
  // Only tiles around the view were asked for, the view's zoom first.
  const zoom = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { view: { zoom: number } } } }).__atlasStore.getState().view.zoom);
  const asked = host.requests.slice(before).filter((r) => r.startsWith('/vt/'));
  expect(asked[0]).toMatch(new RegExp(`^/vt/${Math.round(zoom)}/\\d+/\\d+\\.pbf$`));
  const id = await addChosenAndExpectDrawn(page);
  // Labelled by any field the service lists, like a layer of the atlas's own.
  const title = host.origin.replace('http://', '');
  await page.getByRole('combobox', { name: `Label field of ${title}` }).selectOption('id');
  await waitForIdle(page);
  await expect.poll(async () => (await page.evaluate((l) => window.__atlas!.labels(l), id)).placed.length).toBeGreaterThan(5);
  expect((await page.evaluate((l) => window.__atlas!.labels(l), id)).textField).toEqual(['to-string', ['coalesce', ['get', 'id'], '']]);
  await screenshot(page, 'vector-tiles-template');
  // A template whose tiles are not vector tiles, or that has no data here, says so.
  await page.getByLabel(/^TileJSON address/).fill(`${host.origin}/plan.json?z={z}&x={x}&y={y}`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  await expect(page.getByRole('alert')).toContainText('The tile is not a vector tile');
  await page.getByLabel(/^TileJSON address/).fill(`${host.origin}/vt/{z}/{x}/{y}.pbf?empty`);
  await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (c: object) => void } } }).__atlasStore.getState().requestCamera({ center: [0, -60], zoom: 8, instant: true }));
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  await expect(page.getByRole('alert')).toContainText('No tile around the current view holds data');
});

test('an archive server without Range support and a file that is not an archive are named with what is wrong', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await openForm(page, 'PMTiles (web address or local file)');
  await page.getByLabel(/^PMTiles web address/).fill(`${host.origin}/norange.pmtiles`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  await expect(page.getByRole('alert')).toContainText(`Could not read ${host.origin}/norange.pmtiles`);
  await expect(page.getByRole('alert')).toContainText('does not answer byte-range requests');
  await page.getByLabel(/or choose a \.pmtiles file/).setInputFiles({ name: 'plan.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('<html>not an archive</html>'.padEnd(20000, ' ')) });
  await expect(page.getByRole('alert')).toContainText('Could not read plan.pmtiles');
  await expect(page.getByRole('alert')).toContainText('not a PMTiles (version 3) archive');
});
