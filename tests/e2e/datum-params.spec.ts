// Datum parameters as a planner enters them: a Xian 1980 file is imported through the file input, the
// parameters are typed into the import options, and the re-imported parcels are drawn where PROJ puts
// them with those parameters (tests/fixtures/datum/reference.json), not where they were before.
import { test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, openAtlas } from './driver';
import { REF, clickMapAtLonLat, featureAt, firstParcelMiddle, importDatumFixture, typeInto } from './datum-driver';

test('四参数: a Xian 1980 国土TXT moves to where PROJ puts it with the entered parameters (zh)', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await importDatumFixture(page, 'guotu-xian80.txt');
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('guotu-xian80：2 个要素', { timeout: 30_000 });
  await expect(report).toContainText('西安 1980');
  const before = firstParcelMiddle(REF.noShift);
  const after = firstParcelMiddle(REF.planar4.wgs84);
  // Without parameters the parcel lies where the ellipsoid change alone puts it.
  expect(await featureAt(page, before, '地块编号')).toBe('XA-001');
  expect(await featureAt(page, after, '地块编号')).toBeNull();

  // The old-datum file opens the datum-parameter entry; the planner picks 四参数 and types the values.
  await expect(report.getByText('基准转换参数', { exact: true })).toBeVisible();
  await report.getByRole('radio', { name: '四参数（平面，高斯-克吕格坐标）' }).check();
  const p = REF.planar4.params;
  await typeInto(report.getByRole('textbox', { name: 'ΔX 北向平移（米）' }), String(p.dx));
  // A decimal comma is refused, with the field named, and nothing can be re-imported until it is fixed.
  await typeInto(report.getByRole('textbox', { name: 'ΔY 东向平移（米）' }), String(p.dy).replace('.', ','));
  await expect(report.getByText(`ΔY 东向平移（米）：“${String(p.dy).replace('.', ',')}”不是数字`)).toBeVisible();
  await expect(report.getByRole('textbox', { name: 'ΔY 东向平移（米）' })).toHaveAttribute('aria-invalid', 'true');
  await expect(report.getByRole('button', { name: '按所选选项重新导入' })).toBeDisabled();
  const axe = await new AxeBuilder({ page }).include('.import-report').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await typeInto(report.getByRole('textbox', { name: 'ΔY 东向平移（米）' }), String(p.dy));
  await typeInto(report.getByRole('textbox', { name: '旋转角 θ（秒）' }), String(p.rotation));
  await typeInto(report.getByRole('textbox', { name: '尺度 m（ppm，百万分之一）' }), String(p.ppm));
  await page.screenshot({ path: 'test-results/datum-params-zh.png' });
  await report.getByRole('button', { name: '按所选选项重新导入' }).click();

  await expect(report).toContainText(`基准转换参数：四参数（平面）：ΔX（北）−${Math.abs(p.dx)} m，ΔY（东）${p.dy} m，旋转 ${p.rotation}″，尺度 ${p.ppm} ppm`, { timeout: 30_000 });
  await report.getByText(/^问题/).click();
  await expect(report).toContainText('已用基准转换参数');
  await expect(report).not.toContainText('旧基准近似转换');
  await page.screenshot({ path: 'test-results/datum-params-zh-report.png' });
  await report.getByRole('button', { name: '关闭导入结果' }).click();

  // Drawn where PROJ puts the shifted parcel; nothing left where it was (137 m west, 35 m north).
  expect(await featureAt(page, after, '地块编号')).toBe('XA-001');
  expect(await featureAt(page, before, '地块编号')).toBeNull();
  // The layer keeps what was used.
  await clickMapAtLonLat(page, after);
  const inspector = page.locator('.inspector');
  await expect(inspector.locator('.source-crs')).toContainText('西安 1980 3度带高斯-克吕格投影');
  await expect(inspector.locator('.source-crs')).toContainText('四参数（平面）');
  await page.screenshot({ path: 'test-results/datum-params-zh-inspector.png' });
});

test('7 parameters, Coordinate Frame: a Xian 1980 Shapefile lands where PROJ puts it, and the set is offered again (en)', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await importDatumFixture(page, 'xian80-zone38.zip');
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('xian80_zone38: 2 features', { timeout: 30_000 });
  await report.getByRole('radio', { name: '7 parameters (Bursa–Wolf, geocentric)' }).check();
  await report.getByRole('radio', { name: 'Coordinate Frame (EPSG 9607, rotation signs flipped)' }).check();
  const p = REF.helmert7.params;
  const labels: [string, number][] = [
    ['ΔX translation (m)', p.dx],
    ['ΔY translation (m)', p.dy],
    ['ΔZ translation (m)', p.dz],
    ['rX rotation (″)', p.rx],
    ['rY rotation (″)', p.ry],
    ['rZ rotation (″)', p.rz],
  ];
  for (const [name, v] of labels) await typeInto(report.getByRole('textbox', { name }), String(v));
  // A scale factor typed where ppm is asked is caught before it silently means 1 ppm.
  await typeInto(report.getByRole('textbox', { name: 'Scale (ppm)' }), '0.9999958');
  await expect(report.getByText('Scale (ppm): 0.9999958 looks like a scale factor; enter ppm')).toBeVisible();
  await typeInto(report.getByRole('textbox', { name: 'Scale (ppm)' }), String(p.ppm));
  await report.getByRole('button', { name: 'Re-import with these options' }).click();
  await expect(report).toContainText('Datum parameters: 7 parameters (Bursa–Wolf, Coordinate Frame rotation, EPSG 9607)', { timeout: 30_000 });
  await report.getByRole('button', { name: 'Close import result' }).click();

  expect(await featureAt(page, firstParcelMiddle(REF.helmert7.coordinateFrame), 'DKBH')).toBe('XA-001');
  // Position Vector would have put it about 300 m away: the convention switch did its work.
  expect(await featureAt(page, firstParcelMiddle(REF.helmert7.positionVector), 'DKBH')).not.toBe('XA-001');

  // The next file from the same survey: the set entered last time is filled in again.
  await importDatumFixture(page, 'xian80-zone38.zip');
  await expect(report).toContainText('xian80_zone38: 2 features', { timeout: 30_000 });
  await report.getByRole('radio', { name: '7 parameters (Bursa–Wolf, geocentric)' }).check();
  await expect(report).toContainText('The parameters you entered last time are filled in.');
  await expect(report.getByRole('textbox', { name: 'rZ rotation (″)' })).toHaveValue(String(p.rz));
  await expect(report.getByRole('radio', { name: 'Coordinate Frame (EPSG 9607, rotation signs flipped)' })).toBeChecked();
  await page.screenshot({ path: 'test-results/datum-params-en.png' });
});

