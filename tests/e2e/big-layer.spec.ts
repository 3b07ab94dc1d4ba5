import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bbox, booleanIntersects } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { bundled, bundledFeature, canvasRgb, clickMapAt, expect, openAtlas, openWithBigLayer, screenshot, waitForIdle } from './driver';
import { formatArea } from '../../src/domain/format';
import { buildFeatureIndex } from '../../src/analysis/feature-index';
import { nearestFeatures } from '../../src/analysis/nearest';

// Written into dist/ by the test command (npm run gen:parcels) so the preview server serves them same-origin.
const BIG = 'parcels-200000.geojson';
const BIG_PATH = fileURLToPath(new URL(`../../dist/${BIG}`, import.meta.url));
const FILE = 'parcels-25000.geojson';
const PATH = fileURLToPath(new URL(`../../dist/${FILE}`, import.meta.url));

test('a 200 000-parcel layer stays in the worker, filters and sorts there, and the page keeps reacting while it loads', async ({ page }) => {
  test.setTimeout(180_000);
  await openAtlas(page, `?lang=en&data=${BIG}`);
  // While the worker reads, parses and indexes, the UI answers: switching tabs works at once.
  await page.getByRole('tab', { name: 'Filter' }).click();
  await expect(page.getByRole('region', { name: 'Filter', exact: true })).toBeVisible({ timeout: 2000 });
  await expect(page.getByRole('dialog', { name: 'Import result' })).toContainText('1 layer added', { timeout: 90_000 });
  const layer = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { remote?: { count: number }; data: { features: unknown[] } }> } } }).__atlasStore.getState();
    const id = s.order.find((x) => x.startsWith('user-'))!;
    return { id, remote: s.layers[id]!.remote?.count ?? null, onPage: s.layers[id]!.data.features.length };
  });
  expect(layer.remote).toBe(200_000);
  expect(layer.onPage).toBe(0);

  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  const zone = bundledFeature('townships.geojson', 'tw-yangmiao');
  // The reference: turf's exact test on every parcel whose bounding box meets the zone's.
  const fc = JSON.parse(readFileSync(BIG_PATH, 'utf8')) as FeatureCollection;
  const [zx0, zy0, zx1, zy1] = bbox(zone);
  const inZone = fc.features.filter((f) => {
    const [x0, y0, x1, y1] = bbox(f);
    return x0 <= zx1 && x1 >= zx0 && y0 <= zy1 && y1 >= zy0 && booleanIntersects(f, zone);
  });
  await expect(page.getByTestId(`count-${layer.id}`)).toHaveText(`${inZone.length.toLocaleString('en-US')} / 200,000`, { timeout: 60_000 });
  await waitForIdle(page);

  // The table of the filtered parcels sorts in the worker: by investment, then the other way round.
  const byInvestment = (dir: 1 | -1) =>
    inZone
      .map((f, k) => ({ id: String(f.properties!['id']), v: Number(f.properties!['investment_cny']), k }))
      .sort((a, b) => dir * (a.v - b.v) || a.k - b.k)
      .slice(0, 3)
      .map((x) => x.id);
  await page.getByRole('button', { name: 'Attribute table' }).click();
  const table = page.getByRole('grid', { name: 'parcels-200000' });
  const header = table.getByRole('columnheader').filter({ hasText: 'Total investment' });
  const firstIds = () => table.locator('[role=row][data-feature-id]').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.firstElementChild?.textContent ?? ''));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(firstIds, { timeout: 15_000 }).toEqual(byInvestment(1));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(firstIds, { timeout: 15_000 }).toEqual(byInvestment(-1));
  await screenshot(page, 'big-layer-sorted');
});

