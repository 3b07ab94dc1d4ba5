import { test } from '@playwright/test';
import { expect, openAtlas, screenshot, waitForIdle } from './driver';

// A parcel whose note holds a 2-million-character string (~6 MB as UTF-8) (a blob pasted into a field), next to a short field.
const BIG = 'x'.repeat(1024) + '焦作'.repeat(999_488);
const layer = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '长值地块', note: BIG, DKBH: '0379-01' }, geometry: { type: 'Polygon', coordinates: [[[113.2, 35.15], [113.24, 35.15], [113.24, 35.18], [113.2, 35.18], [113.2, 35.15]]] } }],
};

test('a feature with a 2 MB value opens at once, truncated, with "show more" and "copy all"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAtlas(page, '?lang=en');
  await page.getByTestId('import-input').setInputFiles({ name: 'long.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(layer)) });
  await expect(page.getByRole('dialog', { name: 'Import result' })).toContainText('1 layer added', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Close import result' }).click();
  await page.waitForTimeout(800);
  await waitForIdle(page);
  const xy = await page.evaluate(() => window.__atlas!.project([113.22, 35.165]));
  const map = (await page.getByTestId('map').boundingBox())!;
  const started = Date.now();
  await page.mouse.click(map.x + xy.x, map.y + xy.y);
  const inspector = page.getByRole('dialog', { name: '长值地块' });
  await expect(inspector).toBeVisible();
  // The page answers straight away: a round trip through its event loop is quick.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  expect(Date.now() - started).toBeLessThan(3000);
  const value = inspector.locator('dd').filter({ hasText: '2.0 million characters in all' });
  await expect(value).toBeVisible();
  expect((await value.textContent())!.length).toBeLessThan(2300);
  await expect(inspector).toContainText('0379-01');
  await value.getByRole('button', { name: 'Show 20000 more characters' }).click();
  expect((await value.textContent())!.length).toBeGreaterThan(20000);
  expect((await value.textContent())!.length).toBeLessThan(23000);
  await value.getByRole('button', { name: 'Copy the whole value' }).click();
  await expect(value).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BIG);
  await screenshot(page, 'long-value-inspector');
  await page.getByRole('button', { name: 'Attribute table' }).click();
  const cell = page.getByRole('grid', { name: 'long' }).getByRole('gridcell').filter({ hasText: 'xxxx' });
  await expect(cell).toBeVisible();
  expect((await cell.textContent())!.length).toBeLessThanOrEqual(201);
});
