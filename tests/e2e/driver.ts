// The one module the specs use to drive the atlas; it alone imports Playwright and knows the page's hooks.
import { expect, type Page, type ConsoleMessage, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';

const GEODATA = fileURLToPath(new URL('../../geodata/', import.meta.url));

export function bundled(file: string): FeatureCollection {
  return JSON.parse(readFileSync(GEODATA + file, 'utf8')) as FeatureCollection;
}

export function bundledFeature(file: string, id: string): Feature {
  const f = bundled(file).features.find((x) => x.properties?.id === id);
  if (!f) throw new Error(`${id} not in ${file}`);
  return f;
}

/** Console errors (minus SwiftShader's harmless GPU notices) and every request the page makes. */
export class PageWatch {
  readonly errors: string[] = [];
  readonly requests: string[] = [];
  constructor(page: Page) {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' && !/GPU stall|GL Driver Message|WebGL/i.test(m.text())) this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('request', (r: Request) => this.requests.push(r.url()));
  }
  external(): string[] {
    return this.requests.filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|blob:|data:)/.test(u));
  }
}

export async function openAtlas(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 20_000 });
  await waitForIdle(page);
}

/**
 * Opens the atlas (English) with a big layer from the page address (`?data=`), closes the import report once it says
 * the layer was added, waits until the map is idle, and answers the layer's id.
 */
export async function openWithBigLayer(page: Page, file: string): Promise<string> {
  await openAtlas(page, `?lang=en&data=${file}`);
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 90_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  await waitForIdle(page);
  return page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('user-'))!);
}

export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__atlas?.isIdle() === true, null, { timeout: 20_000 });
  // One more frame so queued feature-state and layout changes have been drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function renderedIds(page: Page, layerId: string): Promise<string[]> {
  const ids = await page.evaluate((id) => window.__atlas!.renderedFeatures(id).map((f) => f.id), layerId);
  return [...new Set(ids)].sort();
}

/**
 * Clicks a feature of a bundled layer at a point that lies on it, once the map rests (a click that opened
 * the inspector beside the map resizes it, and a point projected before that lands on another feature).
 */
export async function clickFeature(page: Page, file: string, id: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
  await waitForIdle(page);
  const f = bundledFeature(file, id);
  const p = f.geometry.type === 'Point' ? f.geometry.coordinates : pointOnFeature(f).geometry.coordinates;
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll as [number, number]), p);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not visible');
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  for (const m of modifiers) await page.keyboard.up(m);
}

async function mapPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll), lngLat);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not visible');
  return { x: box.x + xy.x, y: box.y + xy.y };
}

/** Presses a drawing tool's button and waits until its hint says the map listens to clicks. */
export async function startDrawing(page: Page, buttonName: string): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
}

export async function clickMapAt(page: Page, lngLat: [number, number]): Promise<void> {
  const p = await mapPoint(page, lngLat);
  await page.mouse.click(p.x, p.y);
  await page.waitForTimeout(120);
}

export async function dragOnMap(page: Page, from: [number, number], to: [number, number], modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
  const a = await mapPoint(page, from);
  const b = await mapPoint(page, to);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
  for (const m of modifiers) await page.keyboard.up(m);
}

/**
 * The RGB values MapLibre drew on map canvas `canvasIndex` (read back through a 2D copy), flat, every
 * `step`-th pixel of `rect` (CSS pixels; the whole canvas when absent).
 */
export async function canvasRgb(page: Page, canvasIndex = 0, rect?: { x: number; y: number; w: number; h: number }, step = 1): Promise<number[]> {
  return page.evaluate(
    ({ i, rect, step }) => {
      const canvas = document.querySelectorAll<HTMLCanvasElement>('canvas.maplibregl-canvas')[i]!;
      const c = document.createElement('canvas');
      c.width = canvas.width;
      c.height = canvas.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const r = canvas.width / canvas.clientWidth;
      const [x, y, w, h] = rect ? [Math.round(rect.x * r), Math.round(rect.y * r), Math.max(1, Math.round(rect.w * r)), Math.max(1, Math.round(rect.h * r))] : [0, 0, c.width, c.height];
      const d = ctx.getImageData(x, y, w, h).data;
      const out: number[] = [];
      for (let k = 0; k < d.length; k += 4 * step) out.push(d[k]!, d[k + 1]!, d[k + 2]!);
      return out;
    },
    { i: canvasIndex, rect: rect ?? null, step },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png` });
}

export { expect };
