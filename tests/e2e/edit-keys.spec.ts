// Reshaping from the keyboard and the figures of a feature while one of its vertices is dragged, the way a
// planner does it: keys pressed on the focused map, a vertex dragged with the mouse. Distances and areas
// are checked against GeographicLib.
import { test, type Page } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import type { Polygon, Position } from 'geojson';
import { expect, screenshot, waitForIdle } from './driver';
import { clickAt, edited, ellipsoidalArea, FARMLAND_EDGE, newFromCoordinates, screenAt } from './edit-driver';

const G = geographiclib.Geodesic.WGS84;
const VIEW = '?lang=en#map=16.5/35.1655/113.2065';

test.use({ viewport: { width: 1400, height: 900 } });

const ring = async (page: Page) => ((await edited(page)).features[0]!.geometry as Polygon).coordinates[0]!;
const centroid = (r: Position[]) => {
  const open = r.slice(0, -1);
  return [open.reduce((s, p) => s + p[0]!, 0) / open.length, open.reduce((s, p) => s + p[1]!, 0) / open.length];
};
const vertices = (page: Page) => page.getByTestId('edit-feature-figures').locator('.attr-row', { hasText: 'Vertices' }).locator('dd');
const pos = (p: Position) => `${p[0]!.toFixed(6)}° E, ${p[1]!.toFixed(6)}° N`;

test('keyboard reshaping: Insert adds a vertex at the midpoint, Delete removes it (never the ring’s third), Alt+arrow moves the feature 1 m; each one undo step', async ({ page }) => {
  await newFromCoordinates(page, VIEW, FARMLAND_EDGE, 'wgs84');
  const start = await ring(page);
  await page.getByRole('button', { name: 'Reshape' }).click();
  await page.locator('canvas.maplibregl-canvas').first().focus();
  const announcer = page.getByTestId('draw-announcer');
  await page.keyboard.press(']');
  await expect(announcer).toHaveText(`Vertex 1 of 4, ${pos(start[0]!)}`);
  await expect(vertices(page)).toHaveText('4');
  const steps: Position[][] = [start];

  // Insert: halfway (on the ellipsoid) between vertex 1 and vertex 2, and picked.
  await page.keyboard.press('Insert');
  await expect(vertices(page)).toHaveText('5');
  const inserted = await ring(page);
  steps.push(inserted);
  const [a, m, b] = [start[0]!, inserted[1]!, start[1]!];
  const ab = G.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
  expect(Math.abs(G.Inverse(a[1]!, a[0]!, m[1]!, m[0]!).s12! - ab / 2)).toBeLessThan(0.001);
  expect(Math.abs(G.Inverse(m[1]!, m[0]!, b[1]!, b[0]!).s12! - ab / 2)).toBeLessThan(0.001);
  await expect(announcer).toHaveText(`Vertex inserted: vertex 2 of 5, ${pos(m)}`);

  // Delete takes the picked vertex, not the feature: back to the square.
  await page.keyboard.press('Delete');
  await expect(vertices(page)).toHaveText('4');
  expect(await ring(page)).toEqual(start);
  expect((await edited(page)).features).toHaveLength(1);
  await expect(announcer).toHaveText(`Vertex deleted; now at vertex 1 of 4, ${pos(start[0]!)}`);
  steps.push(start);

  // A triangle keeps its three vertices: Backspace is refused, said so, and nothing changes.
  await page.keyboard.press('Backspace');
  await expect(vertices(page)).toHaveText('3');
  steps.push(await ring(page));
  const done = (await edited(page)).done;
  await page.keyboard.press('Delete');
  await expect(announcer).toHaveText('Vertex not deleted: a ring keeps at least 3 different vertices');
  expect((await edited(page)).done).toBe(done);
  expect((await edited(page)).features).toHaveLength(1);
  await expect(vertices(page)).toHaveText('3');

  // Alt+arrow moves the whole feature: its centroid goes 1 m east, then 10 m north with Shift.
  const before = centroid(await ring(page));
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(async () => (await edited(page)).done).toBe(done + 1);
  await expect(announcer).toContainText('moved 1 m east');
  const east = centroid(await ring(page));
  const d = G.Inverse(before[1]!, before[0]!, east[1]!, east[0]!);
  expect(Math.abs(d.s12! - 1)).toBeLessThan(0.001);
  expect(d.azi1!).toBeCloseTo(90, 2);
  steps.push(await ring(page));
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(async () => (await edited(page)).done).toBe(done + 2);
  const north = centroid(await ring(page));
  expect(Math.abs(G.Inverse(east[1]!, east[0]!, north[1]!, north[0]!).s12! - 10)).toBeLessThan(0.001);
  await expect(announcer).toContainText('moved 10 m north');
  await screenshot(page, 'edit-keys-moved');

  // Each of them was one undo step.
  for (let i = steps.length - 1; i >= 0; i--) {
    await page.keyboard.press('Control+z');
    await expect.poll(() => ring(page)).toEqual(steps[i]);
  }
  expect((await edited(page)).done).toBe(1);

  // The help panel lists the keys.
  await page.locator('summary', { hasText: 'Keyboard shortcuts' }).click();
  await expect(page.locator('.key-help')).toContainText('Insert or + adds a vertex after the picked one, Delete or Backspace removes the picked vertex');
  await expect(page.locator('.key-help')).toContainText('Alt+arrow keys move the whole feature 1 m (Alt+Shift: 10 m)');
});

test('dragging a vertex: the feature’s area follows the drag before the release and is the committed one after it', async ({ page }) => {
  await newFromCoordinates(page, VIEW, FARMLAND_EDGE, 'wgs84');
  await page.getByLabel('Snap to vertices and edges of visible layers').uncheck();
  await page.getByRole('button', { name: 'Reshape' }).click();
  await waitForIdle(page);
  await clickAt(page, [113.2065, 35.1655]);
  const area = page.getByTestId('edit-feature-figures').locator('[data-unit="m2"]');
  const startText = await area.innerText();
  expect(startText).toBe(`${Math.round(ellipsoidalArea((await edited(page)).features[0]!.geometry as Polygon)).toLocaleString('en-US')} m²`);
  const done = (await edited(page)).done;

  const from = await screenAt(page, [113.207, 35.166]);
  const to = await screenAt(page, [113.2085, 35.1672]);
  await page.mouse.move(from.x, from.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await expect(area).not.toHaveText(startText);
  const halfway = await area.innerText();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await expect(area).not.toHaveText(halfway);
  // Held, not yet released: no step taken, the figure already the dragged shape's.
  await page.waitForTimeout(200);
  expect((await edited(page)).done).toBe(done);
  const live = await area.innerText();
  await screenshot(page, 'edit-drag-live-figures');
  await page.mouse.up();

  await expect.poll(async () => (await edited(page)).done).toBe(done + 1);
  const committed = ellipsoidalArea((await edited(page)).features[0]!.geometry as Polygon);
  await expect(area).toHaveText(`${Math.round(committed).toLocaleString('en-US')} m²`);
  expect(live).toBe(await area.innerText());
});
