// Standard fields added by name to an edited layer: 控规 indicators with their units and ranges, a 三调 class
// code with its class name. The range then holds for the values typed.
import { test } from '@playwright/test';
import { expect, screenshot } from './driver';
import { edited, newFromCoordinates } from './edit-driver';

test('a standard field is added with its unit and range, a class code with its name field', async ({ page }) => {
  await newFromCoordinates(page, '?lang=en', '3894800, 38431600\n3894800, 38431700\n3894900, 38431700\n3894900, 38431600');
  await page.getByText('Fields', { exact: true }).click();
  const list = page.locator('.field-list');
  await page.getByRole('button', { name: 'Remove field JZMD' }).click();
  await expect(list).not.toContainText('JZMD');
  const pick = page.getByRole('combobox', { name: /^Standard fields/ });
  await expect(pick.locator('option', { hasText: 'JZMD Building coverage (%) 0–100' })).toHaveCount(1);
  await expect(pick.locator('option', { hasText: /^RJL/ })).toHaveCount(0);
  await pick.selectOption('JZMD');
  await page.getByRole('button', { name: 'Add the standard field' }).click();
  await expect(list.locator('li', { hasText: 'JZMD' })).toContainText('Building coverage');
  await expect(list.locator('li', { hasText: 'JZMD' })).toContainText('(%)');
  await pick.selectOption('DLBM');
  await page.getByRole('button', { name: 'Add the standard field' }).click();
  await expect(list.locator('li', { hasText: 'DLBM' })).toBeVisible();
  await expect(list.locator('li', { hasText: 'DLMC' })).toBeVisible();
  await screenshot(page, 'edit-standard-fields');

  // The range holds: 120 % coverage is refused and not stored.
  const coverage = page.getByTestId('attribute-editor').getByLabel(/^Building coverage/);
  await coverage.fill('120');
  await coverage.press('Enter');
  await expect(page.getByTestId('attribute-editor')).toContainText('Must be at most 100');
  expect((await edited(page)).features[0]!.properties!['JZMD'] ?? null).toBeNull();
});
