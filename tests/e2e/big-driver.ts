// Helpers of the big-layer specs: the 25 000-parcel file imported through the file input, a view on one parcel.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { expect, waitForIdle } from './driver';

// Written into dist/ by the test command (npm run gen:parcels).
const PATH = fileURLToPath(new URL('../../dist/parcels-25000.geojson', import.meta.url));

/** Imports the 25 000 parcels as a planner does (the file input), closes the report; returns the parcels. */
export async function importParcels25000(page: Page): Promise<Feature<Polygon>[]> {
  const text = readFileSync(PATH, 'utf8');
  const parcels = (JSON.parse(text) as FeatureCollection<Polygon>).features;
  await page.getByTestId('import-input').setInputFiles({ name: 'parcels-25000.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 90_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  return parcels;
}

/** Set-up: the view at zoom 17 on a parcel's vertex mean (through the store); returns that point. */
export async function viewParcel(page: Page, parcel: Feature<Polygon>): Promise<[number, number]> {
  const ring = parcel.geometry.coordinates[0]!.slice(0, -1);
  const centre: [number, number] = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
  await page.evaluate((ll) => (window as unknown as { __atlasStore: { getState: () => { requestCamera: (r: object) => void } } }).__atlasStore.getState().requestCamera({ center: ll, zoom: 17, instant: true }), centre);
  await waitForIdle(page);
  return centre;
}
