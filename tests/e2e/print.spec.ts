// 专题制图 as a planner uses it: the top bar's 出图 button, the dialog's choices, then the file. The PDF is
// read with poppler (pdfinfo, pdftotext, pdftoppm), the PNG's size and pHYs with its chunks.
import { test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundled, clickFeature, expect, openAtlas, PageWatch, waitForIdle } from './driver';
import { create, differingPixels, openDialog, pdfInfo, selectionBlobs } from './print-driver';
import geographiclib from 'geographiclib-geodesic';
import { dpiOf } from '../../src/print/png-dpi';

const OUT = 'test-results';

test.describe.configure({ timeout: 300_000 });

test('an A3 landscape PDF of the current view: exact page size, title, legend and notes as real text', async ({ page }) => {
  const watch = new PageWatch(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  await waitForIdle(page);
  const dialog = await openDialog(page, '出图');
  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('标题', { exact: true }).fill('焦作市城乡一体化示范区新型城镇化规划图');
  await dialog.getByLabel('编制单位').fill('示范区规划局');
  await expect(dialog.getByTestId('print-summary')).toContainText('420 × 297 毫米');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, 'print-dialog-zh.png') });
  const download = await create(page, dialog, '生成文件');
  expect(download.suggestedFilename()).toMatch(/-A3-landscape-150dpi\.pdf$/);
  const file = join(OUT, 'print-a3.pdf');
  copyFileSync((await download.path())!, file);
  const info = pdfInfo(file);
  expect(info['Page size']).toMatch(/^1190\.55 x 841\.89 pts/);
  expect(info['Pages']).toBe('1');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const s of ['焦作市城乡一体化示范区新型城镇化规划图', '编制单位：示范区规划局', '图例', '示意数据', '比例尺 1:']) expect(text).toContain(s);
  execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', file, join(OUT, 'print-a3-page')]);
  await expect(dialog.getByRole('status').filter({ hasText: '已生成' })).toBeVisible();
  // The font, the subsetter and the map all come from the page's own origin; nothing is logged as an error.
  expect(watch.external()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('a PNG at 96 dpi records its resolution and has the page size in pixels', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  const dialog = await openDialog(page, 'Print map');
  await dialog.getByLabel('Resolution').selectOption('96');
  await dialog.getByRole('radio', { name: 'PNG' }).check();
  await dialog.getByLabel('Title', { exact: true }).fill('Jiaozuo demonstration zone');
  const download = await create(page, dialog, 'Create file');
  const file = join(OUT, 'print-a4.png');
  copyFileSync((await download.path())!, file);
  const png = new Uint8Array(readFileSync(file));
  const view = new DataView(png.buffer, png.byteOffset);
  // A4 landscape, 297 × 210 mm at 96 dpi.
  expect([view.getUint32(16), view.getUint32(20)]).toEqual([Math.round((297 / 25.4) * 96), Math.round((210 / 25.4) * 96)]);
  expect(dpiOf(png)).toBeCloseTo(96, 1);
});

