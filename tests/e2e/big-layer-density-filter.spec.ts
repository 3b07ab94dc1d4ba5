import { test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { bundledFeature, canvasRgb, expect, openWithBigLayer, screenshot, waitForIdle } from './driver';
import { buildFeatureIndex } from '../../src/analysis/feature-index';
import { filterByZone } from '../../src/analysis/zone-filter';

// Written into dist/ by the test command (npm run gen:parcels).
const FILE = 'parcels-200000.geojson';
const PATH = fileURLToPath(new URL(`../../dist/${FILE}`, import.meta.url));

type Cell = { properties: Record<string, unknown> };
const cells = async (page: Page, id: string): Promise<Cell[]> =>
  (await page.evaluate((l) => window.__atlas!.renderedFeatures(l), id)).filter((f: Cell) => typeof f.properties['__density'] === 'number');
const sum = (cs: Cell[], field: string) => cs.reduce((s, c) => s + Number(c.properties[field] ?? 0), 0);

test('zoomed out, a filtered 200 000-parcel layer shades its density cells by the parcels that pass, and hides the rest', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const id = await openWithBigLayer(page, FILE);
  const unfiltered = await cells(page, id);
  expect(unfiltered.length).toBeGreaterThan(20);
  expect(unfiltered.some((c) => '__density_in' in c.properties)).toBe(false);
  const before = await canvasRgb(page, 0, undefined, 4);

  // The filter a planner sets: parcels meeting 阳庙镇 (Yangmiao Town), the others hidden.
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByRole('radio', { name: 'Hide' }).check();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  const fc = JSON.parse(readFileSync(PATH, 'utf8')) as FeatureCollection<Polygon>;
  const passing = filterByZone(buildFeatureIndex(fc.features), bundledFeature('townships.geojson', 'tw-yangmiao').geometry as Polygon, 'intersects').length;
  expect(passing).toBeGreaterThan(1000);
  // The cells now count the passing parcels: all of them, as far as the view holds their tiles' cells.
  await expect.poll(async () => sum(await cells(page, id), '__density_in'), { timeout: 30_000 }).toBeGreaterThan(0.9 * passing);
  const filtered = await cells(page, id);
  expect(sum(filtered, '__density_in')).toBeLessThanOrEqual(passing);
  expect(filtered.filter((c) => c.properties['__density_in'] === 0).length).toBeGreaterThan(10);
  await waitForIdle(page);
  // …and the map shows it: the cells away from 阳庙镇 are gone.
  const after = await canvasRgb(page, 0, undefined, 4);
  let changed = 0;
  for (let i = 0; i < before.length; i += 3) if (Math.abs(before[i]! - after[i]!) + Math.abs(before[i + 1]! - after[i + 1]!) + Math.abs(before[i + 2]! - after[i + 2]!) > 24) changed++;
  expect(changed / (before.length / 3)).toBeGreaterThan(0.05);
  await screenshot(page, 'big-layer-density-filtered');

  // Cleared, the cells count every parcel again.
  await page.getByLabel('Zone layer').selectOption('');
  await expect.poll(async () => (await cells(page, id)).some((c) => '__density_in' in c.properties), { timeout: 30_000 }).toBe(false);
});
