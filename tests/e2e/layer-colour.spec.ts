import { test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { bundled, canvasRgb, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { categorizedStyle, MAX_CLASSES } from '../../src/domain/categorical-style';
import { valueCounts } from '../../src/domain/value-counts';

// Written into dist/ by the test command (npm run gen:parcels).
const PATH = fileURLToPath(new URL('../../dist/parcels-25000.geojson', import.meta.url));

/** Hue bins (of 12) that hold more than 1 % of the map's clearly coloured pixels. */
async function hues(page: Page): Promise<number> {
  const rgb = await canvasRgb(page, 0, undefined, 3);
  const bins = new Array<number>(12).fill(0);
  let n = 0;
  for (let i = 0; i < rgb.length; i += 3) {
    const [r, g, b] = [rgb[i]! / 255, rgb[i + 1]! / 255, rgb[i + 2]! / 255];
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max - min < 0.12) continue; // greys: basemap, labels
    const h = max === r ? ((g - b) / (max - min) + 6) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
    bins[Math.floor(h * 2) % 12]!++;
    n++;
  }
  return bins.filter((c) => c > 0.01 * n).length;
}

test('a 25 000-parcel layer is coloured by any field its worker counts, with a legend of the values, and back to one colour', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  const text = readFileSync(PATH, 'utf8');
  const fc = JSON.parse(text) as FeatureCollection<Polygon>;
  await page.getByTestId('import-input').setInputFiles({ name: '地块.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('已添加 1 个图层', { timeout: 90_000 });
  await report.getByRole('button', { name: '关闭导入结果' }).click();

  // Set-up: the view on the first parcel, close enough to draw parcels one by one.
  const target = fc.features[0]!.geometry.coordinates[0]![0]! as [number, number];
  await page.evaluate((ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 15, instant: true }), target);
  await waitForIdle(page);
  const before = await hues(page);

  const colouring = page.getByRole('combobox', { name: '地块 的着色方式', exact: true });
  await expect(colouring).toHaveValue('');
  await colouring.selectOption({ label: 'category' });
  const legend = page.getByRole('list', { name: '地块 图例', exact: true });
  // The reference: the same counts in Node, over the same file.
  const expected = categorizedStyle({ color: '#000000' }, 'category', valueCounts(fc.features, 'category', MAX_CLASSES)).categorical!.classes;
  expect(expected).toHaveLength(5);
  await expect(legend.getByRole('listitem')).toHaveText([...expected.map((c) => c.label.zh), /密度格网/]);
  await waitForIdle(page);
  const after = await hues(page);
  expect(after).toBeGreaterThanOrEqual(before + 2);
  await screenshot(page, 'layer-colour-big');

  // A field with many values: twelve colours, the rest counted in the legend.
  await colouring.selectOption({ label: 'id' });
  await expect(legend).toContainText(`其他 ${(fc.features.length - MAX_CLASSES).toLocaleString('zh-CN')} 个值`, { timeout: 30_000 });

  await colouring.selectOption({ label: '单一颜色' });
  await expect(legend.getByRole('listitem')).toHaveText(['地块', /密度格网/]);
});

test('a bundled layer is coloured by another field and gets its own classes back', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=en');
  const colouring = page.getByRole('combobox', { name: 'Colouring of Key projects' });
  await expect(colouring.locator('option:checked')).toHaveText('Default classes (category)');
  await colouring.selectOption({ label: 'township_id' });
  const legend = page.getByRole('list', { name: 'Key projects legend' });
  const townships = valueCounts(bundled('key-projects.geojson').features, 'township_id', MAX_CLASSES);
  await expect(legend.getByRole('listitem')).toHaveCount(Math.min(MAX_CLASSES, townships.distinct) + (townships.distinct > MAX_CLASSES ? 1 : 0));
  const controls = page.getByRole('combobox', { name: 'Colouring of Control lines (三区三线)' });
  await controls.selectOption({ label: 'One colour' });
  const controlLegend = page.getByRole('list', { name: 'Control lines (三区三线) legend' });
  await expect(controlLegend.getByRole('listitem')).toHaveCount(1);
  await controls.selectOption({ label: 'Default classes (kind)' });
  await expect(controlLegend).toContainText('Ecological');
});
