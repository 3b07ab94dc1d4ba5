import { test } from '@playwright/test';
import { expect, openAtlas, renderedIds, screenshot, waitForIdle } from './driver';

const userLayerId = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((id) => id.startsWith('user-'))!);

// A parcel 40 km from the zone, so the map has to move to it.
const far = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '远处地块', adcode: 410821 }, geometry: { type: 'Polygon', coordinates: [[[113.62, 35.38], [113.66, 35.38], [113.66, 35.41], [113.62, 35.41], [113.62, 35.38]]] } }],
};

for (const size of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
  test(`at ${size.width}×${size.height} the imported layer is fitted beside the import result, not under it`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAtlas(page, '?lang=en');
    await page.getByTestId('import-input').setInputFiles({ name: 'far.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(far)) });
    const report = page.getByRole('dialog', { name: 'Import result' });
    await expect(report).toContainText('1 layer added');
    await expect(report).not.toContainText('1 layers added');
    await expect(report).toContainText('far: 1 feature');
    await expect(report).not.toContainText('1 features');
    await page.waitForTimeout(800); // the fit animates for 600 ms
    await waitForIdle(page);
    const id = await userLayerId(page);
    expect((await renderedIds(page, id)).length).toBe(1);
    const corners = await page.evaluate(() => [window.__atlas!.project([113.62, 35.41]), window.__atlas!.project([113.66, 35.38])]);
    const map = (await page.getByTestId('map').boundingBox())!;
    const dialog = (await report.boundingBox())!;
    const [nw, se] = corners.map((c) => ({ x: map.x + c!.x, y: map.y + c!.y }));
    // Inside the map, and clear of the dialog on one side.
    expect(nw!.x).toBeGreaterThan(map.x);
    expect(se!.x).toBeLessThan(map.x + map.width);
    const clear = se!.x < dialog.x || nw!.x > dialog.x + dialog.width || se!.y < dialog.y || nw!.y > dialog.y + dialog.height;
    expect(clear).toBe(true);
    await screenshot(page, `import-fit-${size.width}`);
  });
}

test('a code field shows without thousands separators in the inspector', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByTestId('import-input').setInputFiles({ name: 'far.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(far)) });
  await expect(page.getByRole('dialog', { name: 'Import result' })).toContainText('1 layer added');
  await page.getByRole('button', { name: 'Close import result' }).click();
  await page.waitForTimeout(800);
  await waitForIdle(page);
  const xy = await page.evaluate(() => window.__atlas!.project([113.64, 35.395]));
  const map = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(map.x + xy.x, map.y + xy.y);
  const inspector = page.getByRole('dialog', { name: '远处地块' });
  await expect(inspector).toContainText('410821');
  await expect(inspector).not.toContainText('410,821');
});
