import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { expect, openAtlas, screenshot } from './driver';
import { landUseBalance } from '../../src/analysis/landuse-balance';
import { formatNumber, AREA_DECIMALS } from '../../src/domain/format';

// Written into dist/ by the test command (npm run gen:parcels).
const PATH = fileURLToPath(new URL('../../dist/parcels-25000.geojson', import.meta.url));
const CODES = [['0701', '城镇住宅用地'], ['0901', '商业用地'], ['1001', '工业用地'], ['0103', '旱地'], ['1207', '城镇村道路用地'], ['8888', '未知']] as const;

test('the 用地平衡表 of a 25 000-polygon land-use layer comes from its worker, with the figures Node computes, and feeds the swipe summary', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openAtlas(page, '?lang=zh');
  const fc = JSON.parse(readFileSync(PATH, 'utf8')) as FeatureCollection;
  fc.features.forEach((f, i) => (f.properties = { BSM: String(i), YDYHFLDM: CODES[i % CODES.length]![0], YDYHFLMC: CODES[i % CODES.length]![1] }));
  const text = JSON.stringify(fc);
  await page.getByTestId('import-input').setInputFiles({ name: '规划用地.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('已添加 1 个图层', { timeout: 90_000 });
  await report.getByRole('button', { name: '关闭导入结果' }).click();

  await page.getByRole('tab', { name: '规划' }).click();
  await page.getByRole('combobox', { name: '规划图层' }).selectOption({ label: '规划用地' });
  await page.getByRole('radio', { name: '全部用地' }).check();
  const table = page.getByRole('table', { name: '用地平衡表' });
  await expect(table).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });

  // The reference: the page's own function, in Node, over the same features.
  const ref = landUseBalance(fc.features);
  const ha = (v: number) => formatNumber(v, 'zh', { maxDecimals: AREA_DECIMALS.ha });
  await expect(page.getByTestId('balance-total-planned')).toHaveText(ha(ref.totalHa));
  for (const code of ['07', '0701', '0901', '1001']) {
    const r = ref.rows.find((x) => x.code === code)!;
    await expect(table.locator(`tr[data-code="${code}"] td`).nth(3)).toContainText(ha(r.areaHa));
  }
  await expect(table.locator('tr[data-code=""] td').nth(3)).toContainText(ha(ref.rows.find((x) => x.code === null)!.areaHa));

  // Clicking a planned area selects that class's parcels of the big layer.
  await table.locator('tr[data-code="0901"] td').nth(3).getByRole('button').click();
  const n = ref.rows.find((x) => x.code === '0901')!.featureIds.length;
  await expect(page.getByText(`已选 ${n.toLocaleString('zh-CN')} 个要素`)).toBeVisible();
  await screenshot(page, 'big-layer-balance');

  // The planned layer alone: no 现状 and no change columns.
  await page.getByRole('combobox', { name: '现状图层' }).selectOption({ label: '（不统计）' });
  await expect(table.getByRole('columnheader', { name: '变化' })).toHaveCount(0);
  await expect(page.getByTestId('balance-total-planned')).toHaveText(ha(ref.totalHa));

  // The swipe summary of 现状 | the big layer measures the big layer in its worker too.
  await page.getByRole('combobox', { name: '右侧' }).selectOption({ label: '规划用地' });
  const changes = page.getByRole('table', { name: '变化汇总（规划 − 现状）' });
  const current = landUseBalance((JSON.parse(readFileSync(fileURLToPath(new URL('../../geodata/landuse-current.geojson', import.meta.url)), 'utf8')) as FeatureCollection).features);
  const d07 = ref.rows.find((x) => x.code === '07')!.areaHa - (current.rows.find((x) => x.code === '07')?.areaHa ?? 0);
  await expect(changes.getByRole('row', { name: /^07 / })).toContainText(ha(Math.abs(d07)), { timeout: 60_000 });
});
