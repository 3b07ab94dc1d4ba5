// Helpers of the editing specs: the edited layer as the store holds it, map positions, a layer made from typed coordinates.
import type { Page } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { expect, openAtlas } from './driver';

export interface EditState {
  layers: Record<string, { data: FeatureCollection; editable?: true; title: { zh: string } }>;
  editing: Record<string, { done: unknown[]; undone: unknown[] }>;
  editLayerId: string | null;
}

export function ellipsoidalArea(g: Polygon): number {
  const p = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of g.coordinates[0]!.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!);
}

export async function editState(page: Page): Promise<EditState> {
  return page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => EditState } }).__atlasStore.getState();
    return { layers: s.layers, editing: s.editing, editLayerId: s.editLayerId };
  });
}

/** The layer being edited; none yet (a copy still on its way) reads as an empty layer, so polls keep polling. */
export async function edited(page: Page): Promise<{ id: string; features: Feature[]; done: number; undone: number }> {
  const s = await editState(page);
  const id = s.editLayerId;
  if (!id || !s.layers[id] || !s.editing[id]) return { id: '', features: [], done: 0, undone: 0 };
  return { id, features: s.layers[id].data.features, done: s.editing[id].done.length, undone: s.editing[id].undone.length };
}

export async function screenAt(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const xy = await page.evaluate((ll) => window.__atlas!.project(ll), lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + xy.x, y: box.y + xy.y };
}

export async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const p = await screenAt(page, lngLat);
  await page.mouse.move(p.x, p.y, { steps: 3 });
  await page.mouse.click(p.x, p.y);
  await page.waitForTimeout(150);
}

/** A new red-line layer (English UI) with one feature typed as coordinates (CGCS2000 GK 3° by default). */
export async function newFromCoordinates(page: Page, query: string, text: string, system: 'gk3' | 'wgs84' = 'gk3'): Promise<void> {
  await openAtlas(page, query);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText('Coordinates', { exact: true }).click();
  if (system === 'wgs84') await page.getByLabel('Coordinate system').selectOption('wgs84');
  await page.getByLabel(/One point per line/).fill(text);
  await page.getByRole('button', { name: 'Add as a new feature' }).click();
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
}

/** A parcel straddling the edge of 永久基本农田 cl-pbf-04 (WGS 84 degrees, one corner per line). */
export const FARMLAND_EDGE = '113.2060, 35.1650\n113.2070, 35.1650\n113.2070, 35.1660\n113.2060, 35.1660';