test('on a phone the datum fields fit the sheet, each with its name', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page, '?lang=zh');
  // On a phone the file input lives in the folded sidebar sheet.
  await page.getByRole('button', { name: '图层与工具' }).click();
  await importDatumFixture(page, 'guotu-xian80.txt');
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('guotu-xian80：2 个要素', { timeout: 30_000 });
  // One sheet at a time: fold the layers sheet to work in the report.
  await page.getByRole('button', { name: '图层与工具' }).click();
  await report.getByRole('radio', { name: '七参数（布尔莎-沃尔夫，空间直角坐标）' }).check();
  for (const name of ['ΔX 平移（米）', 'ΔY 平移（米）', 'ΔZ 平移（米）', 'rX 旋转（秒）', 'rY 旋转（秒）', 'rZ 旋转（秒）', '尺度（ppm，百万分之一）']) {
    const field = report.getByRole('textbox', { name });
    await field.scrollIntoViewIfNeeded();
    const box = (await field.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await report.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await report.getByRole('textbox', { name: 'rZ 旋转（秒）' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/datum-params-phone.png' });
});

test('the 转换参数 a 国土TXT states are filled in with one click, and the parcels land where PROJ puts them', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await importDatumFixture(page, 'guotu-xian80-stated.txt');
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('guotu-xian80-stated：2 个要素', { timeout: 30_000 });
  // Offered, not applied: the parcel is still where the ellipsoid change alone puts it.
  expect(await featureAt(page, firstParcelMiddle(REF.noShift), '地块编号')).toBe('XA-001');
  await report.getByRole('button', { name: '填入文件中的转换参数' }).click();
  await expect(report.getByRole('radio', { name: '七参数（布尔莎-沃尔夫，空间直角坐标）' })).toBeChecked();
  await expect(report.getByRole('textbox', { name: 'ΔY 平移（米）' })).toHaveValue(String(REF.helmert7.params.dy));
  await expect(report.getByRole('radio', { name: '位置矢量（EPSG 9606，即 PROJ 的 +towgs84）' })).toBeChecked();
  await report.getByRole('button', { name: '按所选选项重新导入' }).click();
  await expect(report).toContainText('基准转换参数：七参数（布尔莎，位置矢量旋转 EPSG 9606）', { timeout: 30_000 });
  await report.getByRole('button', { name: '关闭导入结果' }).click();
  expect(await featureAt(page, firstParcelMiddle(REF.helmert7.positionVector), '地块编号')).toBe('XA-001');
});

test('4 parameters on a GeoPackage read by GDAL: the PROJ pipeline runs in the GDAL worker and the parcels land where cct puts them', async ({ page }) => {
  test.setTimeout(120_000);
  await openAtlas(page, '?lang=en');
  await importDatumFixture(page, 'xian80-zone38.gpkg');
  const report = page.getByRole('dialog', { name: 'Import result' });
  await expect(report).toContainText('西安80地块: 2 features', { timeout: 90_000 });
  await report.getByRole('radio', { name: '4 parameters (planar, Gauss–Krüger plane)' }).check();
  const p = REF.planar4.params;
  await typeInto(report.getByRole('textbox', { name: 'ΔX north shift (m)' }), String(p.dx));
  await typeInto(report.getByRole('textbox', { name: 'ΔY east shift (m)' }), String(p.dy));
  await typeInto(report.getByRole('textbox', { name: 'Rotation θ (″)' }), String(p.rotation));
  await typeInto(report.getByRole('textbox', { name: 'Scale m (ppm)' }), String(p.ppm));
  await report.getByRole('button', { name: 'Re-import with these options' }).click();
  await expect(report).toContainText('Datum parameters: 4 parameters (planar)', { timeout: 60_000 });
  await report.getByRole('button', { name: 'Close import result' }).click();
  expect(await featureAt(page, firstParcelMiddle(REF.planar4.wgs84), 'DKBH')).toBe('XA-001');
  expect(await featureAt(page, firstParcelMiddle(REF.noShift), 'DKBH')).toBeNull();
});