test('at a fixed 1:10 000, two selected villages lie as far apart on paper as on the ground, drawn in the selection colour', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  const a = [113.220561, 35.12981];
  const b = [113.210518, 35.129324];
  await page.evaluate(([a, b]) => {
    const store = (window as unknown as { __atlasStore: { getState: () => { setSelection: (r: unknown[]) => void; setView: (v: unknown, o: string) => void } } }).__atlasStore;
    store.getState().setSelection([{ layerId: 'villages', featureId: 'vl-047' }, { layerId: 'villages', featureId: 'vl-049' }]);
    store.getState().setView({ center: [(a![0]! + b![0]!) / 2, (a![1]! + b![1]!) / 2], zoom: 14 }, 'app');
  }, [a, b]);
  await waitForIdle(page);
  const dialog = await openDialog(page, 'Print map');
  await dialog.getByLabel('Resolution').selectOption('96');
  await dialog.getByRole('radio', { name: 'Fixed scale (centred on the view)' }).check();
  await dialog.getByLabel('Scale denominator (1:N)').fill('10000');
  for (const off of ['Legend', 'Overview map']) await dialog.getByRole('checkbox', { name: off }).uncheck();
  await dialog.getByRole('radio', { name: 'PNG' }).check();
  await expect(dialog.getByTestId('print-summary')).toContainText('scale 1:10,000');
  const download = await create(page, dialog, 'Create file');
  const png = readFileSync((await download.path())!);
  copyFileSync((await download.path())!, join(OUT, 'print-scale-10000.png'));
  const blobs = await selectionBlobs(page, png);
  expect(blobs).toHaveLength(2);
  const pixels = Math.hypot(blobs[0]![0] - blobs[1]![0], blobs[0]![1] - blobs[1]![1]);
  // GeographicLib: 917.56 m between vl-047 and vl-049; at 1:10 000 and 96 dpi one pixel is 2.6458 m.
  const metres = geographiclib.Geodesic.WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
  const onPaper = pixels * (25.4 / 96) / 1000 * 10000;
  expect(Math.abs(onPaper - metres) / metres).toBeLessThan(0.01);
});

test('the dialog is usable on a phone and passes axe; an English A4 portrait lists the legend of what it shows', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  const dialog = await openDialog(page, 'Print map');
  const result = await new AxeBuilder({ page }).include('[role=dialog]').analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.getByRole('radio', { name: 'Portrait' }).check();
  await dialog.getByLabel('Printed language').selectOption('en');
  await dialog.getByRole('button', { name: 'Create file' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'print-dialog-phone.png') });
  const download = await create(page, dialog, 'Create file');
  const file = join(OUT, 'print-a4-portrait.pdf');
  copyFileSync((await download.path())!, file);
  expect(pdfInfo(file)['Page size']).toMatch(/^595\.276 x 841\.89 pts \(A4\)/);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  // Layers drawn at the phone's district view, in English.
  for (const s of ['Legend', 'Key projects', 'Beautiful villages', 'Schematic data', 'Scale 1:']) expect(text).toContain(s);
  // Escape closes the dialog and gives the map back.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('a Gauss–Krüger frame names EPSG:4547; Cancel stops an A3 300 dpi job and says so', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  await waitForIdle(page);
  const dialog = await openDialog(page, '出图');
  await dialog.getByLabel('坐标框单位').selectOption('gk');
  await dialog.getByLabel('分辨率').selectOption('96');
  const download = await create(page, dialog, '生成文件');
  const file = join(OUT, 'print-gk.pdf');
  copyFileSync((await download.path())!, file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('EPSG:4547');
  // Eastings around 430 000 m and northings around 3 890 000 m in Jiaozuo (CM 114°E).
  expect(text).toMatch(/4[0-9]{2} 000/);
  expect(text).toMatch(/3 89[0-9] 000/);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', file, join(OUT, 'print-gk-page')]);

  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('分辨率').selectOption('300');
  await expect(dialog.getByTestId('print-summary')).toContainText('300 dpi');
  await dialog.getByRole('button', { name: '生成文件' }).click();
  await expect(dialog.getByRole('progressbar', { name: '出图进度' })).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '已取消出图' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('button', { name: '生成文件' })).toBeEnabled();
});

test('打印所选 prints the clicked feature: the extent is the selection and the legend lists its layer', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openAtlas(page, '?lang=zh');
  await waitForIdle(page);
  await clickFeature(page, 'featured-towns.geojson', bundled('featured-towns.geojson').features[0]!.properties!.id as string);
  await expect(page.getByTestId('selection-count')).toContainText('1');
  const dialog = await openDialog(page, '打印所选');
  await expect(dialog.getByRole('radio', { name: '所选要素' })).toBeChecked();
  const download = await create(page, dialog, '生成文件');
  const file = join(OUT, 'print-selection.pdf');
  copyFileSync((await download.path())!, file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('特色小镇');
  expect(text).toContain(String(bundled('featured-towns.geojson').features[0]!.properties!.name_zh));
});

