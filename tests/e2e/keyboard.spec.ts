import { test } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import { booleanPointInPolygon, polygon as turfPolygon } from '@turf/turf';
import { bundled, expect, openAtlas, renderedIds, screenshot, waitForIdle } from './driver';
import { cursorPath, drawingReady, focusedIsMapCanvas, crosshairAt, moveCursor, press, projected, selectedIds, storeState, tabTo, tabToGridCell } from './keyboard-driver';

test('the first Tab stop is a visible skip link that puts the focus on the map', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.keyboard.press('Tab');
  const link = page.getByRole('link', { name: '跳到地图' });
  await expect(link).toBeFocused();
  const box = (await link.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.height).toBeGreaterThan(10);
  await screenshot(page, 'keyboard-skip-link');
  const hash = new URL(page.url()).hash;
  await page.keyboard.press('Enter');
  expect(await focusedIsMapCanvas(page)).toBe(true);
  // The address keeps the shared view instead of jumping to an anchor.
  expect(new URL(page.url()).hash).toBe(hash);
});

test('attribute-table rows are selected with the keyboard: arrows, Space, Shift ranges, Ctrl toggles, Ctrl+A', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await press(page, 'Tab');
  await press(page, 'Enter');
  await tabTo(page, 'Attribute table');
  await press(page, 'Enter');
  const grid = page.getByRole('grid').first();
  await expect(grid).toBeVisible();
  const layerName = (await grid.getAttribute('aria-label'))!;
  const file = { 'Key projects': 'key-projects.geojson', 'Beautiful villages': 'villages.geojson' }[layerName];
  expect(file, `first table tab ${layerName}`).toBeDefined();
  const layerId = file!.replace('.geojson', '');
  const ids = bundled(file!).features.map((f) => String(f.properties!['id']));

  // The sheet opens above the selection bar that holds its button: back one step into the grid.
  await tabToGridCell(page, 60, 'Shift+Tab');
  await press(page, 'ArrowDown', 2);
  await press(page, 'ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', '2:1');
  await press(page, ' ');
  expect(await selectedIds(page, layerId)).toEqual([ids[2]]);
  await expect(grid.locator('[role=row][aria-selected=true]')).toHaveAttribute('data-feature-id', ids[2]!);

  await press(page, 'Shift+ArrowDown', 2);
  expect(await selectedIds(page, layerId)).toEqual([ids[2], ids[3], ids[4]]);
  await expect(page.getByTestId('selection-count')).toContainText('3');
  await press(page, 'Control+ ');
  expect(await selectedIds(page, layerId)).toEqual([ids[2], ids[3]]);
  await press(page, 'ArrowUp');
  await press(page, 'Shift+Enter');
  expect(await selectedIds(page, layerId)).toEqual([ids[3]]);
  await press(page, 'Control+a');
  expect((await selectedIds(page, layerId)).sort()).toEqual([...ids].sort());
  await press(page, 'Control+End');
  await press(page, 'Enter');
  expect(await selectedIds(page, layerId)).toEqual([ids[ids.length - 1]]);
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', `${ids.length - 1}:1`);
  await screenshot(page, 'keyboard-table');
});

/** Crosshair moves from the map's centre, in pixels: a 220 × 120 px box around the centre. */
const BOX: [number, number][] = [[-110, -60], [220, 0], [0, 120], [-220, 0]];

// Every key press makes the software-rendered map draw a frame: these tests get more time.
test.describe.configure({ timeout: 150_000 });

test('a filter zone is drawn with the keyboard cursor, each vertex announced', async ({ page }) => {
  // Centred on 吴庄村, so the crosshair's box around the centre holds villages.
  await openAtlas(page, '?lang=en#map=12.2/35.1414/113.2409');
  await tabTo(page, 'Layers');
  await press(page, 'ArrowRight');
  await tabTo(page, 'Draw polygon zone');
  await press(page, 'Enter');
  await drawingReady(page);
  // Started from the keyboard, the drawing takes the map's focus and says how to go on.
  await expect.poll(() => focusedIsMapCanvas(page)).toBe(true);
  const live = page.getByTestId('draw-announcer');
  await expect(live).toContainText('Keyboard drawing ready: crosshair at');
  await expect(page.locator('.kbd-cursor')).toBeVisible();
  await waitForIdle(page);
  const centre = await crosshairAt(page);
  const expected = cursorPath(centre, BOX);
  for (const [k, [dx, dy]] of BOX.entries()) {
    await moveCursor(page, dx, dy);
    await press(page, 'Enter');
    await expect(live).toContainText(`Vertex ${k + 1} added: `);
  }
  await screenshot(page, 'keyboard-zone-drawing');
  const drawnRing = ((await storeState(page, 'drawn')) as { coordinates: [number, number][][] }).coordinates[0]!;
  const drawnPx = await projected(page, drawnRing);
  await press(page, 'Shift+Enter');
  await expect(live).toHaveText('Filter zone drawn, 4 vertices.');

  const zone = (await storeState(page, 'zone')) as { type: string; ring: [number, number][] };
  expect(zone.type).toBe('draw');
  // The shape's vertices were where the crosshair stopped (in the view while drawing) ...
  for (const want of expected) expect(drawnPx.some((p) => Math.hypot(p.x - want.x, p.y - want.y) < 0.6), `vertex at ${want.x},${want.y}`).toBe(true);
  // ... and the zone is that shape (any order: the tool may rewind the ring).
  expect(zone.ring).toHaveLength(4);
  for (const v of zone.ring) expect(drawnRing.some((d) => d[0] === v[0] && d[1] === v[1]), `zone vertex ${v}`).toBe(true);
  // The filter keeps the villages the zone covers (turf as the reference).
  const ring = turfPolygon([[...zone.ring, zone.ring[0]!]]);
  const inside = bundled('villages.geojson').features.filter((f) => booleanPointInPolygon(f.geometry as never, ring)).map((f) => String(f.properties!['id'])).sort();
  expect(inside.length).toBeGreaterThan(0);
  await expect.poll(() => renderedIds(page, 'villages')).toEqual(inside);
  await screenshot(page, 'keyboard-zone-done');
});

