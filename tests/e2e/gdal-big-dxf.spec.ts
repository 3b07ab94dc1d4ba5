import { test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bigDxf } from '../unit/io/gdal/big-dxf';
import { expect, openAtlas, screenshot, waitForIdle } from './driver';

type Store = { getState: () => { order: string[]; layers: Record<string, { title: { en: string }; data: { features: unknown[] } }> } };
const userLayers = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: Store }).__atlasStore.getState();
    return s.order.filter((id) => id.startsWith('user-')).map((id) => [s.layers[id]!.title.en, s.layers[id]!.data.features.length]);
  });

// A drawing of 1 000 000 CAD entities (~53 MB, too big to commit: written here). GDAL counts its entities
// in its worker while the page shows progress and keeps answering; then the size message names the file
// and the layer, and what was loaded before stays as it was.
test('a DXF of 1 000 000 entities shows progress, keeps the page answering and stops with a size message', async ({ page }) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-dxf-'));
  const dxf = path.join(dir, '控规总图.dxf');
  writeFileSync(dxf, bigDxf(1_000_000));
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openAtlas(page, '?lang=en');
    const input = page.getByTestId('import-input');
    const report = page.getByRole('dialog', { name: 'Import result' });
    const before = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'kept' }, geometry: { type: 'Point', coordinates: [113.25, 35.18] } }] };
    await input.setInputFiles({ name: 'before.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(before)) });
    await expect(report).toContainText('1 layer added');
    const loaded = await userLayers(page);
    expect(loaded).toEqual([['before', 1]]);

    await input.setInputFiles(dxf);
    const progress = report.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(report).toContainText(/loading the format library|parsing/i, { timeout: 30_000 });
    await screenshot(page, 'gdal-big-dxf-progress');
    // While GDAL works, real clicks on the sidebar's tabs are answered at once.
    const latencies: number[] = [];
    for (const name of ['Filter', 'Analysis', 'Layers']) {
      const tab = page.getByRole('tab', { name });
      const box = (await tab.boundingBox())!;
      const t0 = Date.now();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 2000 });
      latencies.push(Date.now() - t0);
    }
    await expect(progress).toBeVisible();
    // A page blocked by the parse would not answer for the tens of seconds it takes; the bound leaves room
    // for a loaded test machine's round trips (a first visit to a tab also mounts its panel).
    expect(Math.max(...latencies)).toBeLessThan(2500);

    const issue = report.locator('.issue-error');
    await expect(issue).toContainText('Layer too large', { timeout: 120_000 });
    await expect(issue).toContainText('控规总图.dxf');
    await expect(issue).toContainText('The layer "entities" has 1,000,000 features; the atlas reads at most 500,000 per layer');
    await expect(report).toContainText('No features were imported; the existing layers are unchanged.');
    await expect(progress).toHaveCount(0);
    expect(await userLayers(page)).toEqual(loaded);
    await waitForIdle(page);
    await screenshot(page, 'gdal-big-dxf-refused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
