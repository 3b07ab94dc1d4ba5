// Editing the way a planner does it: create a red-line layer, draw a parcel with the mouse (click the
// vertices, click the first one to close), give it attributes, reshape it by dragging a vertex, undo and
// redo with the keyboard, reload and find everything. Areas are checked against GeographicLib.
import { test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import geographiclib from 'geographiclib-geodesic';
import { featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { bundled, canvasRgb, clickFeature, expect, openAtlas, screenshot, waitForIdle } from './driver';
import { clickAt, editState, edited, ellipsoidalArea, FARMLAND_EDGE, newFromCoordinates, screenAt, type EditState } from './edit-driver';

const mToLat = 1 / 110_950;
const mToLon = 1 / 91_070;
// A 120 m × 100 m parcel on open ground west of the centre (no bundled point feature under its corners).
const SW: [number, number] = [113.205, 35.155];
const corners: [number, number][] = [SW, [SW[0] + 120 * mToLon, SW[1]], [SW[0] + 120 * mToLon, SW[1] + 100 * mToLat], [SW[0], SW[1] + 100 * mToLat]];

test.use({ viewport: { width: 1400, height: 900 } });

test('a red line drawn with the mouse gets its area, attributes by code list, reshape, undo/redo, and survives a reload', async ({ page }) => {
  // The whole loop (draw, type, reshape by dragging, undo, reload) takes most of a minute on a busy 2-core machine.
  test.setTimeout(120_000);
  await openAtlas(page, '?lang=zh#map=16/35.1555/113.2057');
  await page.getByRole('tab', { name: '编辑' }).click();
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByRole('button', { name: '面', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await expect(page.locator('[data-draw-phase]')).toContainText('单击第一个顶点闭合');
  for (const c of corners) await clickAt(page, c);
  await expect(page.getByTestId('edit-live-figures')).toContainText('平方米');
  await clickAt(page, corners[0]!);

  // The parcel is a feature of the layer, drawn on the map, with its ellipsoidal area in m², ha and 亩.
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  const drawn = (await edited(page)).features[0]!;
  expect(drawn.geometry.type).toBe('Polygon');
  const area = ellipsoidalArea(drawn.geometry as Polygon);
  expect(area).toBeGreaterThan(10_000);
  expect(area).toBeLessThan(14_000);
  const figures = page.getByTestId('edit-feature-figures');
  await expect(figures.locator('[data-unit="m2"]')).toHaveText(`${area.toLocaleString('en-US', { maximumFractionDigits: 0 })} 平方米`);
  await expect(figures.locator('[data-unit="mu"]')).toHaveText(`${(area / (10000 / 15)).toFixed(2)} 亩`);
  expect(drawn.properties!['YDMJ']).toBeCloseTo(area, 2);
  await expect(page.getByTestId('draw-announcer')).toHaveText(`已添加要素 ${String(drawn.id)}`);
  await waitForIdle(page);
  const ids = await page.evaluate((id) => window.__atlas!.renderedFeatures(id).map((f) => f.id ?? f.properties?.['__fid']), (await edited(page)).id);
  expect(ids.map(String)).toContain(String(drawn.id));

  // Attributes typed by the schema: a class chosen by its name stores the code and keeps the name in step.
  const editor = page.getByTestId('attribute-editor');
  await editor.getByLabel('项目名称').fill('示范区安置房项目');
  await editor.getByLabel('项目名称').press('Enter');
  await editor.getByLabel('用地用海分类代码').fill('城镇住宅用地');
  await editor.getByLabel('用地用海分类代码').press('Enter');
  await editor.getByLabel('容积率').fill('25');
  await editor.getByLabel('容积率').press('Enter');
  await expect(editor.getByRole('alert')).toHaveText('不能大于 20');
  await editor.getByLabel('容积率').fill('2.5');
  await editor.getByLabel('容积率').press('Enter');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  let props = (await edited(page)).features[0]!.properties!;
  expect(props).toMatchObject({ XMMC: '示范区安置房项目', YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地', RJL: 2.5 });
  await screenshot(page, 'edit-attributes');
  const axe = await new AxeBuilder({ page }).include('.edit-panel').include('.inspector').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Reshape: click the parcel to select it, drag its north-east corner 40 m further east.
  await page.getByRole('button', { name: '修改形状' }).click();
  await page.waitForTimeout(400);
  const inside: [number, number] = [SW[0] + 60 * mToLon, SW[1] + 50 * mToLat];
  await clickAt(page, inside);
  const ne = (drawn.geometry as Polygon).coordinates[0]![2]! as [number, number];
  const from = await screenAt(page, ne);
  const to = await screenAt(page, [ne[0] + 40 * mToLon, ne[1]]);
  await page.mouse.move(from.x, from.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await edited(page)).done).toBe(5);
  const reshaped = (await edited(page)).features[0]!;
  const moved = (reshaped.geometry as Polygon).coordinates[0]!;
  expect(moved[2]![0]).toBeGreaterThan(ne[0] + 30 * mToLon);
  expect(moved[0]).toEqual((drawn.geometry as Polygon).coordinates[0]![0]);
  const bigger = ellipsoidalArea(reshaped.geometry as Polygon);
  expect(bigger).toBeGreaterThan(area + 1000);
  expect(reshaped.properties!['YDMJ']).toBeCloseTo(bigger, 2);
  await expect(page.getByTestId('edit-history').locator('li').first()).toHaveText(`修改形状 ${String(drawn.id)}`);
  await screenshot(page, 'edit-reshaped');

  // Undo with Ctrl+Z takes the reshape back exactly (area too); Ctrl+Shift+Z brings it back.
  await page.getByRole('button', { name: '结束工具' }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(drawn.geometry);
  expect((await edited(page)).features[0]!.properties!['YDMJ']).toBeCloseTo(area, 2);
  await expect(page.getByTestId('edit-announcer')).toHaveText(`已撤销：修改形状 ${String(drawn.id)}`);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(reshaped.geometry);
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('button', { name: '重做' }).click();
  await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(reshaped.geometry);
  const before = await edited(page);

  // Every edit was saved as it happened: a reload finds the layer, its features and its undo steps.
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 20_000 });
  await expect.poll(async () => Object.keys((await editState(page)).editing).length).toBe(1);
  const s = await editState(page);
  const id = Object.keys(s.editing)[0]!;
  expect(s.layers[id]!.data.features).toEqual(before.features);
  expect(s.editing[id]!.done).toHaveLength(before.done);
  await page.getByRole('tab', { name: '编辑' }).click();
  await page.getByLabel('编辑图层').selectOption(id);
  await page.getByRole('button', { name: '撤销' }).click();
  props = (await edited(page)).features[0]!.properties!;
  expect((await edited(page)).features[0]!.geometry).toEqual(drawn.geometry);
});

test('two tabs editing the same layer: the second is told and its edit is not saved over the first', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const a = await context.newPage();
  await openAtlas(a, '?lang=en#map=15/35.1555/113.2057');
  await a.getByRole('tab', { name: 'Edit' }).click();
  await a.getByLabel('Geometry').selectOption('point');
  await a.getByRole('button', { name: 'Create' }).click();
  await a.getByRole('button', { name: 'Point', exact: true }).click();
  await expect(a.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await clickAt(a, SW);
  await expect.poll(async () => (await edited(a)).features.length).toBe(1);
  await a.waitForTimeout(400);

  const b = await context.newPage();
  await openAtlas(b, '?lang=en#map=15/35.1555/113.2057');
  await expect.poll(async () => Object.keys((await editState(b)).editing).length).toBe(1);
  await b.getByRole('tab', { name: 'Edit' }).click();

  // Tab A adds a second point; tab B, which loaded before that, is told at once.
  await clickAt(a, corners[2]!);
  await expect.poll(async () => (await edited(a)).features.length).toBe(2);
  await expect(b.getByRole('alert')).toContainText('Another tab changed and saved the layer “Project red lines”');
  await screenshot(b, 'edit-two-tabs');
  await b.getByRole('button', { name: 'Reload' }).click();
  await b.waitForFunction(() => window.__atlas !== undefined);
  await expect.poll(async () => Object.values((await editState(b)).layers).find((l) => l.editable)?.data.features.length).toBe(2);
  await context.close();
});

// PROJ 9.1.1: printf "3894800 38431600\n…" | cs2cs -f %.12f EPSG:4526 EPSG:4490 (lat, lon)
const CS2CS_SQUARE: [number, number][] = [
  [35.179812952964, 113.24908525762],
  [35.179819753861, 113.250183002464],
  [35.180721033064, 113.250174724945],
  [35.180714231941, 113.249076967985],
];

test.describe('at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('a 100 m square typed in CGCS2000 Gauss–Krüger metres lands where PROJ puts it and reads 15.00 亩', async ({ page }) => {
    await openAtlas(page, '?lang=zh');
    await page.getByRole('tab', { name: '编辑' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('按坐标输入').click();
    await page.getByLabel('坐标系').selectOption('gk3');
    await page.getByLabel(/每行一个点/).fill('J1, 3894800, 38431600\nJ2, 3894800, 38431700\nJ3, 3894900, 38431700\nJ4, 3894900, 38431600');
    await page.getByRole('button', { name: '添加为新要素' }).click();
    await expect(page.getByRole('status').filter({ hasText: '38 带' })).toContainText('中央经线 114°E，EPSG:4526');
    await expect.poll(async () => (await edited(page)).features.length).toBe(1);
    const g = (await edited(page)).features[0]!.geometry as Polygon;
    g.coordinates[0]!.slice(0, 4).forEach(([lon, lat], i) => {
      expect(Math.abs(lon! - CS2CS_SQUARE[i]![1])).toBeLessThan(1e-9);
      expect(Math.abs(lat! - CS2CS_SQUARE[i]![0])).toBeLessThan(1e-9);
    });
    const p = geographiclib.Geodesic.WGS84.Polygon(false);
    for (const [lat, lon] of CS2CS_SQUARE) p.AddPoint(lat, lon);
    const area = Math.abs(p.Compute(false, true).area!);
    const figures = page.getByTestId('edit-feature-figures');
    await expect(figures.locator('[data-unit="mu"]')).toHaveText('15.00 亩');
    await expect(figures.locator('[data-unit="m2"]')).toHaveText(`${area.toLocaleString('en-US', { maximumFractionDigits: 0 })} 平方米`);
    await expect(figures.locator('[data-unit="ha"]')).toHaveText(`${(area / 1e4).toFixed(4)} 公顷`);
    await waitForIdle(page);
    await screenshot(page, 'edit-typed-gk');

    // The same vertices read back in GK metres, a corner moved 10 m east, applied: one reshape step.
    await page.getByRole('button', { name: '载入所选要素的坐标' }).click();
    const text = await page.getByLabel(/每行一个点/).inputValue();
    expect(text.split('\n')[0]).toBe('3894800.000, 38431600.000');
    await page.getByLabel(/每行一个点/).fill(text.replace('3894800.000, 38431700.000', '3894800.000, 38431710.000'));
    await page.getByRole('button', { name: '替换所选要素的坐标' }).click();
    await expect.poll(async () => (await edited(page)).done).toBe(2);
    await expect(page.getByTestId('edit-history').locator('li').first()).toContainText('修改形状');
    // A typo says which point is wrong.
    await page.getByLabel(/每行一个点/).fill('3894800, 38431600\n3894800; 3843x700');
    await page.getByRole('button', { name: '替换所选要素的坐标' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '第 2 个点' })).toContainText('不是一对数字');
  });
});

test('drawn vertices snap onto a township boundary: a vertex takes the boundary’s own coordinates, an edge point lies on the edge', async ({ page }) => {
  const township = bundled('townships.geojson').features[0]!.geometry as Polygon;
  const [a, v] = [township.coordinates[0]![3]! as [number, number], township.coordinates[0]![4]! as [number, number]];
  await openAtlas(page, `?lang=en#map=16/${v[1]}/${v[0] - 0.003}`);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByLabel('Snap to vertices and edges of visible layers')).toBeChecked();
  await page.getByRole('button', { name: 'Polygon', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  const offset = async (ll: [number, number], dx: number, dy: number) => {
    const p = await screenAt(page, ll);
    await page.mouse.move(p.x + dx, p.y + dy, { steps: 3 });
    await page.mouse.click(p.x + dx, p.y + dy);
    await page.waitForTimeout(150);
  };
  // A point of the boundary edge a little west of the vertex (both on screen at zoom 16).
  const mid: [number, number] = [a[0] + 0.85 * (v[0] - a[0]), a[1] + 0.85 * (v[1] - a[1])];
  await offset(v, 4, -3);
  await clickAt(page, [v[0], v[1] + 0.0015]);
  await clickAt(page, [mid[0], mid[1] + 0.0015]);
  await offset(mid, 0, -5);
  await clickAt(page, v);
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  const ring = ((await edited(page)).features[0]!.geometry as Polygon).coordinates[0]!;
  expect(ring[0]).toEqual(v);
  const on = ring[3]!;
  const cross = (on[0]! - a[0]) * (v[1] - a[1]) - (on[1]! - a[1]) * (v[0] - a[0]);
  const len2 = (v[0] - a[0]) ** 2 + (v[1] - a[1]) ** 2;
  expect(Math.abs(cross) / len2).toBeLessThan(1e-9);
  expect(on[0]).toBeGreaterThan(Math.min(a[0], v[0]));
  expect(on[0]).toBeLessThan(Math.max(a[0], v[0]));
  await screenshot(page, 'edit-snapped');
});

test('split a red line with a drawn line, undo and redo the split, merge the pieces back', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.getByRole('tab', { name: '编辑' }).click();
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByText('按坐标输入').click();
  await page.getByLabel(/每行一个点/).fill('3894800, 38431600\n3894800, 38431700\n3894900, 38431700\n3894900, 38431600');
  await page.getByRole('button', { name: '添加为新要素' }).click();
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  await waitForIdle(page);
  const square = (await edited(page)).features[0]!;
  const whole = ellipsoidalArea(square.geometry as Polygon);
  const [sw, se, ne] = (square.geometry as Polygon).coordinates[0]! as [number, number][];
  const westOf = (p: [number, number], f: number): [number, number] => [p[0]! + f * (se![0] - sw![0]), p[1]!];

  // The line runs north–south through the square, 30 m from its west side, and ends beyond it.
  await page.getByText('几何处理').click();
  await page.getByLabel('吸附到可见图层的顶点和边').uncheck();
  await page.getByRole('button', { name: '用线分割' }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  const south = westOf([sw![0], sw![1] - 0.0002], 0.3);
  const north = westOf([sw![0], ne![1] + 0.0002], 0.3);
  await clickAt(page, south);
  await clickAt(page, north);
  // The splitting line's own figures, as it is drawn.
  await expect(page.getByTestId('edit-live-figures')).toContainText('长度');
  await clickAt(page, north);
  await expect(page.getByTestId('geometry-outcome')).toHaveText('已分割为 2 块');
  const split = await edited(page);
  expect(split.features).toHaveLength(2);
  const areas = split.features.map((f) => ellipsoidalArea(f.geometry as Polygon));
  expect(areas[0]! + areas[1]!).toBeCloseTo(whole, 2);
  expect(Math.min(...areas) / whole).toBeCloseTo(0.3, 1);
  // the larger piece keeps the feature and its id; each piece's 用地面积 is its own area
  expect(split.features[0]!.id).toBe(square.id);
  split.features.forEach((f, i) => expect(f.properties!['YDMJ']).toBeCloseTo(areas[i]!, 2));
  await screenshot(page, 'edit-split');

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features).toEqual([square]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await edited(page)).features.length).toBe(2);

  // Merge: click one piece, Shift-click the other, merge — one feature of the whole area again.
  const centre = (f: Feature): [number, number] => {
    const r = (f.geometry as Polygon).coordinates[0]!;
    const xs = r.map((c) => c[0]!);
    const ys = r.map((c) => c[1]!);
    return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  };
  await clickAt(page, centre(split.features[0]!));
  const other = await screenAt(page, centre(split.features[1]!));
  await page.keyboard.down('Shift');
  await page.mouse.click(other.x, other.y);
  await page.keyboard.up('Shift');
  await page.getByRole('button', { name: '合并所选（2）' }).click();
  await expect(page.getByTestId('geometry-outcome')).toHaveText('已将 2 个面合并为一个');
  const merged = await edited(page);
  expect(merged.features).toHaveLength(1);
  expect(ellipsoidalArea(merged.features[0]!.geometry as Polygon)).toBeCloseTo(whole, 2);
});

test('a red line that crosses itself is kept with a warning that says where, and the place is marked on the map', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en#map=16/35.101/113.201', '113.200, 35.100\n113.202, 35.102\n113.202, 35.100\n113.200, 35.102', 'wgs84');
  await expect(page.getByTestId('geometry-warnings')).toContainText('The boundary crosses itself at 113.201000° E, 35.101000° N');
  await waitForIdle(page);
  const at = await page.evaluate(() => window.__atlas!.project([113.201, 35.101]));
  const rgb = await canvasRgb(page, 0, { x: at.x - 2, y: at.y - 2, w: 4, h: 4 });
  const reddest = Math.max(...rgb.filter((_, i) => i % 3 === 0).map((r, k) => r - rgb[3 * k + 1]!));
  expect(reddest).toBeGreaterThan(120);
  await screenshot(page, 'edit-self-intersection');
});

