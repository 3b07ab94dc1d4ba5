// The rectangle and circle tools of a red-line layer, drawn with the mouse the way their hints say: a
// rectangle corner then opposite corner, a circle centre then radius. Areas are checked against
// GeographicLib's area of the stored ring, the circle's vertices against its distance from the centre.
import { test, type Page } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import type { Polygon } from 'geojson';
import { expect, openAtlas, screenshot } from './driver';
import { edited, ellipsoidalArea, screenAt } from './edit-driver';

const mToLat = 1 / 110_950;
const mToLon = 1 / 91_070;
// Open ground west of the centre, with no bundled feature to click by mistake.
const SW: [number, number] = [113.205, 35.155];
const NE: [number, number] = [SW[0] + 140 * mToLon, SW[1] + 90 * mToLat];
const CENTRE: [number, number] = [SW[0] + 70 * mToLon, SW[1] + 45 * mToLat];
const EDGE: [number, number] = [CENTRE[0] + 110 * mToLon, CENTRE[1] + 40 * mToLat];

/**
 * Clicks a map position at a whole pixel and answers the position under that pixel as MapLibre (and
 * terra-draw through it) reads the pointer there, read before the click, as the view may move once a
 * shape is finished (the inspector opens).
 */
async function clickPixel(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  const p = await screenAt(page, lngLat);
  const at = { x: Math.round(p.x), y: Math.round(p.y) };
  const box = (await page.getByTestId('map').boundingBox())!;
  const under = await page.evaluate((q) => window.__atlas!.unproject(q), { x: at.x - box.x, y: at.y - box.y });
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(150);
  return under;
}

/** The drawn feature's stored area and the figures the inspector shows, each against GeographicLib. */
async function checkArea(page: Page): Promise<Polygon> {
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  const f = (await edited(page)).features[0]!;
  expect(f.geometry.type).toBe('Polygon');
  const g = f.geometry as Polygon;
  const area = ellipsoidalArea(g);
  expect(Math.abs((f.properties!['YDMJ'] as number) - area) / area).toBeLessThan(1e-6);
  const figures = page.getByTestId('edit-feature-figures');
  await expect(figures.locator('[data-unit="m2"]')).toHaveText(`${area.toLocaleString('en-US', { maximumFractionDigits: 0 })} 平方米`);
  await expect(figures.locator('[data-unit="ha"]')).toHaveText(`${(area / 1e4).toFixed(4)} 公顷`);
  await expect(figures.locator('[data-unit="mu"]')).toHaveText(`${(area / (10000 / 15)).toFixed(2)} 亩`);
  return g;
}

/**
 * Every vertex of the drawn circle at one ellipsoidal distance from the clicked centre (to the millimetre):
 * the atlas draws the circle again along WGS 84 geodesics. Its radius is the drawing library's, measured on a
 * sphere of 6371.0088 km, which reads up to ±0.23 % different from the ellipsoidal distance to the clicked
 * edge at this latitude, by direction.
 */
function checkCircle(g: Polygon, centre: [number, number], edge: [number, number]): void {
  const geod = geographiclib.Geodesic.WGS84;
  const radius = geod.Inverse(centre[1], centre[0], edge[1], edge[0]).s12!;
  const ring = g.coordinates[0]!;
  expect(ring.length).toBeGreaterThan(60);
  expect(ring[0]).toEqual(ring[ring.length - 1]);
  const d = ring.map(([lon, lat]) => geod.Inverse(centre[1], centre[0], lat!, lon!).s12!);
  expect(Math.max(...d) - Math.min(...d)).toBeLessThan(0.005);
  expect(Math.abs(d[0]! / radius - 1)).toBeLessThan(0.003);
}

async function startTool(page: Page, name: string, hint: string, scope = page.locator('body')): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const phase = scope.locator('[data-draw-phase]');
  await expect(phase).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await expect(phase).toContainText(hint);
}

test.describe('at 1400×900', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('a rectangle drawn corner to corner with the mouse stores its ellipsoidal area and shows it in m², ha and 亩', async ({ page }) => {
    await openAtlas(page, '?lang=zh#map=17/35.1555/113.2057');
    await page.getByRole('tab', { name: '编辑' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    await startTool(page, '矩形', '单击一个角，移动鼠标，再单击对角');
    const c1 = await clickPixel(page, SW);
    const c2 = await clickPixel(page, NE);
    const g = await checkArea(page);
    // Four corners at the two clicked ones: the rectangle is the one the pointer spanned.
    const ring = g.coordinates[0]!;
    expect(ring).toHaveLength(5);
    for (const [lon, lat] of ring) {
      expect(Math.min(Math.abs(lon! - c1[0]), Math.abs(lon! - c2[0]))).toBeLessThan(1e-9);
      expect(Math.min(Math.abs(lat! - c1[1]), Math.abs(lat! - c2[1]))).toBeLessThan(1e-9);
    }
    const area = ellipsoidalArea(g);
    expect(area).toBeGreaterThan(0.9 * 140 * 90);
    expect(area).toBeLessThan(1.1 * 140 * 90);
    await screenshot(page, 'edit-rectangle');
  });

  test('a circle drawn centre then radius with the mouse is geodesic and stores its ellipsoidal area', async ({ page }) => {
    await openAtlas(page, '?lang=zh#map=17/35.1555/113.2057');
    await page.getByRole('tab', { name: '编辑' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    await startTool(page, '圆', '单击圆心，移动鼠标确定半径');
    const centre = await clickPixel(page, CENTRE);
    const edge = await clickPixel(page, EDGE);
    const g = await checkArea(page);
    checkCircle(g, centre, edge);
    await screenshot(page, 'edit-circle');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the circle tool folds the panel away, its strip says centre then radius, and the circle drawn is geodesic', async ({ page }) => {
    await openAtlas(page, '?lang=zh#map=17/35.1555/113.2057');
    await page.getByRole('button', { name: '图层与工具' }).click();
    await page.getByRole('tab', { name: '编辑' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    const banner = page.getByRole('region', { name: '工具' });
    await startTool(page, '圆', '单击圆心，移动鼠标确定半径', banner);
    await expect(page.getByRole('tablist', { name: '侧栏' })).toHaveCount(0);
    await screenshot(page, 'edit-phone-circle-banner');
    // A smaller circle: the phone's map is 390 px wide.
    const edge: [number, number] = [CENTRE[0] + 60 * mToLon, CENTRE[1] + 25 * mToLat];
    const centre = await clickPixel(page, CENTRE);
    const at = await clickPixel(page, edge);
    const g = await checkArea(page);
    checkCircle(g, centre, at);
    await banner.getByRole('button', { name: '结束工具' }).click();
    await expect(banner).toHaveCount(0);
    await screenshot(page, 'edit-phone-circle');
  });
});