test('a big layer imported from a file comes back after a reload, with its id, and is gone once removed', async ({ page }) => {
  test.setTimeout(120_000);
  await openAtlas(page, '?lang=en');
  await page.getByTestId('import-input').setInputFiles({ name: FILE, mimeType: 'application/geo+json', buffer: readFileSync(PATH) });
  await expect(page.getByRole('dialog', { name: 'Import result' })).toContainText('1 layer added', { timeout: 90_000 });
  const bigLayers = () =>
    page.evaluate(() => {
      const s = (window as unknown as { __atlasStore?: { getState: () => { order: string[]; layers: Record<string, { remote?: { count: number } }> } } }).__atlasStore?.getState();
      if (!s) return null;
      return s.order.filter((id) => s.layers[id]!.remote).map((id) => ({ id, count: s.layers[id]!.remote!.count }));
    });
  const before = (await bigLayers()) ?? [];
  expect(before).toHaveLength(1);
  expect(before[0]!.count).toBe(25_000);
  // Zone statistics count the big layer in its worker: per township, the parcels turf says meet it.
  await page.getByRole('dialog', { name: 'Import result' }).getByRole('button', { name: /Close/ }).click();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const stats = page.getByRole('table', { name: /Zone statistics/ });
  await expect(stats.getByRole('columnheader', { name: 'parcels-25000' })).toBeVisible();
  const column = (await stats.locator('thead th').allTextContents()).indexOf('parcels-25000');
  const parcels = (JSON.parse(readFileSync(PATH, 'utf8')) as FeatureCollection).features;
  for (const tw of ['tw-yangmiao', 'tw-wenyuan']) {
    const zone = bundledFeature('townships.geojson', tw);
    const [zx0, zy0, zx1, zy1] = bbox(zone);
    const n = parcels.filter((f) => {
      const [x0, y0, x1, y1] = bbox(f);
      return x0 <= zx1 && x1 >= zx0 && y0 <= zy1 && y1 >= zy0 && booleanIntersects(f, zone);
    }).length;
    const cell = stats.locator(`tr[data-zone-id="townships:${tw}"]`).locator('th, td').nth(column);
    await expect(cell).toHaveText(n.toLocaleString('en-US'), { timeout: 30_000 });
  }
  // Proximity asks the worker too: the 5 parcels nearest to a picked point, as the same code finds them in Node.
  await page.getByRole('button', { name: 'Pick a point on the map' }).click();
  const from = (parcels[4321]!.geometry as Polygon).coordinates[0]![0]! as [number, number];
  await clickMapAt(page, from);
  await page.getByLabel('Layer to search').selectOption({ label: 'parcels-25000' });
  const index = buildFeatureIndex(parcels);
  const picked = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { proximity: { origin: { lngLat: [number, number] } } } } }).__atlasStore.getState().proximity.origin.lngLat);
  const nearest = nearestFeatures(index, picked, 5).map((r) => String(parcels[r.index]!.properties!['name_en']));
  const list = page.getByRole('list', { name: 'Results (5)' });
  await expect(list.getByRole('button')).toHaveText(nearest, { timeout: 30_000 });
  await screenshot(page, 'big-layer-proximity');
  await screenshot(page, 'big-layer-analysis-tab');

  // Search finds a parcel of the big layer by name (its worker answers); choosing it selects it and flies there.
  const counts = new Map<string, number>();
  for (const f of parcels) counts.set(String(f.properties!['name_zh']), (counts.get(String(f.properties!['name_zh'])) ?? 0) + 1);
  const target = parcels.findIndex((f, i) => i > 1000 && counts.get(String(f.properties!['name_zh'])) === 1);
  const name = String(parcels[target]!.properties!['name_zh']);
  const search = page.getByRole('combobox', { name: /Search/ });
  await search.fill(name);
  const option = page.getByRole('option', { name: new RegExp(name) });
  await expect(option).toBeVisible({ timeout: 30_000 });
  await option.click();
  await expect(page.getByTestId('selection-count')).toHaveText('1 feature selected');
  const layerId = before[0]!.id;
  const chosen = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { selection: { layerId: string; featureId: string }[] } } }).__atlasStore.getState().selection);
  expect(chosen).toEqual([{ layerId, featureId: String(target) }]);
  await waitForIdle(page);
  await expect.poll(async () => (await page.evaluate((l) => window.__atlas!.renderedFeatures(l).map((f) => f.id), layerId)).includes(String(target)), { timeout: 30_000 }).toBe(true);

  await page.waitForTimeout(300); // the list reaches IndexedDB asynchronously
  await page.reload();
  await expect.poll(bigLayers, { timeout: 60_000 }).toEqual(before);
  await expect(page.getByRole('button', { name: 'Remove parcels-25000' })).toBeVisible();
  // …and the map draws it again from the worker's tiles (big layers are drawn from zoom 13 on).
  const first = (JSON.parse(readFileSync(PATH, 'utf8')) as FeatureCollection).features[0]!;
  const centre = (first.geometry as Polygon).coordinates[0]![0]!;
  await page.evaluate(
    (ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 15, instant: true }),
    centre,
  );
  await expect.poll(async () => (await page.evaluate((id) => window.__atlas!.renderedFeatures(id).map((f) => f.id), before[0]!.id)).includes('0'), { timeout: 30_000 }).toBe(true);

  await page.getByRole('button', { name: 'Remove parcels-25000' }).click();
  await expect.poll(bigLayers).toEqual([]);
  await page.waitForTimeout(300);
  await page.reload();
  await openAtlas(page, '?lang=en');
  await page.waitForTimeout(3000);
  expect(await bigLayers()).toEqual([]);
});