test('editing from the keyboard: P starts the point tool, Enter on the map places a point, Delete removes it, Ctrl+Z brings it back', async ({ page }) => {
  await openAtlas(page, '?lang=en#map=15/35.1555/113.2057');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByLabel('Geometry').selectOption('point');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText('Keyboard shortcuts').click();
  await expect(page.getByText('P point · L line')).toBeVisible();
  await page.getByRole('tab', { name: 'Edit' }).focus();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Point', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await page.locator('canvas.maplibregl-canvas').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  const placed = (await edited(page)).features[0]!;
  await expect(page.getByTestId('draw-announcer')).toHaveText(`Feature ${String(placed.id)} added`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await edited(page)).features.length).toBe(0);
  await expect(page.getByTestId('edit-announcer')).toHaveText(`Deleted feature ${String(placed.id)}`);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features).toEqual([placed]);
  await expect(page.getByTestId('edit-announcer')).toHaveText(`Undone: Deleted feature ${String(placed.id)}`);
});

test('a hole cut into a red line and a second part added, each drawn with the mouse and undone in turn', async ({ page }) => {
  await openAtlas(page, '?lang=en#map=16/35.1555/113.2057');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Snap to vertices and edges of visible layers').uncheck();
  await page.getByRole('button', { name: 'Polygon', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  for (const c of corners) await clickAt(page, c);
  await clickAt(page, corners[0]!);
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  await page.getByRole('button', { name: 'End tool' }).click();
  const outer = (await edited(page)).features[0]!.geometry as Polygon;
  await page.getByText('Geometry tools').click();

  const hole: [number, number][] = [[SW[0] + 40 * mToLon, SW[1] + 30 * mToLat], [SW[0] + 80 * mToLon, SW[1] + 30 * mToLat], [SW[0] + 80 * mToLon, SW[1] + 70 * mToLat], [SW[0] + 40 * mToLon, SW[1] + 70 * mToLat]];
  await page.getByRole('button', { name: 'Cut a hole' }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  for (const c of hole) await clickAt(page, c);
  await clickAt(page, hole[0]!);
  await expect(page.getByTestId('geometry-outcome')).toHaveText('Hole cut');
  const holed = (await edited(page)).features[0]!.geometry as Polygon;
  expect(holed.type).toBe('Polygon');
  expect(holed.coordinates).toHaveLength(2);
  const ring = (r: number[][]) => ellipsoidalArea({ type: 'Polygon', coordinates: [r] });
  expect(ring(holed.coordinates[0]!) - ring(holed.coordinates[1]!)).toBeCloseTo(ellipsoidalArea(outer) - ring([...hole, hole[0]!]), 1);

  const east: [number, number][] = corners.map(([x, y]) => [x + 200 * mToLon, y]);
  await page.getByRole('button', { name: 'Add a part' }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  for (const c of east) await clickAt(page, c);
  await clickAt(page, east[0]!);
  await expect(page.getByTestId('geometry-outcome')).toHaveText('Part added');
  const multi = (await edited(page)).features[0]!.geometry;
  expect(multi.type).toBe('MultiPolygon');
  expect((multi as { coordinates: unknown[] }).coordinates).toHaveLength(2);
  await screenshot(page, 'edit-hole-part');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(holed);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(outer);
});

test('the attribute table of an edited layer: F2 edits a cell, a pasted column fills down, Ctrl+D fills the selected rows', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAtlas(page, '?lang=en#map=15/35.1555/113.2057');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByLabel('Geometry').selectOption('point');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Point', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  for (const c of corners.slice(0, 3)) await clickAt(page, c);
  await expect.poll(async () => (await edited(page)).features.length).toBe(3);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Attribute table', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Project red lines' });
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('table-note')).toContainText('F2 or a double-click edits a cell');

  // F2 on the first row's floor area ratio, a value out of range is refused in place, a good one kept.
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  const col = headers.findIndex((h) => /RJL|Floor area ratio/.test(h));
  const cell = (row: number) => grid.locator(`[data-cell="${row}:${col}"]`);
  await cell(0).click();
  await page.keyboard.press('F2');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-note')).toHaveText('Must be at most 20');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect(cell(0)).toHaveText('1.5');
  expect((await edited(page)).features[0]!.properties!['RJL']).toBe(1.5);

  // A column copied from a spreadsheet, pasted into the second row's cell, runs down from there.
  await page.evaluate(() => navigator.clipboard.writeText('2.2\r\n3.3\r\n'));
  await cell(1).click();
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('table-note')).toHaveText('2 values pasted');
  expect((await edited(page)).features.map((f) => f.properties!['RJL'])).toEqual([1.5, 2.2, 3.3]);

  // Ctrl+D: the focused cell's value into every selected row.
  await cell(0).click();
  await cell(2).click({ modifiers: ['Shift'] });
  await cell(0).focus();
  await page.keyboard.press('Control+d');
  expect((await edited(page)).features.map((f) => f.properties!['RJL'])).toEqual([1.5, 2.2, 1.5]);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features.map((f) => f.properties?.['RJL'])).toEqual([1.5, 2.2, 3.3]);
  await screenshot(page, 'edit-table');
});