test('select by polygon from the keyboard: closing on the first vertex selects what it covers', async ({ page }) => {
  await openAtlas(page, '?lang=zh#map=12.2/35.1414/113.2409');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, '多边形选择');
  await press(page, 'Enter');
  await drawingReady(page);
  await expect.poll(() => focusedIsMapCanvas(page)).toBe(true);
  const live = page.getByTestId('draw-announcer');
  await expect(live).toContainText('键盘绘制已就绪');
  await expect(page.locator('.kbd-draw-tip')).toContainText('Enter 添加顶点');
  await waitForIdle(page);
  const centre = await crosshairAt(page);
  for (const [dx, dy] of BOX) {
    await moveCursor(page, dx, dy);
    await press(page, 'Enter');
  }
  await expect(live).toContainText('已添加第 4 个顶点：东经');
  // Back to the first vertex; Enter there closes the polygon as a click on it does.
  // Where the crosshair stopped, read while drawing (the page's layout may change once it ends).
  const ring = await page.evaluate((pts) => pts.map((p) => window.__atlas!.unproject(p)), cursorPath(centre, BOX));
  await moveCursor(page, 0, -120);
  await press(page, 'Enter');
  await expect(live).toHaveText('选择多边形已绘制，共 4 个顶点。');
  await expect(page.locator('[data-draw-phase]')).toHaveCount(0);

  const poly = turfPolygon([[...ring, ring[0]!]]);
  const inside = bundled('villages.geojson').features.filter((f) => booleanPointInPolygon(f.geometry as never, poly)).map((f) => String(f.properties!['id'])).sort();
  expect(inside.length).toBeGreaterThan(0);
  expect((await selectedIds(page, 'villages')).sort()).toEqual(inside);
  const total = ((await storeState(page, 'selection')) as unknown[]).length;
  await expect(page.getByTestId('selection-count')).toContainText(String(total));
  await screenshot(page, 'keyboard-select-done');
});

test('measure a length from the keyboard: Enter twice on the last vertex finishes', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await tabTo(page, 'Layers');
  await press(page, 'ArrowRight', 2);
  await tabTo(page, 'Measure length');
  await press(page, 'Enter');
  await drawingReady(page);
  await expect.poll(() => focusedIsMapCanvas(page)).toBe(true);
  const live = page.getByTestId('draw-announcer');
  await expect(live).toContainText('Keyboard drawing ready');
  await waitForIdle(page);
  const start = await crosshairAt(page);
  const path: [number, number][] = [[-150, 50], [150, -100], [100, 50]];
  for (const [dx, dy] of path) {
    await moveCursor(page, dx, dy);
    await press(page, 'Enter');
  }
  await press(page, 'Enter');
  await expect(live).toHaveText('Measured shape drawn, 3 vertices.');
  const line = (await storeState(page, 'drawn')) as { type: string; coordinates: [number, number][] };
  expect(line.type).toBe('LineString');
  expect(line.coordinates).toHaveLength(3);
  const px = await projected(page, line.coordinates);
  cursorPath(start, path).forEach((want, k) => expect(Math.hypot(px[k]!.x - want.x, px[k]!.y - want.y)).toBeLessThan(0.6));
  let metres = 0;
  for (let k = 1; k < 3; k++) {
    const [a, b] = [line.coordinates[k - 1]!, line.coordinates[k]!];
    metres += geographiclib.Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
  }
  const shown = Number((await page.getByTestId('measure-result-length').textContent())!.replace(/[^0-9.]/g, ''));
  expect(Math.abs(shown - metres / 1000)).toBeLessThanOrEqual(Math.max(0.0005, (metres / 1000) * 0.005));
  await screenshot(page, 'keyboard-measure-done');
});

test('Esc cancels a keyboard drawing and says so; the selection stays', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Select by polygon');
  await press(page, 'Enter');
  await drawingReady(page);
  await expect.poll(() => focusedIsMapCanvas(page)).toBe(true);
  await press(page, 'ArrowRight', 3);
  await press(page, 'Enter');
  await press(page, 'ArrowDown', 3);
  await press(page, 'Escape');
  await expect(page.getByTestId('draw-announcer')).toHaveText('Drawing cancelled.');
  await expect(page.locator('[data-draw-phase]')).toHaveCount(0);
  await expect(page.locator('.kbd-cursor')).toBeHidden();
  expect(await storeState(page, 'selection')).toEqual([]);
});
