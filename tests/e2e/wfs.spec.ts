// A WFS 2.0, as a planner adds it: Add from service → WFS 2.0, the address, "Read its layers", pick a
// feature type, load it. MapServer 8 on loopback serves the bundled villages as GeoJSON and the townships
// as GML only (read by GDAL); loaded, they equal the bundled layers, and the zone filter keeps the same villages.
import { test, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { booleanIntersects } from '@turf/turf';
import { bundled, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { hasMapServer, startMapServer, type MapServer } from '../support/mapserver';

let ms: MapServer;
test.beforeAll(async () => {
  if (hasMapServer) ms = await startMapServer();
});
test.afterAll(async () => ms?.close());

async function listTypes(page: Page, url: string): Promise<void> {
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption('wfs');
  await page.getByLabel('WFS address (or its GetCapabilities address)').fill(url);
  await page.getByRole('button', { name: 'Read its layers' }).click();
}

async function layerByTitle(page: Page, title: string): Promise<{ id: string; props: Record<string, unknown>[] }> {
  return page.evaluate((t) => {
    const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { title: { en: string }; data: { features: { properties: Record<string, unknown> }[] } }> } } }).__atlasStore.getState();
    const id = s.order.find((o) => s.layers[o]!.title.en === t)!;
    return { id, props: s.layers[id]!.data.features.map((f) => f.properties) };
  }, title);
}

async function loadType(page: Page, name: RegExp, n: number): Promise<void> {
  const list = page.getByRole('group', { name: /2 feature types of 焦作示范区测试服务/ });
  await list.getByRole('radio', { name }).check();
  await list.getByRole('button', { name: 'Load the chosen feature type' }).click();
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 30_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `All ${n} features of` })).toBeVisible();
}

test('MapServer’s WFS: villages as GeoJSON pages and townships as GML equal the bundled layers; the zone filter agrees', async ({ page }) => {
  test.skip(!hasMapServer, 'MapServer (mapserv, Debian mapserver-bin) is not installed: the WFS tests need it');
  test.setTimeout(90_000);
  await openAtlas(page, '?lang=en');
  await listTypes(page, `${ms.origin}/ms`);
  await expect(page.getByText('format: GeoJSON')).toBeVisible();
  await loadType(page, /美丽乡村 Beautiful villages/, 60);
  expect(ms.requests.some((r) => /RESULTTYPE=hits/.test(r))).toBe(true);
  expect(ms.requests.some((r) => /OUTPUTFORMAT=application%2Fjson/.test(r) && /STARTINDEX=0/.test(r))).toBe(true);
  const villages = await layerByTitle(page, '美丽乡村 Beautiful villages');
  const want = bundled('villages.geojson').features;
  expect(villages.props.map((p) => [p['id'], p['name_zh']]).sort()).toEqual(want.map((f) => [f.properties!['id'], f.properties!['name_zh']]).sort());

  await page.getByRole('radio', { name: /乡镇街道 Townships/ }).check();
  await page.getByRole('button', { name: 'Load the chosen feature type' }).click();
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 30_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  const towns = await layerByTitle(page, '乡镇街道 Townships');
  expect(towns.props.map((p) => p['name_zh']).sort()).toEqual(bundled('townships.geojson').features.map((f) => f.properties!['name_zh']).sort());

  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  await waitForIdle(page);
  const bundledCount = await page.getByTestId('count-villages').innerText();
  await expect(page.getByTestId(`count-${villages.id}`)).toHaveText(bundledCount);
  await screenshot(page, 'wfs-villages');
});

test('a WFS answering broken GeoJSON, or an exception, is named with the URL and the problem', async ({ page }) => {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const head = { 'Access-Control-Allow-Origin': '*' };
    const request = (url.searchParams.get('REQUEST') ?? '').toLowerCase();
    if (request === 'getcapabilities') {
      res.writeHead(200, { ...head, 'Content-Type': 'application/xml' });
      return res.end(`<?xml version="1.0"?><wfs:WFS_Capabilities xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" version="2.0.0"><ows:ServiceIdentification><ows:Title>坏服务</ows:Title></ows:ServiceIdentification><ows:OperationsMetadata><ows:Operation name="GetFeature"><ows:DCP><ows:HTTP><ows:Get xlink:href="http://${req.headers.host}/wfs?"/></ows:HTTP></ows:DCP><ows:Parameter name="outputFormat"><ows:AllowedValues><ows:Value>application/json</ows:Value></ows:AllowedValues></ows:Parameter></ows:Operation></ows:OperationsMetadata><wfs:FeatureTypeList><wfs:FeatureType><wfs:Name>broken</wfs:Name><wfs:Title>Broken</wfs:Title></wfs:FeatureType><wfs:FeatureType><wfs:Name>failing</wfs:Name><wfs:Title>Failing</wfs:Title></wfs:FeatureType></wfs:FeatureTypeList></wfs:WFS_Capabilities>`);
    }
    if (url.searchParams.get('RESULTTYPE') === 'hits') {
      res.writeHead(200, { ...head, 'Content-Type': 'application/xml' });
      return res.end('<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" numberMatched="3" numberReturned="0"/>');
    }
    if (url.searchParams.get('TYPENAMES') === 'failing') {
      res.writeHead(400, { ...head, 'Content-Type': 'application/xml' });
      return res.end('<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception><ows:ExceptionText>Feature type failing is not served</ows:ExceptionText></ows:Exception></ows:ExceptionReport>');
    }
    res.writeHead(200, { ...head, 'Content-Type': 'application/json' });
    res.end('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await openAtlas(page, '?lang=en');
    await listTypes(page, `${origin}/wfs`);
    const list = page.getByRole('group', { name: /2 feature types of 坏服务/ });
    await list.getByRole('radio', { name: /Broken/ }).check();
    await list.getByRole('button', { name: 'Load the chosen feature type' }).click();
    await expect(page.getByRole('alert')).toContainText(`Could not read ${origin}/wfs?SERVICE=WFS`);
    await expect(page.getByRole('alert')).toContainText('The answer is not JSON.');
    await list.getByRole('radio', { name: /Failing/ }).check();
    await list.getByRole('button', { name: 'Load the chosen feature type' }).click();
    await expect(page.getByRole('alert')).toContainText('HTTP 400');
    await waitForIdle(page);
  } finally {
    await new Promise((done) => server.close(done));
  }
});

