import { test } from '@playwright/test';
import { bundled, clickFeature, expect, openAtlas, PageWatch, renderedIds, screenshot, waitForIdle } from './driver';

const DRAWN_BY_DEFAULT = ['zone', 'townships', 'functional-areas', 'central-urban-area', 'featured-towns', 'rivers', 'roads', 'ppp-parcels', 'pollution-works', 'villages', 'key-projects'];

test('every default layer is drawn, offline, without console errors', async ({ page }) => {
  const watch = new PageWatch(page);
  await openAtlas(page, '?lang=zh');
  for (const layer of DRAWN_BY_DEFAULT) {
    expect((await renderedIds(page, layer)).length, `${layer} drawn`).toBeGreaterThan(0);
  }
  const townships = bundled('townships.geojson').features.map((f) => String(f.properties?.id)).sort();
  expect(await renderedIds(page, 'townships')).toEqual(townships);
  await screenshot(page, 'atlas-zh');
  expect(watch.external(), 'requests leaving localhost').toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('the production build runs under a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('/?lang=en');
  const header = response!.headers()['content-security-policy'] ?? '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta ?? '']) {
    const script = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(script).not.toContain('unsafe-inline');
    expect(policy).toMatch(/connect-src 'self' blob:/);
  }
  const watch = new PageWatch(page);
  await openAtlas(page, '?lang=en');
  expect((await renderedIds(page, 'key-projects')).length).toBeGreaterThan(0);
  expect(watch.errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
});

test('toggling a layer removes it from what is drawn and brings it back', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  expect((await renderedIds(page, 'villages')).length).toBeGreaterThan(0);
  const toggle = page.getByRole('checkbox', { name: 'Show Beautiful villages' });
  await toggle.uncheck();
  await waitForIdle(page);
  await expect.poll(() => renderedIds(page, 'villages')).toEqual([]);
  await toggle.check();
  await waitForIdle(page);
  await expect.poll(async () => (await renderedIds(page, 'villages')).length).toBeGreaterThan(0);
});

test('clicking the Jinsha PPP parcel shows its milestones in the inspector', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  const jinsha = bundled('ppp-parcels.geojson').features.find((f) => String(f.properties?.name_zh).includes('金沙'));
  expect(jinsha).toBeDefined();
  await clickFeature(page, 'ppp-parcels.geojson', String(jinsha!.properties!.id));
  const inspector = page.getByRole('dialog', { name: String(jinsha!.properties!.name_zh) });
  await expect(inspector).toBeVisible();
  const table = inspector.getByRole('table', { name: '进度节点' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table).toContainText('2017年7月10日');
  await expect(table).toContainText('2017年8月31日');
  await expect(inspector).toContainText('示意数据');
  await screenshot(page, 'inspector-jinsha-zh');
});

test('?lang=en shows the interface and labels in English', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jiaozuo Planning Atlas');
  await expect(page.getByRole('region', { name: 'Layers' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Schematic data');
  const labels = await page.evaluate(() => window.__atlas!.renderedFeatures('townships').map((f) => f.properties['name_en']));
  expect(labels.length).toBeGreaterThan(0);
  await screenshot(page, 'atlas-en');
});

test('a data file that fails to load is named with its problem while the other layers still draw', async ({ page }) => {
  await page.route(/villages-[^/]*\.geojson$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"type": "FeatureCollection", "features": [' }));
  await openAtlas(page, '?lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('geodata/villages.geojson');
  await expect(alert).toContainText('invalid JSON');
  expect((await renderedIds(page, 'key-projects')).length).toBeGreaterThan(0);
});

test('a map that cannot be loaded is said so inside the map area, and the rest of the app still works', async ({ page }) => {
  await page.route(/assets\/atlas-map-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/?lang=en');
  const map = page.getByRole('region', { name: 'Map' });
  await expect(map.getByRole('alert')).toHaveText('The map could not be loaded. Reload the page to try again.');
  await page.getByRole('tab', { name: 'Filter' }).click();
  await expect(page.getByRole('tab', { name: 'Filter' })).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'map-failed');
});