test('A0 at 300 dpi, beyond what the browser can draw, is refused with the largest dpi that fits', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  const dialog = await openDialog(page, 'Print map');
  const max = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2')!;
    const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
    return Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, dims[0]!, dims[1]!);
  });
  await dialog.getByLabel('Paper').selectOption('A0');
  await dialog.getByLabel('Resolution').selectOption('300');
  const alert = dialog.getByRole('alert');
  // A0 landscape's map frame is about 1092 × 765 mm: 12 903 × 9 043 px at 300 dpi.
  if (max >= 12903) {
    await expect(dialog.getByTestId('print-summary')).toContainText('300 dpi');
    return;
  }
  await expect(alert).toContainText('px a side');
  const m = /needs ([\d,]+) × ([\d,]+) px/.exec((await alert.textContent()) ?? '')!;
  const w = Number(m[1]!.replace(/,/g, ''));
  expect(Math.abs(w - 12903)).toBeLessThanOrEqual(2);
  await expect(alert).toContainText(`the ${max.toLocaleString('en-US')} px a side`);
  await expect(alert).toContainText(`at most ${Math.floor((300 * max) / w)} dpi`);
  await expect(dialog.getByRole('button', { name: 'Create file' })).toBeDisabled();
});

test('an imported file is named as the source, its layer in the legend; the page keeps text from data as text', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en');
  await waitForIdle(page);
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '<img src=x onerror=alert(1)>' }, geometry: { type: 'Polygon', coordinates: [[[113.2, 35.12], [113.23, 35.12], [113.23, 35.14], [113.2, 35.14], [113.2, 35.12]]] } },
    ],
  };
  await page.getByTestId('import-input').setInputFiles({ name: '规划地块.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fc)) });
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added');
  await report.getByRole('button').first().click();
  await waitForIdle(page);
  const dialog = await openDialog(page, 'Print map');
  const download = await create(page, dialog, 'Create file');
  const file = join(OUT, 'print-imported.pdf');
  copyFileSync((await download.path())!, file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Sources: 规划地块.geojson');
  expect(text).toContain('Schematic data');
  expect(await page.locator('img[src=x]').count()).toBe(0);
});

test('a 200 000-parcel layer is printed as drawn: its density grid on the map and in the legend', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=en&data=parcels-200000.geojson');
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('1 layer added', { timeout: 90_000 });
  await report.getByRole('button', { name: /Close/ }).click();
  await waitForIdle(page);
  const png = async () => {
    const dialog = await openDialog(page, 'Print map');
    await dialog.getByLabel('Resolution').selectOption('96');
    for (const off of ['Overview map', 'Legend']) await dialog.getByRole('checkbox', { name: off }).uncheck();
    await dialog.getByRole('radio', { name: 'PNG' }).check();
    const download = await create(page, dialog, 'Create file');
    const bytes = readFileSync((await download.path())!);
    await page.keyboard.press('Escape');
    return bytes;
  };
  const withLayer = await png();
  writeFileSync(join(OUT, 'print-big-layer.png'), withLayer);
  await page.getByRole('checkbox', { name: 'Show parcels-200000' }).uncheck();
  await waitForIdle(page);
  const without = await png();
  // The parcels cover much of the district: tens of thousands of the A4 map's ~1 Mpx change.
  expect(await differingPixels(page, withLayer, without)).toBeGreaterThan(50_000);
  await page.getByRole('checkbox', { name: 'Show parcels-200000' }).check();
  await waitForIdle(page);
  const dialog = await openDialog(page, 'Print map');
  const download = await create(page, dialog, 'Create file');
  const text = execFileSync('pdftotext', [(await download.path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain('parcels-200000');
  expect(text).toContain('Density grid');
});