test('a WFS layer is loaded again for the filter zone (the server’s own Intersects filter) and for the view', async ({ page }) => {
  test.skip(!hasMapServer, 'MapServer (mapserv, Debian mapserver-bin) is not installed: the WFS tests need it');
  test.setTimeout(90_000);
  await openAtlas(page, '?lang=en');
  await listTypes(page, `${ms.origin}/ms`);
  await loadType(page, /美丽乡村 Beautiful villages/, 60);
  const row = page.locator('li.layer-row', { hasText: 'WFS “美丽乡村 Beautiful villages”' });
  await expect(row).toContainText('the whole feature type (60 features)');
  const zoneButton = row.getByRole('button', { name: 'Load the features of 美丽乡村 Beautiful villages in the filter zone from the server' });
  await expect(zoneButton).toBeDisabled();

  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  await page.getByRole('tab', { name: 'Layers' }).click();
  const asked = ms.requests.length;
  await zoneButton.click();
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 30_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  const town = bundled('townships.geojson').features.find((f) => f.properties!['name_en'] === 'Yangmiao Town')!;
  const want = bundled('villages.geojson').features.filter((v) => booleanIntersects(v, town)).map((v) => String(v.properties!['id'])).sort();
  await expect(row).toContainText(`the ${want.length} features meeting the filter zone. The filter zone was sent to the server as a spatial filter (Intersects).`);
  const filtered = ms.requests.slice(asked).filter((r) => /REQUEST=GetFeature/.test(r) && /FILTER=/.test(r));
  expect(filtered.length).toBeGreaterThan(0);
  expect(decodeURIComponent(filtered[0]!)).toContain('<fes:Intersects><fes:ValueReference>msGeometry</fes:ValueReference>');
  const zoned = await layerByTitle(page, '美丽乡村 Beautiful villages');
  expect(zoned.props.map((p) => String(p['id'])).sort()).toEqual(want);
  await screenshot(page, 'wfs-zone-reload');

  // Reloaded for the view: what the server returns for the view's box, in the same place of the list.
  const before = ms.requests.length;
  await row.getByRole('button', { name: 'Reload 美丽乡村 Beautiful villages for this view' }).click();
  await expect(report).toContainText('1 layer added', { timeout: 30_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  const boxed = ms.requests.slice(before).find((r) => /REQUEST=GetFeature/.test(r) && /BBOX=/.test(r))!;
  const [s, w, n, e] = new URL(boxed, 'http://x').searchParams.get('BBOX')!.split(',').map(Number) as [number, number, number, number];
  const inView = bundled('villages.geojson').features.filter((v) => {
    const [x, y] = (v.geometry as { coordinates: number[] }).coordinates as [number, number];
    return x >= w && x <= e && y >= s && y <= n;
  });
  await expect(row).toContainText(`the ${inView.length} features around one view`);
  const viewed = await layerByTitle(page, '美丽乡村 Beautiful villages');
  expect(viewed.props.map((p) => String(p['id'])).sort()).toEqual(inView.map((v) => String(v.properties!['id'])).sort());

  // Made editable, the layer is the planner's: no reload from the server can replace their edits.
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByLabel('Layer to edit').selectOption({ label: '美丽乡村 Beautiful villages' });
  await page.getByRole('button', { name: 'Make editable' }).click();
  await page.getByRole('tab', { name: 'Layers' }).click();
  const editedRow = page.locator('li.layer-row').filter({ has: page.getByRole('checkbox', { name: 'Show 美丽乡村 Beautiful villages', exact: true }) });
  await expect(editedRow).toHaveCount(1);
  await expect(editedRow.getByRole('button', { name: /Reload .* for this view/ })).toHaveCount(0);
});
