// The window layout at the sizes planners use: the map keeps most of the window, panels collapse with their
// toggles (mouse), and camera fits put their target in the part of the map no panel covers.
import { test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { bboxOfFeature } from '../../src/app/feature-bbox';
import { bundledFeature, clickFeature, expect, openAtlas, screenshot, waitForIdle } from './driver';

type Box = [number, number, number, number];
interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const DISTRICT: Box = [113.126, 35.103, 113.351, 35.22];
const JINSHA = bboxOfFeature(bundledFeature('ppp-parcels.geojson', 'pp-jinsha'))!;
const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
  { width: 390, height: 844 },
];

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

async function mapRect(page: Page): Promise<Rect> {
  const b = (await page.getByTestId('map').boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

/** Rectangles of the panels that lie over the map (sheets, floating inspector). */
async function panelRects(page: Page): Promise<Rect[]> {
  return page.locator('[data-covers-map]').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
}

/** The box's corners on screen, projected by the map. */
async function cornersOnScreen(page: Page, b: Box): Promise<{ x: number; y: number }[]> {
  const map = await mapRect(page);
  const corners: [number, number][] = [
    [b[0], b[1]],
    [b[2], b[1]],
    [b[2], b[3]],
    [b[0], b[3]],
  ];
  const xy = await page.evaluate((cs) => cs.map((c) => window.__atlas!.project(c)), corners);
  return xy.map((p) => ({ x: map.left + p.x, y: map.top + p.y }));
}

const inside = (p: { x: number; y: number }, r: Rect) => p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom;

/** Every corner of the box lies on the map and outside every panel over it. */
async function expectUncovered(page: Page, b: Box): Promise<void> {
  const map = await mapRect(page);
  const panels = await panelRects(page);
  for (const c of await cornersOnScreen(page, b)) {
    expect(inside(c, map), `corner ${c.x.toFixed(0)},${c.y.toFixed(0)} on the map ${JSON.stringify(map)}`).toBe(true);
    for (const p of panels) expect(inside(c, p), `corner ${c.x.toFixed(0)},${c.y.toFixed(0)} clear of panel ${JSON.stringify(p)}`).toBe(false);
  }
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the first view fits the district to the map, with no sideways scrolling`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAtlas(page, '?lang=zh');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectUncovered(page, DISTRICT);
    // A fit, not merely somewhere in view: the district spans most of the map's width or height.
    const [sw, , ne] = await cornersOnScreen(page, DISTRICT);
    const map = await mapRect(page);
    const share = Math.max((ne!.x - sw!.x) / (map.right - map.left), (sw!.y - ne!.y) / (map.bottom - map.top));
    expect(share).toBeGreaterThan(0.6);
    if (size.width < 600) {
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      expect((canvas.width * canvas.height) / (size.width * size.height)).toBeGreaterThan(0.75);
      expect(canvas.width).toBe(size.width);
      const header = (await page.locator('.topbar').boundingBox())!;
      expect(header.height).toBeLessThan(90);
    }
    await screenshot(page, `layout-first-view-${size.width}`);
  });
}

test('at 1024×700 the sidebar and the floating inspector fold away with their buttons', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=en');
  const sidebarToggle = page.getByRole('button', { name: 'Layers and tools' });
  await expect(sidebarToggle).toHaveAttribute('aria-expanded', 'true');
  const narrow = (await mapRect(page)).right - (await mapRect(page)).left;
  await sidebarToggle.click();
  await expect(page.getByRole('tablist', { name: 'Sidebar' })).toHaveCount(0);
  await expect(sidebarToggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await mapRect(page)).right - (await mapRect(page)).left).toBe(1024);
  await sidebarToggle.click();
  await expect(page.getByRole('tab', { name: 'Layers' })).toBeVisible();
  await expect.poll(async () => (await mapRect(page)).right - (await mapRect(page)).left).toBe(narrow);

  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  const inspector = page.getByRole('dialog', { name: /Jinsha/ });
  await expect(inspector).toBeVisible();
  // It floats over the map's right edge: the map keeps its width.
  const box = (await inspector.boundingBox())!;
  const map = await mapRect(page);
  expect(box.x + box.width).toBeLessThanOrEqual(map.right);
  expect(box.x).toBeGreaterThan(map.left);
  expect(map.right - map.left).toBe(narrow);
  await screenshot(page, 'layout-inspector-1024');
  const details = page.getByRole('button', { name: 'Feature details', exact: true });
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await details.click();
  await expect(inspector).toHaveCount(0);
  await details.click();
  await expect(inspector).toBeVisible();
});

test('at 1024×700 "zoom to selection" fits the selection beside the inspector and above the table sheet', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=en');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await expect(page.getByRole('dialog', { name: /Jinsha/ })).toBeVisible();
  await page.getByRole('button', { name: 'Attribute table' }).click();
  const sheet = page.getByRole('region', { name: 'Attribute table' });
  await expect(sheet).toBeVisible();
  // Resize the sheet by dragging its top edge with the mouse.
  const grip = page.getByRole('separator', { name: 'Attribute table height' });
  const g = (await grip.boundingBox())!;
  const before = (await page.locator('.table-sheet').boundingBox())!.height;
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2, g.y - 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await page.locator('.table-sheet').boundingBox())!.height - before)).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Zoom to selection' }).click();
  await waitForIdle(page);
  await expectUncovered(page, JINSHA);
  await screenshot(page, 'layout-zoom-selection-1024');
});

test('on a phone the panels are full-width sheets over the map, one at a time; search flies above the sheet', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page, '?lang=en');
  const toggle = page.getByRole('button', { name: 'Layers and tools' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('tablist', { name: 'Sidebar' })).toHaveCount(0);
  await toggle.click();
  const tabs = page.getByRole('tablist', { name: 'Sidebar' });
  await expect(tabs).toBeVisible();
  const sheet = (await page.locator('#side-panel').boundingBox())!;
  const map = await mapRect(page);
  expect(sheet.x).toBe(0);
  expect(sheet.width).toBe(390);
  expect(sheet.y).toBeGreaterThan(map.top + (map.bottom - map.top) * 0.3);
  await page.getByRole('tab', { name: 'Filter' }).click();
  await expect(page.getByRole('tab', { name: 'Filter' })).toHaveAttribute('aria-selected', 'true');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'layout-phone-sidebar');
  await toggle.click();
  await expect(tabs).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Search features' }).fill('jinsha');
  await page.getByRole('option', { name: /Jinsha/ }).first().click();
  const inspector = page.getByRole('dialog', { name: /Jinsha/ });
  await expect(inspector).toBeVisible();
  await waitForIdle(page);
  const ib = (await inspector.boundingBox())!;
  expect(ib.width).toBeGreaterThan(385);
  await expectUncovered(page, JINSHA);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'layout-phone-inspector');
  // Opening the sidebar sheet folds the inspector sheet away.
  await toggle.click();
  await expect(tabs).toBeVisible();
  await expect(inspector).toHaveCount(0);
});

test('at 1400×900 search flies to its result beside the inspector, which opens next to the map', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh#map=14/35.11/113.14');
  await page.getByRole('combobox', { name: '搜索要素' }).fill('jinsha');
  await page.getByRole('option', { name: /金沙/ }).first().click();
  const inspector = page.getByRole('dialog', { name: /金沙/ });
  await expect(inspector).toBeVisible();
  await waitForIdle(page);
  // Beside the map, not over it.
  expect((await inspector.boundingBox())!.x).toBeGreaterThanOrEqual((await mapRect(page)).right - 1);
  await expectUncovered(page, JINSHA);
  await screenshot(page, 'layout-search-1400');
});

for (const lang of ['zh', 'en'] as const) {
  test(`the phone's sheets and toggles pass axe (serious and critical rules), ${lang}`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openAtlas(page, `?lang=${lang}`);
    const problems: string[] = [];
    const check = async (state: string, skip: string[] = []) => {
      const result = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').disableRules(skip).analyze();
      for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${state}: ${v.id} ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(' | ')}`);
    };
    await check('closed');
    await page.getByRole('button', { name: lang === 'zh' ? '图层与工具' : 'Layers and tools' }).click();
    await check('sidebar');
    await page.getByRole('button', { name: lang === 'zh' ? '属性表' : 'Attribute table', exact: true }).click();
    await expect(page.getByRole('separator')).toBeVisible();
    // The table body itself has no keyboard stop yet (its rows become keyboard-selectable on their own).
    await check('table', ['scrollable-region-focusable']);
    expect(problems).toEqual([]);
  });
}