test('the field calculator writes a new field from an expression (with a preview) and selects by expression', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en', '3894800, 38431600\n3894800, 38431700\n3894900, 38431700\n3894900, 38431600');
  const p = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [lat, lon] of CS2CS_SQUARE) p.AddPoint(lat, lon);
  const mu = Math.abs(p.Compute(false, true).area!) / (10000 / 15);

  await page.getByText('Field calculator and select by expression').click();
  await page.getByLabel('Target field').selectOption({ label: 'New field…' });
  await page.getByLabel('New field name').fill('AREA_MU');
  await page.getByLabel(/Expression \(MapLibre/).fill('["/", ["round", ["*", ["get", "$area_mu"], 100]], 100]');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('calc-outcome')).toContainText(String(Math.round(mu * 100) / 100));
  await page.getByRole('button', { name: /Write the field/ }).click();
  await expect(page.getByTestId('calc-outcome')).toHaveText('AREA_MU written for 1 feature');
  expect((await edited(page)).features[0]!.properties!['AREA_MU']).toBe(Math.round(mu * 100) / 100);
  await page.getByLabel(/Expression \(MapLibre/).fill('["all", ["==", ["geometry-type"], "Polygon"], [">", ["get", "$area_m2"], 9000]]');
  await page.getByRole('button', { name: 'Select the features the expression is true for' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('1 feature selected');
  await page.getByLabel(/Expression \(MapLibre/).fill('["eval", "alert(1)"]');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('calc-outcome')).toContainText('Unknown expression "eval"');
});

test('review notes: a text note and an arrow drawn on the map, the arrow drawn with its head, the note labelled', async ({ page }) => {
  await openAtlas(page, '?lang=zh#map=16/35.1555/113.2057');
  await page.getByRole('tab', { name: '编辑' }).click();
  await page.getByRole('button', { name: '新建批注图层' }).click();
  await expect(page.getByLabel('编辑图层')).toHaveValue(/^edit-/);
  await page.getByLabel('吸附到可见图层的顶点和边').uncheck();
  await page.getByRole('button', { name: '线', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await clickAt(page, corners[0]!);
  await clickAt(page, corners[2]!);
  await clickAt(page, corners[2]!);
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  await page.getByRole('button', { name: '点', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await clickAt(page, corners[3]!);
  await expect.poll(async () => (await edited(page)).features.length).toBe(2);
  await page.getByRole('button', { name: '结束工具' }).click();
  const note = page.getByTestId('attribute-editor').getByLabel('批注内容');
  await note.fill('请核实红线与河道的距离');
  await note.press('Enter');
  const fs = (await edited(page)).features;
  expect(fs.map((f) => f.properties!['KIND'])).toEqual(['arrow', 'note']);
  expect(fs[1]!.properties!['TEXT']).toBe('请核实红线与河道的距离');
  expect(fs[1]!.properties!['DATE']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await waitForIdle(page);
  const drawn = await page.evaluate((id) => window.__atlas!.renderedFeatures(id).map((f) => f.properties), (await edited(page)).id);
  expect(drawn.some((p) => p['__arrowhead'] === true)).toBe(true);
  const labels = await page.evaluate((id) => window.__atlas!.labels(id).placed.map((l) => l.id), (await edited(page)).id);
  expect(labels).toContain(String(fs[1]!.id));
  await screenshot(page, 'edit-annotations');
});

test('fields of an edited layer: a 三调 code field added with its label takes codes by name and keeps the class name in step', async ({ page }) => {
  await openAtlas(page, '?lang=zh#map=16/35.1555/113.2057');
  await page.getByRole('tab', { name: '编辑' }).click();
  await page.getByLabel('几何类型').selectOption('point');
  await page.getByRole('combobox', { name: /^字段方案/ }).selectOption('name');
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByText('字段', { exact: true }).click();
  await page.getByLabel('字段名').fill('DLBM');
  await page.getByLabel('显示名称（可选）').fill('地类编码');
  await page.getByRole('combobox', { name: /^字段类型/ }).selectOption('dlbm');
  await page.getByRole('button', { name: '添加字段' }).click();
  await expect(page.locator('.field-list')).toContainText('DLBM 地类编码 · 三调地类编码');
  await page.getByRole('button', { name: '点', exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await clickAt(page, corners[0]!);
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  const code = page.getByTestId('attribute-editor').getByLabel('地类编码');
  await code.fill('水浇地');
  await code.press('Enter');
  await expect.poll(async () => (await edited(page)).features[0]?.properties).toMatchObject({ DLBM: '0102', DLMC: '水浇地' });
});

test('reshaping from the keyboard: ] picks a vertex, arrow keys move it by metres, each move one undo step', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en', '3894800, 38431600\n3894800, 38431700\n3894900, 38431700\n3894900, 38431600');
  const start = (await edited(page)).features[0]!.geometry as Polygon;
  await page.getByRole('button', { name: 'Reshape' }).click();
  await page.locator('canvas.maplibregl-canvas').first().focus();
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  const v = start.coordinates[0]![1]!;
  await expect(page.getByTestId('draw-announcer')).toHaveText(`Vertex 2 of 4, ${v[0]!.toFixed(6)}° E, ${v[1]!.toFixed(6)}° N`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await edited(page)).done).toBe(5);
  const moved = ((await edited(page)).features[0]!.geometry as Polygon).coordinates[0]![1]!;
  const d = geographiclib.Geodesic.WGS84.Inverse(v[1]!, v[0]!, moved[1]!, moved[0]!);
  expect(d.s12!).toBeCloseTo(Math.hypot(3, 10), 2);
  expect(((await edited(page)).features[0]!.geometry as Polygon).coordinates[0]![0]).toEqual(start.coordinates[0]![0]);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect.poll(async () => (await edited(page)).features[0]?.geometry).toEqual(start);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a drawing tool folds the panel away, says what to do over the map, and the drawn parcel opens with its figures', async ({ page }) => {
    await openAtlas(page, '?lang=zh#map=15.5/35.1555/113.2057');
    await page.getByRole('button', { name: '图层与工具' }).click();
    await page.getByRole('tab', { name: '编辑' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('button', { name: '面', exact: true }).click();
    await expect(page.getByRole('tablist', { name: '侧栏' })).toHaveCount(0);
    const banner = page.getByRole('region', { name: '工具' });
    await expect(banner.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
    await expect(banner).toContainText('单击第一个顶点闭合');
    await screenshot(page, 'edit-phone-banner');
    for (const c of corners) await clickAt(page, c);
    await clickAt(page, corners[0]!);
    await expect.poll(async () => (await edited(page)).features.length).toBe(1);
    const area = ellipsoidalArea((await edited(page)).features[0]!.geometry as Polygon);
    await expect(page.getByTestId('edit-feature-figures').locator('[data-unit="m2"]')).toHaveText(`${area.toLocaleString('en-US', { maximumFractionDigits: 0 })} 平方米`);
    await banner.getByRole('button', { name: '结束工具' }).click();
    await expect(banner).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'edit-phone-drawn');
  });
});

test('a bundled layer copied for editing exports with its change log and re-imports identically', async ({ page }) => {
  await openAtlas(page, '?lang=en#map=13/35.19/113.29');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByLabel('Layer to edit').selectOption({ label: 'PPP & redevelopment parcels' });
  await page.getByRole('button', { name: 'Copy to an editable layer' }).click();
  await expect(page.getByLabel('Layer being edited')).toHaveValue(/^edit-/);
  const original = bundled('ppp-parcels.geojson').features;

  // Delete one parcel, rename another, add one by coordinates.
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await page.getByRole('button', { name: 'Delete feature' }).click();
  await expect.poll(async () => (await edited(page)).features.length).toBe(original.length - 1);
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-qinyuan');
  const field = page.getByTestId('attribute-editor').getByLabel('name_en', { exact: true });
  await field.fill('Qinyuan parcel (revised)');
  await field.press('Enter');
  // Tabbing through the other fields changes nothing.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await page.getByText('Coordinates', { exact: true }).click();
  await page.getByLabel('Coordinate system').selectOption('wgs84');
  await page.getByLabel(/One point per line/).fill('113.30, 35.19\n113.301, 35.19\n113.301, 35.191\n113.30, 35.191');
  await page.getByRole('button', { name: 'Add as a new feature' }).click();
  await expect.poll(async () => (await edited(page)).done).toBe(3);
  const layer = await edited(page);

  const exportLayer = async (changeLog: boolean) => {
    await page.getByRole('button', { name: /^Export/ }).click();
    await page.getByRole('menuitem', { name: 'Export whole layer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export features' });
    await dialog.getByRole('combobox').first().selectOption(layer.id);
    if (changeLog) await dialog.getByLabel(/With a change log/).check();
    await expect(dialog).toContainText(`${original.length + (changeLog ? 1 : 0)} features will be exported`);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  };
  const logged = JSON.parse((await exportLayer(true)).text) as FeatureCollection;
  const changes = Object.fromEntries(logged.features.map((f) => [String(f.id), f.properties!['CHANGE']]));
  expect(changes['pp-jinsha']).toBe('deleted');
  expect(changes['pp-qinyuan']).toBe('modified');
  expect(Object.values(changes).filter((c) => c === 'added')).toHaveLength(1);
  expect(Object.values(changes).filter((c) => c === 'unchanged')).toHaveLength(original.length - 2);
  for (const f of original.filter((x) => !['pp-jinsha', 'pp-qinyuan'].includes(String(x.id)))) {
    const { CHANGE, ...rest } = logged.features.find((x) => x.id === f.id)!.properties!;
    expect(CHANGE).toBe('unchanged');
    expect({ ...logged.features.find((x) => x.id === f.id), properties: rest }).toEqual(f);
  }

  // The plain export, imported again, gives the edited features back.
  const plain = await exportLayer(false);
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.getByTestId('import-input').setInputFiles({ name: plain.name, mimeType: 'application/geo+json', buffer: Buffer.from(plain.text) });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added');
  await report.getByRole('button', { name: /Close/ }).click();
  const imported = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => EditState & { order: string[] } } }).__atlasStore.getState();
    return s.layers[s.order.find((id) => id.startsWith('user-'))!]!.data.features;
  });
  expect(imported.map((f) => [f.geometry, f.properties])).toEqual(layer.features.map((f) => [f.geometry, f.properties]));
});

test('the 三区三线 check of a red line follows its shape: dragging a vertex re-runs it', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en#map=16.5/35.1655/113.2065', FARMLAND_EDGE, 'wgs84');
  await page.getByText('Coordinates', { exact: true }).click();
  await page.getByLabel('Snap to vertices and edges of visible layers').uncheck();
  await page.getByRole('button', { name: 'Reshape' }).click();
  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByRole('radio', { name: /A whole layer/ }).check();
  await page.getByRole('combobox', { name: 'A whole layer' }).selectOption((await edited(page)).id);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const farmland = page.getByTestId('comp-farmland');
  // The overlap as turf's intersection measured by GeographicLib.
  const pbf = bundled('control-lines.geojson').features.find((f) => f.properties?.['id'] === 'cl-pbf-04')!;
  const red = (await edited(page)).features[0]!;
  const overlap = intersect(featureCollection([red as Feature<Polygon>, pbf as Feature<Polygon>]))!.geometry as Polygon;
  await expect(farmland).toContainText(`overlaps ${Math.round(ellipsoidalArea(overlap)).toLocaleString('en-US')} m²`);
  const before = await farmland.innerText();

  await waitForIdle(page);
  await clickAt(page, [113.2065, 35.1655]);
  const from = await screenAt(page, [113.207, 35.166]);
  const to = await screenAt(page, [113.2085, 35.1672]);
  await page.mouse.move(from.x, from.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await edited(page)).done).toBe(2);
  await expect(farmland).not.toHaveText(before);
  await screenshot(page, 'edit-compliance-live');
});

