// A review-notes (批注) layer: a text note placed with the mouse, exported as GeoJSON through the Export
// dialog, then printed to PDF with the note in view; the PDF is read with poppler's pdftotext.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { expect, openAtlas, screenshot, waitForIdle } from './driver';
import { edited, screenAt } from './edit-driver';
import { create, openDialog } from './print-driver';

test.use({ viewport: { width: 1400, height: 900 } });
test.describe.configure({ timeout: 300_000 });

const NOTE = '请核实红线与河道的距离';
const AT: [number, number] = [113.2057, 35.1555];

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('a review note with Chinese text exports as GeoJSON with its text and point, and prints into the PDF as text', async ({ page }) => {
  await openAtlas(page, '?lang=zh#map=16/35.1555/113.2057');
  await page.getByRole('tab', { name: '编辑' }).click();
  await page.getByRole('button', { name: '新建批注图层' }).click();
  await expect(page.getByLabel('编辑图层')).toHaveValue(/^edit-/);
  await page.getByLabel('吸附到可见图层的顶点和边').uncheck();
  await page.getByRole('button', { name: '点', exact: true }).click();
  const phase = page.locator('[data-draw-phase]');
  await expect(phase).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  await expect(phase).toContainText('在地图上单击放置点');
  // A whole pixel, so the point placed can be told from the position under it.
  const p = await screenAt(page, AT);
  const px = { x: Math.round(p.x), y: Math.round(p.y) };
  const box = (await page.getByTestId('map').boundingBox())!;
  const under = await page.evaluate((q) => window.__atlas!.unproject(q), { x: px.x - box.x, y: px.y - box.y });
  await page.mouse.move(px.x, px.y, { steps: 3 });
  await page.mouse.click(px.x, px.y);
  await expect.poll(async () => (await edited(page)).features.length).toBe(1);
  await page.getByRole('button', { name: '结束工具' }).click();
  const text = page.getByTestId('attribute-editor').getByLabel('批注内容');
  await text.fill(NOTE);
  await text.press('Enter');
  await expect.poll(async () => (await edited(page)).features[0]?.properties?.['TEXT']).toBe(NOTE);
  const note = (await edited(page)).features[0]!;
  expect(note.properties!['KIND']).toBe('note');
  const placed = (note.geometry as Point).coordinates;
  expect(Math.abs(placed[0]! - under[0])).toBeLessThan(1e-9);
  expect(Math.abs(placed[1]! - under[1])).toBeLessThan(1e-9);

  // The layer as GeoJSON, through the selection bar's Export menu.
  const layerId = (await edited(page)).id;
  await page.getByRole('button', { name: /^导出/ }).click();
  await page.getByRole('menuitem', { name: '导出整个图层…' }).click();
  const dialog = page.getByRole('dialog', { name: /导出/ });
  await dialog.getByRole('combobox').first().selectOption(layerId);
  await dialog.getByRole('radio', { name: 'GeoJSON', exact: true }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.geojson$/);
  const fc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as FeatureCollection;
  expect(fc.features).toHaveLength(1);
  expect(fc.features[0]!.properties).toMatchObject({ TEXT: NOTE, KIND: 'note' });
  expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: placed });

  // The map printed with the note in view (the view is still centred on it).
  await waitForIdle(page);
  const labels = await page.evaluate((id) => window.__atlas!.labels(id).placed.map((l) => l.id), layerId);
  expect(labels).toContain(String(note.id));
  await screenshot(page, 'edit-note-before-print');
  const print = await openDialog(page, '出图');
  const pdf = await create(page, print, '生成文件');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const file = join('test-results', 'edit-note-print.pdf');
  copyFileSync((await pdf.path())!, file);
  test.skip(!hasPdftotext(), 'pdftotext (poppler-utils) is not installed, so the PDF cannot be read back as text');
  const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(printed).toContain(NOTE);
});
