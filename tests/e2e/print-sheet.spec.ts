// The red-line workflow's last step: the 三区三线 check of a drawn red line printed as a one-page sheet —
// the map of the parcel with the check's findings under it. The PDF is read back with poppler.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureCollection, intersect } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { bundled, expect } from './driver';
import { edited, ellipsoidalArea, FARMLAND_EDGE, newFromCoordinates } from './edit-driver';
import { create, pdfInfo } from './print-driver';

test.describe.configure({ timeout: 300_000 });
test.use({ viewport: { width: 1400, height: 900 } });

test('a red line over farmland prints as a one-page compliance sheet with the overlap and the verdict as text', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en#map=16.5/35.1655/113.2065', FARMLAND_EDGE, 'wgs84');
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill('Resettlement housing phase 1');
  await name.press('Enter');
  await expect.poll(async () => (await edited(page)).features[0]?.properties?.['XMMC']).toBe('Resettlement housing phase 1');
  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByRole('radio', { name: /A whole layer/ }).check();
  await page.getByRole('combobox', { name: 'A whole layer' }).selectOption((await edited(page)).id);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const pbf = bundled('control-lines.geojson').features.find((f) => f.properties?.['id'] === 'cl-pbf-04')!;
  const red = (await edited(page)).features[0]!;
  const overlap = ellipsoidalArea(intersect(featureCollection([red as Feature<Polygon>, pbf as Feature<Polygon>]))!.geometry as Polygon);
  const farmland = page.getByTestId('comp-farmland');
  await expect(farmland).toContainText(`overlaps ${Math.round(overlap).toLocaleString('en-US')} m²`);
  const panelText = (await farmland.innerText()).replace(/^overlaps\s*/, '');

  await page.getByRole('button', { name: 'Print the compliance sheet (one page)' }).click();
  const dialog = page.getByRole('dialog', { name: /Print map/ });
  await expect(dialog.getByTestId('print-summary')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByLabel('三区三线 compliance sheet (one page: the findings under the map)')).toBeChecked();
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Resettlement housing phase 1: 三区三线 compliance check');
  await dialog.getByLabel('Paper').selectOption('A4');
  await dialog.getByLabel('Portrait').check();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join('test-results', 'print-sheet-dialog.png') });
  const download = await create(page, dialog, 'Create file');
  const file = join('test-results', 'print-sheet.pdf');
  copyFileSync((await download.path())!, file);
  expect(pdfInfo(file)['Pages']).toBe('1');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const s of ['三区三线 compliance sheet', 'Resettlement housing phase 1', 'Permanent basic farmland', 'Urban development boundary', 'Verdict', 'Site area', ' mu']) 
    expect(text).toContain(s);
  // The sheet's overlap is the panel's, figure for figure.
  expect(text).toContain(panelText.replace(/\s+/g, ' ').trim());
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join('test-results', 'print-sheet-page')]);
});
