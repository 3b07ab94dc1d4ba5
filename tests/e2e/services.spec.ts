// Adding a map service the way a planner does: Layers tab → "Add from service", a tile URL template, Add.
// The tiles come from a server on loopback that logs what it is asked for: nothing before the service is
// added, tiles for the map's zoom after; what is drawn is checked in the map's pixels.
import { test } from '@playwright/test';
import { canvasRgb, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { startTileServer, type TileServer } from './service-driver';

const MAGENTA: [number, number, number] = [208, 32, 144];
let tiles: TileServer;
test.beforeAll(async () => {
  tiles = await startTileServer(MAGENTA);
});
test.afterAll(async () => tiles.close());

/** The map's colour at its top-left corner, outside the demonstration zone (where only the basemap shows). */
async function cornerColour(page: Parameters<typeof canvasRgb>[0]): Promise<number[]> {
  return canvasRgb(page, 0, { x: 30, y: 30, w: 1, h: 1 });
}

test('an XYZ tile service becomes a basemap under the district layers; opacity 0 hides it; nothing is fetched before it is added', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  const before = await cornerColour(page);
  expect(tiles.requests).toEqual([]);
  await page.getByText('Add from service').click();
  await page.getByLabel(/^Tile URL template/).fill(`${tiles.origin}/tiles/{z}/{x}/{y}.png`);
  await page.getByLabel('Layer name').fill('Loopback tiles');
  await page.getByRole('textbox', { name: 'Attribution' }).fill('© test tiles');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added Loopback tiles' })).toBeVisible();
  await waitForIdle(page);
  await expect.poll(() => tiles.requests.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const zoom = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { view: { zoom: number } } } }).__atlasStore.getState().view.zoom);
  expect(tiles.requests.every((r) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(r))).toBe(true);
  // 256 px tiles: MapLibre asks for the zoom level one above its own (its tiles are 512 px), rounded.
  expect(tiles.requests.map((r) => Number(r.split('/')[2]))).toContain(Math.round(zoom + 1));
  await expect.poll(() => cornerColour(page), { timeout: 20_000 }).toEqual(MAGENTA);
  expect(before).not.toEqual(MAGENTA);
  // A basemap: the district's layers draw over it (the zone boundary's colour is still on the map).
  const row = page.locator('li.layer-row', { hasText: 'Loopback tiles' });
  await expect(row).toContainText(`Source: ${tiles.origin.replace('http://', '')} · © test tiles`);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('© test tiles');
  await screenshot(page, 'service-xyz');
  await row.getByRole('slider', { name: 'Loopback tiles opacity' }).fill('0');
  await expect.poll(() => cornerColour(page), { timeout: 20_000 }).toEqual(before);
});

test('a GCJ-02 basemap is flagged before it is added; a bad template says what is wrong', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByText('Add from service').click();
  const url = page.getByLabel(/^Tile URL template/);
  await url.fill('https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}');
  await expect(page.getByRole('alert')).toContainText('webrd01.is.autonavi.com are drawn in GCJ-02');
  await url.fill('https://example.org/tiles/{z}/{x}.png');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The address lacks {z}, {x} or {y}');
});

test('a WMTS layer read from its capabilities is drawn from GetTile with the matrix names the service uses', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption('wmts');
  await page.getByLabel(/^WMTS address/).fill(`${tiles.origin}/wmts`);
  await page.getByRole('button', { name: 'Read its layers' }).click();
  const list = page.getByRole('group', { name: 'Layers of 测试瓦片服务 drawable on the Web Mercator map' });
  await list.getByRole('radio', { name: /规划底图/ }).check();
  await list.getByRole('button', { name: 'Add the chosen layer' }).click();
  await waitForIdle(page);
  await expect.poll(() => tiles.requests.filter((r) => /REQUEST=GetTile/.test(r)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const zoom = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { view: { zoom: number } } } }).__atlasStore.getState().view.zoom);
  const asked = tiles.requests.filter((r) => /REQUEST=GetTile/.test(r)).map((r) => new URL(r, 'http://x').searchParams.get('TILEMATRIX'));
  expect(asked).toContain(`EPSG:900913:${Math.round(zoom + 1)}`);
  await expect.poll(() => cornerColour(page), { timeout: 20_000 }).toEqual(MAGENTA);
});


// MapLibre takes a 404 for "no tile here"; a server error is a failure the planner should see.
test('a tile service that fails says so in its layer row, with how many tiles and why', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByText('Add from service').click();
  await page.getByLabel(/^Tile URL template/).fill(`${tiles.origin}/broken/{z}/{x}/{y}.png`);
  await page.getByLabel('Layer name').fill('Missing tiles');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = page.locator('li.layer-row', { hasText: 'Missing tiles' });
  await expect(row.getByRole('status')).toContainText(/^\d+ tiles could not be loaded \(last: HTTP 500\)\.$/, { timeout: 20_000 });
  expect(tiles.requests.some((r) => r.startsWith('/broken/'))).toBe(true);
});