test('a project file keeps the workspace: opened in a fresh browser it restores layers, edits with their undo steps, styles, filters and view', async ({ page, browser }) => {
  await openAtlas(page, '?lang=en#map=15.5/35.1555/113.2057');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText('Coordinates', { exact: true }).click();
  await page.getByLabel('Coordinate system').selectOption('wgs84');
  await page.getByLabel(/One point per line/).fill('113.205, 35.155\n113.206, 35.155\n113.206, 35.156\n113.205, 35.156');
  await page.getByRole('button', { name: 'Add as a new feature' }).click();
  const name = page.getByTestId('attribute-editor').getByLabel('Project name');
  await name.fill('Resettlement housing');
  await name.press('Enter');
  await expect.poll(async () => (await edited(page)).done).toBe(2);
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.getByRole('checkbox', { name: /Beautiful villages/ }).uncheck();
  const before = await page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => Record<string, unknown> } }).__atlasStore.getState() as unknown as EditState & { order: string[]; view: unknown };
    return { order: s.order, layers: s.layers, editing: s.editing, view: s.view };
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^project_\d{4}-\d{2}-\d{2}\.atlas\.zip$/);
  const bytes = readFileSync((await download.path())!);

  // A fresh browser (nothing in its storage), the file picked in the Layers tab.
  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page2 = await other.newPage();
  await openAtlas(page2, '?lang=en');
  await page2.getByTestId('project-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: bytes });
  await expect(page2.getByTestId('project-report')).toContainText(`Opened ${download.suggestedFilename()}`);
  await expect
    .poll(() => page2.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { view: unknown } } }).__atlasStore.getState().view))
    .toEqual(before.view);
  const after = await page2.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => Record<string, unknown> } }).__atlasStore.getState() as unknown as EditState & { order: string[]; view: unknown };
    return { order: s.order, layers: s.layers, editing: s.editing, view: s.view };
  });
  expect(after.order).toEqual(before.order);
  expect(after.view).toEqual(before.view);
  for (const id of before.order) {
    expect(after.layers[id]!.data).toEqual(before.layers[id]!.data);
    expect((after.layers[id] as unknown as { visible: boolean }).visible).toBe((before.layers[id] as unknown as { visible: boolean }).visible);
  }
  expect(after.editing).toEqual(before.editing);
  await page2.getByRole('tab', { name: 'Edit' }).click();
  await page2.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await edited(page2)).features[0]?.properties?.['XMMC']).toBeNull();

  // A damaged file says what it could not restore.
  await page2.getByRole('tab', { name: 'Layers' }).click();
  await page2.getByTestId('project-input').setInputFiles({ name: 'broken.atlas.zip', mimeType: 'application/zip', buffer: Buffer.from('PK not really') });
  await expect(page2.getByTestId('project-report')).toContainText('This is not an atlas project file');
  await screenshot(page2, 'edit-project-report');
  await other.close();
});
