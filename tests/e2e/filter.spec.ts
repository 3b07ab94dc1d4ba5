import { test } from '@playwright/test';
import { booleanIntersects } from '@turf/turf';
import type { Feature } from 'geojson';
import { bundled, bundledFeature, expect, openAtlas, renderedIds, screenshot, waitForIdle, dragOnMap, clickMapAt, startDrawing } from './driver';

const FILTERABLE = { 'key-projects': 'key-projects.geojson', villages: 'villages.geojson', 'ppp-parcels': 'ppp-parcels.geojson', 'featured-towns': 'featured-towns.geojson', 'pollution-works': 'pollution-works.geojson' };

function idsIntersecting(file: string, zone: Feature): string[] {
  return bundled(file)
    .features.filter((f) => booleanIntersects(f, zone))
    .map((f) => String(f.properties?.id))
    .sort();
}

test('choosing 阳庙镇 keeps only the features in it, with counts matching turf', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.getByRole('tab', { name: '筛选' }).click();
  await page.getByLabel('范围图层').selectOption('townships');
  await page.getByLabel('范围要素').selectOption({ label: '阳庙镇' });
  await waitForIdle(page);
  const zone = bundledFeature('townships.geojson', 'tw-yangmiao');
  for (const [layer, file] of Object.entries(FILTERABLE)) {
    const expected = idsIntersecting(file, zone);
    await expect.poll(() => renderedIds(page, layer), { message: layer }).toEqual(expected);
    await expect(page.getByTestId(`count-${layer}`)).toHaveText(`${expected.length} / ${bundled(file).features.length}`);
  }
  await screenshot(page, 'filter-yangmiao');
});

test('a drawn polygon filters, and an attribute filter narrows it further', async ({ page }) => {
  // The triangle reaches past the district's east edge, beyond the first view's fit: open on a wider view.
  await openAtlas(page, '?lang=en#map=11.3/35.16/113.24');
  await page.getByRole('tab', { name: 'Filter' }).click();
  await startDrawing(page, 'Draw polygon zone');
  // A triangle over the east of the zone (industrial side).
  const ring: [number, number][] = [
    [113.27, 35.2],
    [113.36, 35.2],
    [113.33, 35.12],
  ];
  for (const p of ring) await clickMapAt(page, p);
  await clickMapAt(page, ring[0]!);
  await waitForIdle(page);
  const drawn: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } };
  const projects = idsIntersecting('key-projects.geojson', drawn);
  expect(projects.length).toBeGreaterThan(1);
  // Drawn with clicks in screen pixels, so compare allowing for features within a pixel of the edge.
  await expect.poll(() => renderedIds(page, 'key-projects')).toEqual(projects);

  await page.getByRole('group', { name: 'Project category' }).getByLabel(/^Industrial/).check();
  await waitForIdle(page);
  const industrial = projects.filter((id) => bundledFeature('key-projects.geojson', id).properties?.category === 'industrial');
  await expect.poll(() => renderedIds(page, 'key-projects')).toEqual(industrial);
  await expect(page.getByRole('button', { name: /Remove criterion Industrial/ })).toBeVisible();
  await screenshot(page, 'filter-drawn-industrial');
  await page.getByRole('button', { name: 'Clear all criteria' }).click();
  await waitForIdle(page);
  await expect.poll(async () => (await renderedIds(page, 'key-projects')).length).toBe(bundled('key-projects.geojson').features.length);
});

test('the drawing hint waits for the drawing tool, and a tool that fails to load says so and can be retried', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByRole('tab', { name: 'Filter' }).click();
  // The tool's code is fetched on first use: first make that fetch fail, as on a dropped connection.
  await page.route('**/assets/terra-draw.modern-*.js', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Draw polygon zone' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The drawing tool could not be loaded' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel drawing' }).click();

  // Then hold it back: until it arrives the hint does not invite clicks.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.unroute('**/assets/terra-draw.modern-*.js');
  await page.route('**/assets/terra-draw.modern-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Draw polygon zone' }).click();
  const hint = page.locator('[data-draw-phase]');
  await expect(hint).toHaveAttribute('data-draw-phase', 'loading');
  await expect(hint).toContainText('Getting the drawing tool ready');
  await expect(hint).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(hint).toHaveAttribute('data-draw-phase', 'ready');
  await expect(hint).toContainText('click each vertex');
});

