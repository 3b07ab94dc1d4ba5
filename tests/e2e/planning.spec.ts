import { test, type Page } from '@playwright/test';
import { booleanPointInPolygon, featureCollection, intersect, pointOnFeature } from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { bundled, bundledFeature, canvasRgb, clickFeature, expect, openAtlas, screenshot, waitForIdle } from './driver';

const BACKGROUND = [244, 241, 234];

/** The colour MapLibre drew at a map coordinate (read back from the WebGL canvas). */
async function pixelAt(page: Page, lngLat: Position, canvasIndex = 0): Promise<number[]> {
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), lngLat);
  return canvasRgb(page, canvasIndex, { x: xy.x, y: xy.y, w: 1, h: 1 });
}

function blend(rgb: number[], alpha: number): number[] {
  return rgb.map((v, i) => v * alpha + BACKGROUND[i]! * (1 - alpha));
}

function near(a: number[], b: number[], tol = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}

async function onlyLayer(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Layers' }).click();
  const boxes = page.getByRole('region', { name: 'Layers' }).getByRole('checkbox', { name: /^Show / });
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const label = await box.getAttribute('aria-label');
    if (label === `Show ${name}`) await box.check();
    else await box.uncheck();
  }
  await waitForIdle(page);
}

async function centerOn(page: Page, p: Position): Promise<void> {
  await page.evaluate((ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 14, instant: true }), p);
  await waitForIdle(page);
}

function interior(f: Feature): Position {
  return pointOnFeature(f).geometry.coordinates;
}

test('planned land use draws in the national colours and the legend lists its classes', async ({ page }) => {
  await openAtlas(page, '?lang=en#map=13.00/35.18/113.27');
  await onlyLayer(page, 'Land use (planned)');
  const housing = bundledFeature('landuse-planned.geojson', 'lu-pln-002'); // 0701 城镇住宅用地 255,255,45
  const industry = bundledFeature('landuse-planned.geojson', 'lu-pln-006'); // 1001 工业用地 187,150,116
  await centerOn(page, interior(housing));
  expect(near(await pixelAt(page, interior(housing)), blend([255, 255, 45], 0.85))).toBe(true);
  await centerOn(page, interior(industry));
  expect(near(await pixelAt(page, interior(industry)), blend([187, 150, 116], 0.85))).toBe(true);
  const legend = page.getByRole('list', { name: 'Land use (planned) legend' });
  await expect(legend).toContainText('0701 Urban housing');
  await expect(legend).toContainText('1001 Industry');
  await expect(legend).toContainText('16 Reserved land');
  await screenshot(page, 'landuse-planned');
});

test('the compliance sheet of a parcel over farmland shows the overlap in 亩', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-resettle-d');
  await page.getByRole('tab', { name: '规划' }).click();
  await page.getByRole('button', { name: '审查', exact: true }).click();
  const sheet = page.getByTestId('compliance-sheet');
  // Independent reference: turf intersection of the parcel with each farmland polygon, GeographicLib area.
  const parcel = bundledFeature('ppp-parcels.geojson', 'pp-resettle-d') as Feature<Polygon>;
  const farmland = bundled('control-lines.geojson').features.filter((f) => f.properties?.kind === 'permanent_basic_farmland') as Feature<Polygon | MultiPolygon>[];
  let m2 = 0;
  for (const f of farmland) {
    const piece = intersect(featureCollection([parcel, f]));
    if (!piece) continue;
    const polys = piece.geometry.type === 'Polygon' ? [piece.geometry.coordinates] : piece.geometry.coordinates;
    for (const poly of polys)
      poly.forEach((ring, k) => {
        const p = geographiclib.Geodesic.WGS84.Polygon(false);
        for (const pt of ring.slice(0, -1)) p.AddPoint(pt[1]!, pt[0]!);
        const a = Math.abs(p.Compute(false, true).area ?? 0);
        m2 += k === 0 ? a : -a;
      });
  }
  expect(m2).toBeGreaterThan(1000);
  const mu = Math.round((m2 / (10000 / 15)) * 1) / 1;
  const shown = (await sheet.getByTestId('comp-farmland').textContent())!;
  const shownMu = Number(/([\d,.]+) 亩/.exec(shown)![1]!.replace(/,/g, ''));
  expect(Math.abs(shownMu - mu) / mu).toBeLessThan(0.005);
  await expect(sheet.getByTestId('comp-boundary')).toContainText('部分位于边界外');
  await expect(sheet.getByTestId('comp-verdict')).toContainText('永久基本农田');
  await screenshot(page, 'compliance-resettle-d');
});

test('the swipe shows 现状 left of the divider and 规划 right of it', async ({ page }) => {
  await openAtlas(page, '?lang=en#map=13.00/35.18/113.27');
  await onlyLayer(page, 'Land use (current)');
  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByRole('button', { name: 'Start swipe comparison' }).click();
  const divider = page.getByRole('slider', { name: 'Swipe divider position' });
  await expect(divider).toBeVisible();
  // A place whose class differs between the two versions.
  const cur = bundled('landuse-current.geojson').features;
  const pln = bundled('landuse-planned.geojson').features;
  let spot: Position | null = null;
  for (const f of pln) {
    const p = interior(f);
    const c = cur.find((g) => booleanPointInPolygon(p, g as Feature<Polygon>));
    if (c && c.properties?.YDYHFLDM === '0103' && f.properties?.YDYHFLDM === '0701') {
      spot = p;
      break;
    }
  }
  expect(spot).not.toBeNull();
  await centerOn(page, spot!);
  const dryland = blend([245, 248, 220], 0.85);
  const housing = blend([255, 255, 45], 0.85);
  // Divider right of the spot: the spot shows 现状 (旱地).
  await divider.focus();
  await page.keyboard.press('End');
  await waitForIdle(page);
  expect(near(await pixelAt(page, spot!, 0), dryland)).toBe(true);
  // Divider left of the spot: the right-hand map (规划) shows there (城镇住宅用地).
  await page.keyboard.press('Home');
  await page.waitForTimeout(300);
  expect(near(await pixelAt(page, spot!, 1), housing)).toBe(true);
  const clip = await page.locator('.compare-map').evaluate((el) => getComputedStyle(el).clipPath);
  expect(clip).toContain('inset(0');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '2');
  await screenshot(page, 'swipe');
});
