// Helpers for the datum-parameter specs: import a fixture through the real file input, fill the
// datum-parameter fields with the keyboard, and ask the map what is drawn at a lon/lat.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, waitForIdle } from './driver';

const DATUM = fileURLToPath(new URL('../fixtures/datum/', import.meta.url));

export interface DatumReference {
  noShift: [number, number][];
  helmert7: { params: { dx: number; dy: number; dz: number; rx: number; ry: number; rz: number; ppm: number }; positionVector: [number, number][]; coordinateFrame: [number, number][] };
  planar4: { params: { dx: number; dy: number; rotation: number; ppm: number }; wgs84: [number, number][] };
}

/** PROJ's positions (cs2cs / cct), tests/fixtures/datum/reference.json. */
export const REF = JSON.parse(readFileSync(DATUM + 'reference.json', 'utf8')) as DatumReference;

/** The middle of the first parcel (its four corners are the first four reference points). */
export function firstParcelMiddle(corners: [number, number][]): [number, number] {
  const four = corners.slice(0, 4);
  return [four.reduce((s, p) => s + p[0], 0) / 4, four.reduce((s, p) => s + p[1], 0) / 4];
}

export async function importDatumFixture(page: Page, name: string): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(DATUM + name);
}

/** Clicks in a text field and types the value as a person would (select what is there, type over it). */
export async function typeInto(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(value);
  await field.press('Tab');
}

/** Clicks the map at a lon/lat (the report closed first, so nothing covers the map). */
export async function clickMapAtLonLat(page: Page, lngLat: [number, number]): Promise<void> {
  await waitForIdle(page);
  // The fit to the new layer may still be under way: wait until the point stays put on screen.
  let xy = await page.evaluate((ll) => window.__atlas!.project(ll), lngLat);
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    const next = await page.evaluate((ll) => window.__atlas!.project(ll), lngLat);
    if (Math.abs(next.x - xy.x) < 0.5 && Math.abs(next.y - xy.y) < 0.5) break;
    xy = next;
  }
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  await page.waitForTimeout(150);
}

/** The value of `field` of the feature a click there opens in the inspector, or null when it hits nothing. */
export async function featureAt(page: Page, lngLat: [number, number], field: string): Promise<string | null> {
  await clickMapAtLonLat(page, lngLat);
  const inspector = page.locator('.inspector');
  if (!(await inspector.isVisible())) return null;
  const row = inspector.locator('.attr-row', { hasText: field }).locator('dd');
  // Another layer's feature (a bundled area under the point) has no such field.
  const value = (await row.count()) ? await row.first().textContent() : null;
  await inspector.locator('.inspector-head').getByRole('button').click();
  await expect(inspector).toBeHidden();
  return value?.trim() ?? null;
}
