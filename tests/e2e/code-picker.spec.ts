// Code fields picked from the tree of their code list, in the inspector and in the attribute table, and
// the table's typed cell editors (date, yes/no, code), done with the keyboard as a planner would.
import { test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, openAtlas, screenshot, waitForIdle } from './driver';
import { clickAt, edited } from './edit-driver';

const SW: [number, number] = [113.205, 35.155];
const points: [number, number][] = [SW, [SW[0] + 0.0012, SW[1]], [SW[0] + 0.0012, SW[1] + 0.0009]];

test.use({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });

/** A new red-line point layer with `n` points placed with the mouse; `fields` are added first (name, type). */
async function pointLayer(page: Page, query: string, n: number, ui: { tab: string; geometry: string; create: string; point: string }, fields: [string, string][] = []): Promise<void> {
  await openAtlas(page, query);
  await page.getByRole('tab', { name: ui.tab }).click();
  await page.getByLabel(ui.geometry).selectOption('point');
  await page.getByRole('button', { name: ui.create }).click();
  if (fields.length) await page.getByText('Fields', { exact: true }).click();
  for (const [name, type] of fields) {
    await page.getByLabel('Field name').fill(name);
    await page.getByRole('combobox', { name: /^Field type/ }).selectOption(type);
    await page.getByRole('button', { name: 'Add field' }).click();
  }
  await page.getByRole('button', { name: ui.point, exact: true }).click();
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
  for (const c of points.slice(0, n)) await clickAt(page, c);
  await expect.poll(async () => (await edited(page)).features.length).toBe(n);
}

const ZH = { tab: '编辑', geometry: '几何类型', create: '创建', point: '点' };
const EN = { tab: 'Edit', geometry: 'Geometry', create: 'Create', point: 'Point' };

test('the inspector picks a 用地用海 class from its tree with the keyboard only: search, move, open, close, choose', async ({ page }) => {
  await pointLayer(page, '?lang=zh#map=16/35.1555/113.2057', 1, ZH);
  const editor = page.getByTestId('attribute-editor');
  const box = editor.getByRole('combobox', { name: '用地用海分类代码' });
  await box.focus();
  await page.keyboard.type('住宅');
  const tree = page.getByRole('tree', { name: '分类' });
  await expect(tree).toBeVisible();
  // The search keeps the matches and the classes above them, opened.
  await expect(tree.getByRole('treeitem')).toHaveText(['07 居住用地', '0701 城镇住宅用地']);
  await expect(tree.getByRole('treeitem', { name: /^07 居住用地/ })).toHaveAttribute('aria-expanded', 'true');
  await screenshot(page, 'code-picker-search');
  const axe = await new AxeBuilder({ page }).include('.inspector').include('.code-popup').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // ↓ lands on the first match (not its ancestor), Enter chooses it; the name follows the code.
  await page.keyboard.press('ArrowDown');
  const activeId = await box.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveAttribute('data-code', '0701');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(tree).toBeHidden();
  await expect(box).toHaveValue('0701');
  await expect(editor.locator('[data-field="YDYHFLMC"]')).toHaveText('城镇住宅用地');
  expect((await edited(page)).features[0]!.properties).toMatchObject({ YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地' });

  // Reopened with ↓: the whole tree, the current class active inside its opened parent.
  await page.keyboard.press('ArrowDown');
  await expect(tree).toBeVisible();
  const active = () => box.getAttribute('aria-activedescendant').then((id) => page.locator(`[id="${id}"]`).getAttribute('data-code'));
  await expect.poll(active).toBe('0701');
  // ← goes up to 07, ← again closes it, ↓ to 08, → opens it, → enters it, Enter chooses 0801.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(active).toBe('07');
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem', { name: /^07 居住用地/ })).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect.poll(active).toBe('08');
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: /^08 / })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect.poll(active).toBe('0801');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await edited(page)).features[0]?.properties?.['YDYHFLDM']).toBe('0801');
  await expect(editor.locator('[data-field="YDYHFLMC"]')).toHaveText('机关团体用地');

  // Pinyin initials find a class too; Esc closes the tree, a second Esc drops what was typed.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('czzz');
  await expect(tree.getByRole('treeitem', { name: /^0701/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tree).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('0801');

  await page.setViewportSize({ width: 390, height: 844 });
  // The phone layout moves the inspector into a sheet: focus the box once that has settled, or the typing
  // lands in the box being replaced.
  await waitForIdle(page);
  await expect(box).toBeVisible();
  await box.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('用地');
  await expect(tree).toBeVisible();
  const popup = (await page.locator('.code-popup:visible').boundingBox())!;
  expect(popup.x).toBeGreaterThanOrEqual(0);
  expect(popup.x + popup.width).toBeLessThanOrEqual(390);
  expect(popup.y + popup.height).toBeLessThanOrEqual(844);
  await screenshot(page, 'code-picker-phone');
});