test('searching "jinsha" selects the Jinsha PPP parcel and brings it into view', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  const box = page.getByRole('combobox', { name: 'Search features' });
  await box.fill('jinsha');
  const option = page.getByRole('option', { name: /Jinsha/ }).first();
  await expect(option).toBeVisible();
  await box.press('Enter');
  await expect(page.getByTestId('selection-count')).toHaveText('1 feature selected');
  await waitForIdle(page);
  expect(await renderedIds(page, 'ppp-parcels')).toContain('pp-jinsha');
  await expect(page.getByRole('dialog', { name: /Jinsha/ })).toBeVisible();
});

test('shift-drag box select highlights the rows in the attribute table; the URL restores the state', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await dragOnMap(page, [113.2, 35.19], [113.24, 35.13], ['Shift']);
  const count = page.getByTestId('selection-count');
  await expect(count).not.toHaveText('0 features selected');
  const n = Number((await count.textContent())!.split(' ')[0]);
  await page.getByRole('button', { name: 'Attribute table' }).click();
  await page.getByRole('tab', { name: 'Beautiful villages' }).click();
  const selectedRows = page.getByRole('grid', { name: 'Beautiful villages' }).locator('[role=row][aria-selected=true]');
  await expect(selectedRows.first()).toBeVisible();
  expect(await selectedRows.count()).toBeGreaterThan(0);
  await screenshot(page, 'box-select-table');

  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  const villagesBefore = idsIntersecting('villages.geojson', bundledFeature('townships.geojson', 'tw-yangmiao'));
  await expect.poll(() => renderedIds(page, 'villages')).toEqual(villagesBefore);
  const url = page.url();
  expect(url).toContain('zone=townships:tw-yangmiao');
  await page.goto('about:blank');
  await openAtlas(page, url.replace(/^https?:\/\/[^/]+\//, ''));
  await expect(page.getByTestId('selection-count')).toHaveText(`${n} features selected`);
  await expect.poll(() => renderedIds(page, 'villages')).toEqual(villagesBefore);
  await page.goBack();
});

test('a garbled link is ignored with a notice, not a crash', async ({ page }) => {
  await openAtlas(page, '?lang=en#map=abc/1/2&layers=nope&sel=villages:zzz&zone=%E0%A4');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('unknown layer');
  expect((await renderedIds(page, 'villages')).length).toBeGreaterThan(0);
});

test('back and forward step through filter changes', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  const all = (await renderedIds(page, 'villages')).length;
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  const yangmiao = idsIntersecting('villages.geojson', bundledFeature('townships.geojson', 'tw-yangmiao')).length;
  expect(yangmiao).toBeLessThan(all);
  await expect.poll(async () => (await renderedIds(page, 'villages')).length).toBe(yangmiao);
  await page.goBack();
  await waitForIdle(page);
  await expect.poll(async () => (await renderedIds(page, 'villages')).length).not.toBe(yangmiao);
  await page.goBack();
  await waitForIdle(page);
  await expect.poll(async () => (await renderedIds(page, 'villages')).length).toBe(all);
  await page.goForward();
  await page.goForward();
  await waitForIdle(page);
  await expect.poll(async () => (await renderedIds(page, 'villages')).length).toBe(yangmiao);
});

test('“select all matching” with 美好乡村 in 阳庙镇 selects those villages only, and says what each criterion covers', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.getByRole('tab', { name: '筛选' }).click();
  await page.getByLabel('范围图层').selectOption('townships');
  await page.getByLabel('范围要素').selectOption({ label: '阳庙镇' });
  await page.getByRole('group', { name: '乡村创建标准' }).getByLabel(/^美好乡村/).check();
  await waitForIdle(page);
  const zone = bundledFeature('townships.geojson', 'tw-yangmiao');
  const expected = bundled('villages.geojson')
    .features.filter((f) => f.properties?.standard === 'beautiful' && booleanIntersects(f, zone))
    .map((f) => `villages:${String(f.properties?.id)}`)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  // Other layers still show what lies in the zone, and the summary says the criterion is not theirs.
  await expect(page.getByRole('group', { name: '当前条件' })).toContainText('适用于：美丽乡村');
  await expect(page.locator('tr[data-layer-id="key-projects"]')).toContainText('属性条件不适用，仅按区域');
  await expect(page.getByTestId('selects-from')).toHaveText('将选中：美丽乡村');
  await page.getByRole('button', { name: '选中全部匹配要素' }).click();
  const keys = await page.evaluate(() =>
    (window as unknown as { __atlasStore: { getState: () => { selection: { layerId: string; featureId: string }[] } } }).__atlasStore
      .getState()
      .selection.map((r) => `${r.layerId}:${r.featureId}`),
  );
  expect(keys.sort()).toEqual(expected);
  await expect(page.getByTestId('selection-count')).toHaveText(`已选 ${expected.length} 个要素`);
  await screenshot(page, 'filter-select-matching-beautiful-yangmiao');
});
