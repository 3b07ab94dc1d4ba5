// A project file keeps a big layer too: the worker writes its 25 000 parcels into the project, and a fresh
// browser opening the file has the worker read them back, with the layer's id, title, colour and filter zone.
import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { expect, openAtlas, screenshot, waitForIdle } from './driver';
import { importParcels25000 } from './big-driver';

type Store = { __atlasStore: { getState: () => { order: string[]; layers: Record<string, { title: { en: string }; style: { color: string }; remote?: { count: number } }> } } };

test('a big layer is saved in the project file and opens from it in a fresh browser', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openAtlas(page, '?lang=en');
  const parcels = await importParcels25000(page);
  const id = await page.evaluate(() => (window as unknown as Store).__atlasStore.getState().order.find((o) => (window as unknown as Store).__atlasStore.getState().layers[o]!.remote)!);
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.getByLabel('parcels-25000 colour').fill('#123456');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: 'Save project' }).click()]);
  const bytes = readFileSync((await download.path())!);
  await expect(page.getByTestId('project-report')).not.toContainText('not stored');

  // The file holds every parcel, as plain GeoJSON any GIS reads.
  const zip = unzipSync(new Uint8Array(bytes));
  const manifest = JSON.parse(strFromU8(zip['project.json']!)) as { layers: { id: string; file: string; big?: { count: number } }[] };
  const entry = manifest.layers.find((l) => l.id === id)!;
  expect(entry.big).toEqual({ count: 25_000 });
  const saved = JSON.parse(strFromU8(zip[entry.file]!)) as FeatureCollection;
  expect(saved.features.length).toBe(parcels.length);
  expect(saved.features[123]!.geometry).toEqual(parcels[123]!.geometry);

  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page2 = await other.newPage();
  await openAtlas(page2, '?lang=en');
  await page2.getByTestId('project-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: bytes });
  await expect(page2.getByTestId('project-report')).toContainText(`Opened ${download.suggestedFilename()}`, { timeout: 90_000 });
  const back = await page2.evaluate((lid) => (window as unknown as Store).__atlasStore.getState().layers[lid], id);
  expect(back?.remote?.count).toBe(25_000);
  expect(back?.style.color).toBe('#123456');
  expect(back?.title.en).toBe('parcels-25000');
  await waitForIdle(page2);
  await screenshot(page2, 'big-layer-project');
  await other.close();
});