test('the table of an edited layer edits a date and a code cell with their own editors, and reads a pasted column of class names as codes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await pointLayer(page, '?lang=en#map=15/35.1555/113.2057', 3, EN, [['PZRQ', 'date'], ['SFYX', 'boolean']]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Attribute table', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Project red lines' });
  await expect(grid).toBeVisible();
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  const colOf = (re: RegExp) => headers.findIndex((h) => re.test(h));
  const cell = (row: number, re: RegExp) => grid.locator(`[data-cell="${row}:${colOf(re)}"]`);
  const stored = async (field: string) => (await edited(page)).features.map((f) => f.properties?.[field] ?? null);

  // A date cell opens a date picker; typed month, day and year, Enter keeps the ISO date.
  await cell(0, /PZRQ/).click();
  await page.keyboard.press('F2');
  const date = grid.locator('input[type="date"]');
  await expect(date).toBeFocused();
  await page.keyboard.type('05012026');
  await page.keyboard.press('Enter');
  await expect(cell(0, /PZRQ/)).toHaveText('1 May 2026');
  expect((await stored('PZRQ'))[0]).toBe('2026-05-01');

  // A yes/no cell is a 是/否 choice.
  await cell(1, /SFYX/).click();
  await page.keyboard.press('F2');
  const yesNo = grid.getByRole('combobox', { name: 'SFYX' });
  await expect(yesNo).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(yesNo).toHaveValue('true');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored('SFYX')).toEqual([null, true, null]);

  // A code cell opens the tree: typed name, ↓, Enter; the name column follows.
  await cell(2, /YDYHFLDM|Land-use class code/).click();
  await page.keyboard.press('F2');
  await page.keyboard.type('housing');
  const tree = page.getByRole('tree', { name: 'Classes' });
  await expect(tree.getByRole('treeitem', { name: /^0701 Urban housing/ })).toBeVisible();
  await screenshot(page, 'code-picker-table');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(tree).toBeHidden();
  await expect(cell(2, /YDYHFLDM|Land-use class code/)).toHaveText('0701');
  expect((await edited(page)).features[2]!.properties).toMatchObject({ YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地' });
  await expect(cell(2, /YDYHFLDM|Land-use class code/)).toBeFocused();

  // A column of class names pasted from a spreadsheet stores their codes, and the names in step.
  await page.evaluate(() => navigator.clipboard.writeText('城镇住宅用地\r\n0703 农村宅基地\r\n商业用地\r\n'));
  await cell(0, /YDYHFLDM|Land-use class code/).click();
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('table-note')).toHaveText('3 values pasted');
  expect(await stored('YDYHFLDM')).toEqual(['0701', '0703', '0901']);
  expect(await stored('YDYHFLMC')).toEqual(['城镇住宅用地', '农村宅基地', '商业用地']);

  // A value that is no class is refused, named with its row, and nothing is written.
  await page.evaluate(() => navigator.clipboard.writeText('0901\r\n火星用地\r\n'));
  await cell(0, /YDYHFLDM|Land-use class code/).click();
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('table-note')).toHaveText('Row 2 “火星用地”: 火星用地 is not in the code list; nothing was changed');
  expect(await stored('YDYHFLDM')).toEqual(['0701', '0703', '0901']);
  await screenshot(page, 'code-picker-table-pasted');
});
