// An edited red line exported through the Export dialog and brought back through the atlas's own import:
// the zipped Shapefile keeps the vertices and the 项目名称 / 用地用海 fields, the 国土TXT keeps the typed
// Gauss–Krüger metres, the name as 地块名称 and the class code as 地类编码.
import { test, type Page } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import { unzipSync } from 'fflate';
import type { Feature, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { expect } from './driver';
import { edited, newFromCoordinates, type EditState } from './edit-driver';

test.use({ viewport: { width: 1400, height: 900 } });

// A five-cornered parcel typed in CGCS2000 GK 3° zone 38 (north, east with the zone prefix), to the millimetre.
const TYPED: [string, string][] = [
  ['3894800.125', '38431600.250'],
  ['3894801.500', '38431712.375'],
  ['3894870.000', '38431740.000'],
  ['3894905.875', '38431655.125'],
  ['3894880.000', '38431598.500'],
];
const NAME = '示范区安置房项目（二期）';

async function makeRedLine(page: Page): Promise<Feature> {
  await newFromCoordinates(page, '?lang=en#map=16/35.18/113.2495', TYPED.map(([n, e]) => `${n}, ${e}`).join('\n'));
  const editor = page.getByTestId('attribute-editor');
  await editor.getByLabel('Project name').fill(NAME);
  await editor.getByLabel('Project name').press('Enter');
  await editor.getByLabel('Land-use class code').fill('0701');
  await editor.getByLabel('Land-use class code').press('Enter');
  await expect.poll(async () => (await edited(page)).features[0]?.properties).toMatchObject({ XMMC: NAME, YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地' });
  return (await edited(page)).features[0]!;
}

async function exportAs(page: Page, layerId: string, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Export whole layer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export features' });
  await dialog.getByRole('combobox').first().selectOption(layerId);
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  await expect(dialog).toContainText('1 feature will be exported');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** Imports a file through the Layers tab's file input and answers the features of the layer it added. */
async function importBack(page: Page, file: { name: string; bytes: Buffer }, mimeType: string): Promise<Feature[]> {
  await page.getByRole('tab', { name: 'Layers' }).click();
  const before = await userLayers(page);
  await page.getByTestId('import-input').setInputFiles({ name: file.name, mimeType, buffer: file.bytes });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added');
  await report.getByRole('button', { name: /Close/ }).click();
  const added = (await userLayers(page)).filter((l) => !before.some((b) => b.id === l.id));
  expect(added).toHaveLength(1);
  await page.getByRole('tab', { name: 'Edit' }).click();
  return added[0]!.features;
}

async function userLayers(page: Page): Promise<{ id: string; features: Feature[] }[]> {
  return page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState: () => EditState & { order: string[] } } }).__atlasStore.getState();
    return s.order.filter((id) => id.startsWith('user-')).map((id) => ({ id, features: s.layers[id]!.data.features }));
  });
}

/** Each vertex of `got` within `metres` (GeographicLib distance) of the same vertex of `want`. */
function sameRing(got: Feature, want: Feature, metres: number): void {
  const a = (got.geometry as Polygon).coordinates[0]!;
  const b = (want.geometry as Polygon).coordinates[0]!;
  expect(got.geometry.type).toBe('Polygon');
  expect(a).toHaveLength(b.length);
  // Same ring, read from the same corner or from another (a writer may start the ring elsewhere).
  const start = a.findIndex((p) => geographiclib.Geodesic.WGS84.Inverse(p[1]!, p[0]!, b[0]![1]!, b[0]![0]!).s12! < metres);
  expect(start).toBeGreaterThanOrEqual(0);
  const open = a.slice(0, -1);
  const rotated = [...open.slice(start), ...open.slice(0, start), open[start]!];
  rotated.forEach((p, i) => expect(geographiclib.Geodesic.WGS84.Inverse(p[1]!, p[0]!, b[i]![1]!, b[i]![0]!).s12!).toBeLessThan(metres));
}

test('an edited red line exported as a zipped Shapefile imports back with its vertices, 项目名称 and 用地用海 class', async ({ page }) => {
  const red = await makeRedLine(page);
  const layer = await edited(page);
  const shp = await exportAs(page, layer.id, 'Shapefile (.zip)');
  expect(shp.name).toMatch(/\.zip$/);
  // The zip as the exporter writes it: a UTF-8 .cpg, and the dbf holding the Chinese values as UTF-8 bytes.
  const parts = unzipSync(new Uint8Array(shp.bytes));
  const cpg = Object.keys(parts).find((k) => k.endsWith('.cpg'))!;
  expect(new TextDecoder().decode(parts[cpg]).trim()).toBe('UTF-8');
  const dbf = Buffer.from(parts[Object.keys(parts).find((k) => k.endsWith('.dbf'))!]!);
  expect(dbf.includes(Buffer.from(NAME, 'utf8'))).toBe(true);

  const back = await importBack(page, shp, 'application/zip');
  expect(back).toHaveLength(1);
  sameRing(back[0]!, red, 0.001);
  expect(back[0]!.properties).toMatchObject({ XMMC: NAME, YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地' });
});

test('an edited red line exported as 国土TXT holds the typed GK metres and imports back with 地块名称 and 地类编码', async ({ page }) => {
  const red = await makeRedLine(page);
  const layer = await edited(page);
  const txt = await exportAs(page, layer.id, '国土TXT（界址点坐标）');
  expect(txt.name).toMatch(/\.txt$/);
  const text = txt.bytes.toString('utf8');
  expect(text).toContain('带号=38');
  expect(text).toContain('精度=0.001');
  // 界址点 lines are J<n>,<圈号>,<north>,<east>: the typed corners, each once, plus the closing repeat of the first.
  const points = [...text.matchAll(/^J\d+,1,([\d.]+),([\d.]+)$/gm)].map((m) => [m[1]!, m[2]!] as [string, string]);
  expect(points).toHaveLength(TYPED.length + 1);
  expect(points[0]).toEqual(points[points.length - 1]);
  expect(points.slice(0, -1).map((p) => p.join()).sort()).toEqual(TYPED.map((p) => p.join()).sort());
  const record = text.split(/\r\n/).find((l) => l.endsWith(',@'))!;
  expect(record.split(',')[3]).toBe(NAME);
  expect(record.split(',')[7]).toBe('0701');

  const back = await importBack(page, txt, 'text/plain');
  expect(back).toHaveLength(1);
  // The file keeps metres to 3 decimals: at most half a millimetre off on each axis.
  sameRing(back[0]!, red, 0.0005 * Math.SQRT2);
  expect(back[0]!.properties).toMatchObject({ 地块名称: NAME, 地类编码: '0701' });
});
