// A bureau's WMS, as a planner adds it: Layers tab → Add from service → WMS, the server's address, "Read its
// layers", tick one, add it. The server is MapServer 8 (Debian's mapserver-bin) on loopback, serving the
// bundled villages from a mapfile the test writes; what the map draws is checked in its pixels.
import { test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundled, canvasRgb, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { hasMapServer, startMapServer, type MapServer } from '../support/mapserver';

test.describe.configure({ mode: 'serial' });

let ms: MapServer;
test.beforeAll(async () => {
  if (hasMapServer) ms = await startMapServer();
});
test.afterAll(async () => ms?.close());

async function addWms(page: Parameters<typeof openAtlas>[0], url: string): Promise<void> {
  await page.getByText('Add from service').click();
  await page.getByLabel('Kind of service').selectOption('wms');
  await page.getByLabel(/^WMS address/).fill(url);
  await page.getByRole('button', { name: 'Read its layers' }).click();
}

test('a MapServer WMS layer is listed with its Chinese title, drawn as tiles where the villages are, with its legend', async ({ page }) => {
  test.skip(!hasMapServer, 'MapServer (mapserv, Debian mapserver-bin) is not installed: the WMS tests need it');
  await openAtlas(page, '?lang=en#map=13/35.13/113.1415');
  await page.getByLabel('Show Beautiful villages').uncheck();
  await addWms(page, `${ms.origin}/ms`);
  const list = page.getByRole('group', { name: /Layers of 焦作示范区测试服务 \(WMS 1\.3\.0\)/ });
  await expect(list.getByRole('checkbox')).toHaveCount(3);
  await list.getByRole('checkbox', { name: /乡镇街道 Townships/ }).uncheck();
  await list.getByRole('checkbox', { name: /美丽乡村 Beautiful villages/ }).check();
  await list.getByRole('button', { name: 'Add the 1 chosen layers' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 WMS layers added' })).toBeVisible();
  await waitForIdle(page);
  await expect.poll(() => ms.requests.filter((r) => /REQUEST=GetMap/.test(r)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const getMap = ms.requests.find((r) => /REQUEST=GetMap/.test(r))!;
  expect(getMap).toMatch(/LAYERS=villages/);
  expect(getMap).toMatch(/CRS=EPSG%3A3857|CRS=EPSG:3857/);
  // Sujiazuo (vl-001) is drawn by MapServer as a 14 px pure-blue dot at its place on the map.
  const village = bundled('villages.geojson').features.find((f) => f.properties!['id'] === 'vl-001')!;
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), (village.geometry as { coordinates: number[] }).coordinates);
  await expect.poll(async () => canvasRgb(page, 0, { x: xy.x, y: xy.y, w: 1, h: 1 }), { timeout: 20_000 }).toEqual([0, 0, 255]);
  const row = page.locator('li.layer-row', { hasText: '美丽乡村 Beautiful villages' });
  const legend = row.getByRole('img', { name: 'Legend of 美丽乡村 Beautiful villages' });
  await expect(legend).toBeVisible();
  expect(await legend.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await screenshot(page, 'wms-villages');

  // A click on the dot asks the WMS; the atlas's feature there (its township) opens with the answer under it.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  const info = page.locator('#inspector-panel');
  await expect(info).toBeVisible({ timeout: 20_000 });
  await expect(info).toContainText('What the service layers say here', { timeout: 20_000 });
  const answer = info.getByRole('region', { name: '美丽乡村 Beautiful villages' });
  await expect(answer).toContainText('苏家作村');
  await expect(answer).toContainText('Sujiazuo Village');
  expect(ms.requests.some((r) => /REQUEST=GetFeatureInfo/.test(r) && /QUERY_LAYERS=villages/.test(r))).toBe(true);
  await screenshot(page, 'wms-feature-info-under-feature');
});

test('hostile or broken services give a message naming the URL and the problem, never a broken map', async ({ page }) => {
  // A server of bad answers: entities, an endless document, a redirect to another host, silence.
  const hostile: Server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (req.url?.startsWith('/xxe')) res.writeHead(200, { ...cors, 'Content-Type': 'text/xml' }).end('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><WMS_Capabilities>&xxe;</WMS_Capabilities>');
    else if (req.url?.startsWith('/huge')) {
      res.writeHead(200, { ...cors, 'Content-Type': 'text/xml' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => (sent = 200));
      more();
    } else if (req.url?.startsWith('/redirect')) res.writeHead(302, { ...cors, Location: 'http://localhost:9/wms' }).end();
    else if (req.url?.startsWith('/html')) res.writeHead(200, { ...cors, 'Content-Type': 'text/html' }).end('<html><body>Please log in</body></html>');
    else res.writeHead(500, cors).end();
  });
  await new Promise<void>((done) => hostile.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  try {
    await openAtlas(page, '?lang=en');
    await addWms(page, `${origin}/xxe`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Could not read ${origin}/xxe?SERVICE=WMS&REQUEST=GetCapabilities`);
    await expect(alert).toContainText('declares XML entities');
    const field = page.getByLabel(/^WMS address/);
    const read = page.getByRole('button', { name: 'Read its layers' });
    for (const [path, text] of [
      ['/huge', 'over 10 MB'],
      ['/redirect', 'may not contact'],
      ['/html', 'not a WMS capabilities document'],
      ['/error', 'HTTP 500'],
    ] as const) {
      await field.fill(`${origin}${path}`);
      await read.click();
      await expect(alert).toContainText(`Could not read ${origin}${path}`, { timeout: 30_000 });
      await expect(alert).toContainText(text);
    }
    await field.fill('http://127.0.0.1:1/wms');
    await read.click();
    await expect(alert).toContainText('(CORS)');
    await waitForIdle(page);
  } finally {
    await new Promise((done) => hostile.close(done));
  }
});

test('a click where no feature of the atlas lies shows the WMS answer on its own', async ({ page }) => {
  test.skip(!hasMapServer, 'MapServer (mapserv, Debian mapserver-bin) is not installed: the WMS tests need it');
  // Only the service layer: every bundled layer hidden (set-up through the store; the gesture is the click).
  await openAtlas(page, '?lang=en#map=13/35.13/113.1415');
  await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; setVisible: (id: string, v: boolean) => void } } }).__atlasStore.getState();
    for (const id of s.order) s.setVisible(id, false);
  });
  await addWms(page, `${ms.origin}/ms`);
  const list = page.getByRole('group', { name: /Layers of 焦作示范区测试服务/ });
  await list.getByRole('checkbox', { name: /乡镇街道 Townships/ }).uncheck();
  await list.getByRole('checkbox', { name: /美丽乡村 Beautiful villages/ }).check();
  await list.getByRole('button', { name: 'Add the 1 chosen layers' }).click();
  await waitForIdle(page);
  const village = bundled('villages.geojson').features.find((f) => f.properties!['id'] === 'vl-001')!;
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), (village.geometry as { coordinates: number[] }).coordinates);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  const info = page.getByRole('dialog', { name: 'What the service layers say here' });
  await expect(info).toBeVisible({ timeout: 20_000 });
  await expect(info.getByRole('region', { name: '美丽乡村 Beautiful villages' })).toContainText('苏家作村');
  await screenshot(page, 'wms-feature-info');
});

