import { test } from '@playwright/test';
import { bundled, expect, openAtlas, screenshot } from './driver';
import { focusedIsMapCanvas, press, selectedIds, tabTo, tabToGridCell } from './keyboard-driver';

test('the first Tab stop is a visible skip link that puts the focus on the map', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.keyboard.press('Tab');
  const link = page.getByRole('link', { name: '跳到地图' });
  await expect(link).toBeFocused();
  const box = (await link.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.height).toBeGreaterThan(10);
  await screenshot(page, 'keyboard-skip-link');
  const hash = new URL(page.url()).hash;
  await page.keyboard.press('Enter');
  expect(await focusedIsMapCanvas(page)).toBe(true);
  // The address keeps the shared view instead of jumping to an anchor.
  expect(new URL(page.url()).hash).toBe(hash);
});

test('attribute-table rows are selected with the keyboard: arrows, Space, Shift ranges, Ctrl toggles, Ctrl+A', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await press(page, 'Tab');
  await press(page, 'Enter');
  await tabTo(page, 'Attribute table');
  await press(page, 'Enter');
  const grid = page.getByRole('grid').first();
  await expect(grid).toBeVisible();
  const layerName = (await grid.getAttribute('aria-label'))!;
  const file = { 'Key projects': 'key-projects.geojson', 'Beautiful villages': 'villages.geojson' }[layerName];
  expect(file, `first table tab ${layerName}`).toBeDefined();
  const layerId = file!.replace('.geojson', '');
  const ids = bundled(file!).features.map((f) => String(f.properties!['id']));

  await tabToGridCell(page);
  await press(page, 'ArrowDown', 2);
  await press(page, 'ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', '2:1');
  await press(page, ' ');
  expect(await selectedIds(page, layerId)).toEqual([ids[2]]);
  await expect(grid.locator('[role=row][aria-selected=true]')).toHaveAttribute('data-feature-id', ids[2]!);

  await press(page, 'Shift+ArrowDown', 2);
  expect(await selectedIds(page, layerId)).toEqual([ids[2], ids[3], ids[4]]);
  await expect(page.getByTestId('selection-count')).toContainText('3');
  await press(page, 'Control+ ');
  expect(await selectedIds(page, layerId)).toEqual([ids[2], ids[3]]);
  await press(page, 'ArrowUp');
  await press(page, 'Shift+Enter');
  expect(await selectedIds(page, layerId)).toEqual([ids[3]]);
  await press(page, 'Control+a');
  expect((await selectedIds(page, layerId)).sort()).toEqual([...ids].sort());
  await press(page, 'Control+End');
  await press(page, 'Enter');
  expect(await selectedIds(page, layerId)).toEqual([ids[ids.length - 1]]);
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', `${ids.length - 1}:1`);
  await screenshot(page, 'keyboard-table');
});