/** Every 4th pixel of the map canvas, as MapLibre drew it (RGB). */
const canvasSamples = (page: import('@playwright/test').Page, canvasIndex = 0) => canvasRgb(page, canvasIndex, undefined, 4);

test('a 200 000-parcel layer is drawn at the district view (density where too dense), parcel by parcel and named when zoomed in', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const id = await openWithBigLayer(page, BIG);
  const zoom = () => page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { view: { zoom: number } } } }).__atlasStore.getState().view.zoom);
  expect(await zoom()).toBeLessThan(13);

  // At the district view the layer is drawn: as density cells where tiles hold too many parcels to read.
  const rendered = await page.evaluate((l) => window.__atlas!.renderedFeatures(l), id);
  const cells = rendered.filter((f) => typeof f.properties['__density'] === 'number');
  expect(cells.length).toBeGreaterThan(20);
  const counted = cells.reduce((s, f) => s + Number(f.properties['__density']), 0);
  expect(counted).toBeGreaterThan(150_000);
  expect(counted).toBeLessThanOrEqual(200_000);
  await expect(page.getByRole('list', { name: 'parcels-200000 legend' })).toContainText('Density grid');
  await screenshot(page, 'big-layer-district');
  // And it shows: switching the layer off changes a good part of the map's pixels.
  const on = await canvasSamples(page);
  await page.getByRole('checkbox', { name: 'Show parcels-200000' }).uncheck();
  await waitForIdle(page);
  const off = await canvasSamples(page);
  let changed = 0;
  for (let i = 0; i < on.length; i += 3) if (Math.abs(on[i]! - off[i]!) + Math.abs(on[i + 1]! - off[i + 1]!) + Math.abs(on[i + 2]! - off[i + 2]!) > 24) changed++;
  expect(changed / (on.length / 3)).toBeGreaterThan(0.1);
  await page.getByRole('checkbox', { name: 'Show parcels-200000' }).check();
  await waitForIdle(page);

  // The swipe map shows the big layer too: right of the divider, its own map draws the parcels' tiles.
  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByLabel('Right').selectOption({ label: 'parcels-200000' });
  await page.getByRole('button', { name: 'Start swipe comparison' }).click();
  await page.waitForTimeout(1500);
  await waitForIdle(page);
  const right = await canvasSamples(page, 1);
  const bg = right.slice(0, 3);
  let drawn = 0;
  for (let i = 0; i < right.length; i += 3) if (Math.abs(right[i]! - bg[0]!) + Math.abs(right[i + 1]! - bg[1]!) + Math.abs(right[i + 2]! - bg[2]!) > 24) drawn++;
  expect(drawn / (right.length / 3)).toBeGreaterThan(0.1);
  await screenshot(page, 'big-layer-swipe');
  await page.getByRole('button', { name: /swipe comparison/i }).click();
  await page.getByRole('tab', { name: 'Layers' }).click();

  // Zoomed in with the mouse wheel over a parcel: the parcels themselves, then their names.
  const fc = JSON.parse(readFileSync(BIG_PATH, 'utf8')) as FeatureCollection<Polygon>;
  const target = fc.features[0]!.geometry.coordinates[0]![0]! as [number, number];
  const box = (await page.getByTestId('map').boundingBox())!;
  for (const want of [14, 16.5]) {
    for (let k = 0; k < 12 && (await zoom()) < want; k++) {
      const at = await page.evaluate((ll) => window.__atlas!.project(ll), target);
      await page.mouse.move(box.x + at.x, box.y + at.y);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(350);
    }
    await waitForIdle(page);
    const close = await page.evaluate((l) => window.__atlas!.renderedFeatures(l), id);
    expect(close.some((f) => typeof f.properties['__density'] === 'number')).toBe(false);
    expect(close.filter((f) => f.properties['__fid'] !== undefined).length).toBeGreaterThan(0);
  }
  const labels = await page.evaluate((l) => window.__atlas!.labels(l), id);
  expect(labels.placed.length).toBeGreaterThan(0);
  await screenshot(page, 'big-layer-named');
});

