// A planner adds a tile service and sends the page's address to a colleague. The colleague's atlas (a fresh
// browser profile) names the service and its host and asks before contacting it: no tile is requested
// until they add it, then the map draws it; declining leaves the host untouched. Keys stay with the sender.
import { test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { canvasRgb, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { startTileServer, type TileServer } from './service-driver';

const TEAL: [number, number, number] = [16, 160, 150];
let tiles: TileServer;
test.beforeAll(async () => {
  tiles = await startTileServer(TEAL);
});
test.afterAll(async () => tiles.close());

const corner = (page: Page) => canvasRgb(page, 0, { x: 30, y: 30, w: 1, h: 1 });

/** The sender's link: a basemap typed with a key and an attribution carrying markup. */
async function senderLink(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openAtlas(page, '?lang=en');
  await page.getByText('Add from service').click();
  await page.getByLabel(/^Tile URL template/).fill(`${tiles.origin}/tiles/{z}/{x}/{y}.png?key=SECRET123`);
  await page.getByLabel('Layer name').fill('Bureau basemap');
  await page.getByRole('textbox', { name: 'Attribution' }).fill('<img src=x onerror="window.__pwned=1">© bureau');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added Bureau basemap' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('svc=');
  const link = await page.evaluate(() => window.location.href);
  await context.close();
  return link;
}

test('a shared link names its services and asks before their host is contacted', async ({ browser, page }) => {
  const link = await senderLink(browser);
  const svc = new URL(link).hash.match(/svc=([^&]+)/)![1]!;
  const named = Buffer.from(svc, 'base64url').toString('utf8');
  expect(named).toContain(`${tiles.origin}/tiles/{z}/{x}/{y}.png`);
  expect(named).not.toContain('SECRET123');
  expect(link).not.toMatch(/layers=[^&]*service-/);

  tiles.requests.length = 0;
  await openAtlas(page, `?lang=en${new URL(link).hash}`);
  const ask = page.getByRole('alertdialog', { name: 'Map services named in this link: 1' });
  await expect(ask).toContainText('Bureau basemap');
  await expect(ask).toContainText(tiles.origin);
  await screenshot(page, 'shared-services-ask');
  await page.waitForTimeout(1500);
  expect(tiles.requests).toEqual([]);
  // Until answered, the address keeps naming the service (a reload asks again).
  expect(await page.evaluate(() => window.location.hash)).toContain(`svc=${svc}`);

  await ask.getByRole('button', { name: 'Add these services' }).click();
  await expect(ask).toBeHidden();
  await waitForIdle(page);
  await expect.poll(() => tiles.requests.length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(tiles.requests.every((r) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(r))).toBe(true);
  await expect.poll(() => corner(page), { timeout: 20_000 }).toEqual(TEAL);
  await expect(page.locator('li.layer-row', { hasText: 'Bureau basemap' })).toBeVisible();
  // The attribution is shown as the text it is; its markup never runs.
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('<img src=x onerror="window.__pwned=1">© bureau');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await screenshot(page, 'shared-services-added');
});

test('declining a shared link\'s services contacts nobody and drops them from the address', async ({ browser, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const link = await senderLink(browser);
  tiles.requests.length = 0;
  await openAtlas(page, `?lang=zh${new URL(link).hash}`);
  const ask = page.getByRole('alertdialog', { name: '链接中包含 1 个地图服务' });
  await expect(ask.getByRole('button', { name: '添加这些服务' })).toBeFocused();
  await screenshot(page, 'shared-services-ask-phone');
  const axe = await new AxeBuilder({ page }).include('.shared-services').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await ask.getByRole('button', { name: '不添加' }).click();
  await expect(ask).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('svc=');
  await page.waitForTimeout(1000);
  expect(tiles.requests).toEqual([]);
});

test('a link with a broken or hostile service list says what is wrong and adds nothing', async ({ page }) => {
  const hostile = Buffer.from(JSON.stringify([{ kind: 'raster', title: { zh: 'x', en: 'x' }, service: { template: 'javascript:alert(1)//{z}/{x}/{y}' } }])).toString('base64url');
  await openAtlas(page, `?lang=en#map=11/35.16/113.24&svc=${hostile}`);
  await expect(page.getByRole('status').filter({ hasText: 'Parts of the link could not be read' })).toContainText('service 1: the tile URL is not an http(s) URL');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