test('the 三区三线 check of a whole big layer runs in its worker: progress and cancel at 200 000 parcels, then the totals Node computes at 25 000', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, `?lang=en&data=${BIG}`);
  const opened = page.getByRole('dialog', { name: 'Import result' });
  await expect(opened).toContainText('1 layer added', { timeout: 90_000 });
  await opened.getByRole('button', { name: /Close/ }).click();
  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByRole('radio', { name: 'A whole layer' }).check();
  const whole = page.getByRole('combobox', { name: 'A whole layer' });
  await whole.selectOption({ label: 'parcels-200000' });
  const check = page.getByRole('button', { name: 'Check', exact: true });
  await check.click();
  // 200 000 parcels take the worker several seconds, so the cancel lands while it checks: no summary comes.
  const progress = page.getByRole('progressbar', { name: 'Checking parcels-200000' });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel the check' }).click();
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('compliance-big')).toHaveCount(0);

  // The file is chosen in the Layers tab's import control, as a planner adds a layer.
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.getByTestId('import-input').setInputFiles({ name: FILE, mimeType: 'application/geo+json', buffer: readFileSync(PATH) });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 90_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  await page.getByRole('tab', { name: 'Planning' }).click();
  await expect(page.getByRole('radio', { name: 'A whole layer' })).toBeChecked();
  await whole.selectOption({ label: 'parcels-25000' });

  // The page answers while the worker checks (the tabs switch at once) and the choice outlives the tab switch.
  await check.click();
  await page.getByRole('tab', { name: 'Layers' }).click();
  await expect(page.getByRole('region', { name: 'Layers', exact: true })).toBeVisible({ timeout: 1000 });
  await page.getByRole('tab', { name: 'Planning' }).click();
  await expect(page.getByRole('radio', { name: 'A whole layer' })).toBeChecked();
  const summary = page.getByRole('region', { name: 'Check summary of parcels-25000' });
  await expect(summary).toBeVisible({ timeout: 180_000 });
  // The reference: the page's own check, run in Node over the same file.
  const { checkLayer, controlsFromLayers } = await import('../../src/analysis/compliance');
  const controls = controlsFromLayers(bundled('control-lines.geojson'), bundled('landuse-current.geojson'));
  const rows = checkLayer((JSON.parse(readFileSync(PATH, 'utf8')) as FeatureCollection).features, controls, { slivers: 1 });
  const failing = rows.filter((r) => r.result && !r.result.verdict.ok).length;
  const farmland = rows.reduce((s, r) => s + (r.result?.farmland.areaM2 ?? 0), 0);
  await expect(page.getByTestId('comp-big-failing')).toHaveText(failing.toLocaleString('en-US'));
  await expect(page.getByTestId('comp-big-farmland')).toContainText(formatArea(farmland, 'm2', 'en'));
  await expect(summary.getByRole('list', { name: /largest conflicts/ }).getByRole('button')).toHaveCount(Math.min(50, failing));
  await screenshot(page, 'big-layer-compliance');
});

test('a big 三调 layer (DLBM / DLMC) is drawn in the national land-use colours, with its legend and unknown codes', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  // The 25 000 parcels as a 三调 layer: 水田, 乔木林地, 城镇住宅用地 and one code no class has.
  const codes = [['0101', '水田'], ['0301', '乔木林地'], ['0701', '城镇住宅用地'], ['9999', '未知地类']] as const;
  const fc = JSON.parse(readFileSync(PATH, 'utf8')) as FeatureCollection;
  fc.features.forEach((f, i) => (f.properties = { BSM: String(i), DLBM: codes[i % 4]![0], DLMC: codes[i % 4]![1] }));
  await page.getByTestId('import-input').setInputFiles({ name: '三调地类图斑.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('已添加 1 个图层', { timeout: 90_000 });
  await report.getByRole('button', { name: '关闭导入结果' }).click();
  const legend = page.getByRole('list', { name: '三调地类图斑 图例' });
  await expect(legend).toContainText('0101 水田');
  await expect(legend).toContainText('0301 乔木林地');
  await expect(legend).toContainText('0701 城镇住宅用地');
  await expect(legend).toContainText('9999');
  await expect(page.getByRole('checkbox', { name: '三调地类图斑 使用国家用地用海分类配色' })).toBeChecked();
  // Zoomed in on a parcel: the tiles carry the codes the colours are matched on.
  const target = (fc.features[0]!.geometry as Polygon).coordinates[0]![0]! as [number, number];
  await page.evaluate((ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 15, instant: true }), target);
  const id = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('user-'))!);
  await expect.poll(async () => new Set((await page.evaluate((l) => window.__atlas!.renderedFeatures(l), id)).map((f) => f.properties['DLBM'])).size, { timeout: 30_000 }).toBe(4);
  await screenshot(page, 'big-layer-landuse');
});
