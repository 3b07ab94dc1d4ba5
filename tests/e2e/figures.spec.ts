// Figures as a planner copies them, unknown values, the dashboard, compliance of points and lines,
// Chinese text everywhere, English plurals, and what KML / Shapefile exports carry.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { along, booleanPointInPolygon, featureCollection, intersect, length as turfLength, lineSplit } from '@turf/turf';
import { unzipSync } from 'fflate';
import geographiclib from 'geographiclib-geodesic';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { bundled, bundledFeature, clickFeature, expect, openAtlas, screenshot, waitForIdle } from './driver';

const G = geographiclib.Geodesic.WGS84;
/** A figure as the UI must show it: exact to the unit's place, grouped (an independent en-US formatter). */
const exact = (v: number, decimals: number) => v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const OGRINFO = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find(existsSync);

function ringsArea(polys: Position[][][]): number {
  let m2 = 0;
  for (const poly of polys)
    poly.forEach((ring, k) => {
      const p = G.Polygon(false);
      for (const pt of ring.slice(0, -1)) p.AddPoint(pt[1]!, pt[0]!);
      const a = Math.abs(p.Compute(false, true).area ?? 0);
      m2 += k === 0 ? a : -a;
    });
  return m2;
}

const controls = (kind: string) => bundled('control-lines.geojson').features.filter((f) => f.properties?.kind === kind) as Feature<Polygon | MultiPolygon>[];

test('item 6: the compliance sheet shows the overlap exact to the m² and the 0.01 亩 (GeographicLib)', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-resettle-d');
  await page.getByRole('tab', { name: '规划' }).click();
  await page.getByRole('button', { name: '审查', exact: true }).click();
  const parcel = bundledFeature('ppp-parcels.geojson', 'pp-resettle-d') as Feature<Polygon>;
  let m2 = 0;
  for (const f of controls('permanent_basic_farmland')) {
    const piece = intersect(featureCollection([parcel, f]));
    if (piece) m2 += ringsArea(piece.geometry.type === 'Polygon' ? [piece.geometry.coordinates] : piece.geometry.coordinates);
  }
  expect(m2).toBeGreaterThan(100_000);
  const cell = page.getByTestId('compliance-sheet').getByTestId('comp-farmland');
  await expect(cell).toContainText(`${exact(m2, 0)} 平方米 · ${exact(m2 / (10000 / 15), 2)} 亩`);
  await screenshot(page, 'figures-compliance-exact');
});

test('item 7: zone statistics say "not given" where no project states an investment, and the CSV cell is empty', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const table = page.getByRole('table', { name: 'Zone statistics' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table).toContainText('not given');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  const col = lines[0]!.split(',').indexOf('Key-project investment (CNY)');
  const cells = lines.slice(1).map((l) => l.split(',')[col]);
  // empty where the zone's projects state no amount; 0 only where the zone has no key project
  expect(cells).toContain('');
});

test('item 8: the dashboard keeps report figures apart from the map, and a PPP milestone marked done stays done', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await page.getByRole('tab', { name: '分析' }).click();
  const report = page.getByRole('table', { name: /报告中的规划目标与总量/ });
  const mapped = page.getByRole('table', { name: /地图上的数据/ });
  await expect(report.locator('tr[data-key="report.key_projects.count"]')).toContainText('105');
  await expect(report.locator('tr[data-key="report.key_projects.investment"]')).toContainText('275.65 亿元');
  const projects = mapped.locator('tr[data-key="key_projects.count"]');
  await expect(projects).toContainText('已上图 13.3 %');
  await expect(mapped).not.toContainText('不足');
  await expect(page.getByTestId('dash-ppp.milestones.done')).toHaveText('0');
  await screenshot(page, 'figures-dashboard-zh');

  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  const inspector = page.getByRole('dialog', { name: '金沙PPP项目' }).or(page.getByRole('dialog').filter({ has: page.locator('table.milestones') })).first();
  const first = inspector.getByRole('checkbox', { name: '标记“确定社会资本方招标代理机构”已完成' });
  await first.click();
  await expect(first).toBeChecked();
  await expect(inspector.getByRole('textbox', { name: /完成日期/ }).or(inspector.locator('input[type=date]')).first()).toHaveValue(/^2017-0\d-\d\d$/);
  await expect(page.getByTestId('dash-ppp.milestones.done')).toHaveText('1');
  await screenshot(page, 'figures-milestone-done');
  await page.waitForTimeout(300);
  await page.reload();
  await waitForIdle(page);
  await page.getByRole('tab', { name: '分析' }).click();
  await expect(page.getByTestId('dash-ppp.milestones.done')).toHaveText('1');
});

test('item 9: a point in the red line reads "inside", a line the metres inside, and a layer’s rows carry its names', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await clickFeature(page, 'key-projects.geojson', 'kp-greenland-north-bank');
  await page.getByRole('tab', { name: '规划' }).click();
  await page.getByRole('button', { name: '审查', exact: true }).click();
  const sheet = page.getByTestId('compliance-sheet');
  await expect(sheet.getByTestId('comp-redline')).toHaveText('位于其内');
  await expect(sheet.getByTestId('comp-farmland')).toHaveText('不在其内');
  await expect(sheet.getByTestId('comp-verdict')).toContainText('位于生态保护红线内');
  await expect(sheet).not.toContainText('亩');

  // A sewer line: its length inside the red line, from turf's cut of the line and GeographicLib's lengths.
  const road = bundledFeature('pollution-works.geojson', 'pw-li-interception') as Feature<LineString>;
  let inside = 0;
  for (const red of controls('ecological_red_line')) {
    for (const piece of lineSplit(road, red).features) {
      const mid = along(piece, turfLength(piece) / 2).geometry.coordinates;
      if (!booleanPointInPolygon(mid, red)) continue;
      const c = piece.geometry.coordinates;
      for (let i = 1; i < c.length; i++) inside += G.Inverse(c[i - 1]![1]!, c[i - 1]![0]!, c[i]![1]!, c[i]![0]!).s12!;
    }
  }
  expect(inside).toBeGreaterThan(100);
  await page.getByRole('radio', { name: /整个图层/ }).click();
  await page.getByRole('combobox', { name: '整个图层' }).selectOption('pollution-works');
  await page.getByRole('button', { name: '审查', exact: true }).click();
  const rows = page.getByRole('table', { name: /审查结果/ });
  const row = rows.getByRole('row', { name: /李河段黑臭水体截污管道工程/ });
  await expect(row).toContainText(`${exact(inside, 1)} 米`);
  await expect(rows).not.toContainText('亩');
  await expect(rows.getByRole('row', { name: /洁净煤配送点（阳庙镇）/ })).toContainText('位于边界外');
  await screenshot(page, 'figures-compliance-lines');
});

test('item 9: rows of an imported layer are named by its Chinese name field', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  const p = (bundledFeature('key-projects.geojson', 'kp-greenland-north-bank').geometry as { coordinates: Position }).coordinates;
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { OBJECTID: 1, XMMC: '北岸综合开发地块' }, geometry: { type: 'Point', coordinates: p } },
      { type: 'Feature', properties: { OBJECTID: 2, XMMC: '城区商住地块' }, geometry: { type: 'Point', coordinates: [113.2405, 35.2102] } },
    ],
  };
  await page.getByTestId('import-input').setInputFiles({ name: '项目点.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fc)) });
  await expect(page.getByRole('dialog', { name: '导入结果' })).toContainText('已添加 1 个图层');
  await page.getByRole('button', { name: '关闭导入结果' }).click();
  await page.getByRole('tab', { name: '规划' }).click();
  await page.getByRole('radio', { name: /整个图层/ }).click();
  await page.getByRole('combobox', { name: '整个图层' }).selectOption({ label: '项目点' });
  await page.getByRole('button', { name: '审查', exact: true }).click();
  const rows = page.getByRole('table', { name: /审查结果/ });
  await expect(rows.getByRole('rowheader')).toHaveText(['北岸综合开发地块', '城区商住地块']);
  await expect(rows.getByRole('row', { name: /北岸综合开发地块/ })).toContainText('位于其内');
});

test('item 10: money reads CNY billion in English and 亿元 to 2 decimals; balance figures have no -0 and group thousands', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('dash-report.key_projects.investment')).toHaveText('CNY 27.565 billion');
  await expect(page.getByTestId('dash-report.third_batch.investment')).toHaveText('CNY 1.635 billion');
  await expect(page.getByTestId('dash-infrastructure.investment')).toHaveText('CNY 2.3 billion');
  await page.getByRole('radio', { name: '中文' }).click();
  await expect(page.getByTestId('dash-infrastructure.investment')).toHaveText('23.00 亿元');
  await page.getByRole('tab', { name: '规划' }).click();
  await expect(page.getByTestId('balance-total-current')).toHaveText(/^\d{1,3}(,\d{3})*\.\d{4}$/);
  const cells = await page.locator('table td.num').allTextContents();
  expect(cells.length).toBeGreaterThan(10);
  for (const c of cells) {
    expect(c, c).not.toMatch(/^-0(\.0+)?\b/);
    const n = /^[-+]?([\d,]+)(\.\d+)?/.exec(c.trim());
    if (n && n[1]!.replace(/,/g, '').length > 3) expect(n[1], c).toMatch(/^\d{1,3}(,\d{3})+$/);
  }
});

test('item 14: the zh UI says link problems, import issues, CRS names and scale units in Chinese', async ({ page }) => {
  await openAtlas(page, '?lang=zh#layers=nope&map=abc/1/2');
  const notice = page.getByRole('status').filter({ hasText: '链接中的部分内容无法识别' });
  await expect(notice).toContainText('未知图层“nope”');
  await expect(notice).toContainText('缩放级别“abc”不是数字');
  expect(await notice.locator('li').allTextContents()).not.toContainEqual(expect.stringMatching(/unknown|is not|number/));

  await page.getByTestId('import-input').setInputFiles({ name: 'crs-4526.geojson', mimeType: 'application/json', buffer: readFileSync(new URL('../fixtures/io/crs-4526.geojson', import.meta.url)) });
  const report = page.getByRole('dialog', { name: '导入结果' });
  await expect(report).toContainText('CGCS2000 3度带高斯-克吕格投影（中央经线 114°E，第38带，含带号，EPSG:4526）');
  const messages = await report.locator('.issue-msg').allTextContents();
  for (const m of messages) expect(m.replace(/“[^”]*”|EPSG:\d+|CGCS2000|WGS ?84|GeoJSON|GCJ-02|DataV/g, ''), m).not.toMatch(/[A-Za-z]{3,}/);
  const options = await report.getByRole('combobox').first().locator('option').allTextContents();
  expect(options.join(' ')).toContain('CGCS2000 经纬度 (EPSG:4490)');
  expect(options.join(' ')).not.toMatch(/longitude|Gauss|zone/);
  await screenshot(page, 'figures-zh-import');
});

test('item 14: switching to Chinese turns the map’s scale bar and zoom buttons Chinese; English plurals are right', async ({ page }) => {
  await openAtlas(page, '?lang=en');
  const scale = page.locator('.maplibregl-ctrl-scale');
  await expect(scale).toHaveText(/\d+\s(m|km)$/);
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await expect(page.getByTestId('selection-count')).toHaveText('1 feature selected');
  await page.getByRole('radio', { name: '中文' }).click();
  await expect(scale).toHaveText(/\d+\s?(米|公里)$/);
  await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
  await expect(page.getByTestId('selection-count')).toHaveText('已选 1 个要素');
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(scale).toHaveText(/\d+\s(m|km)$/);
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
});

test('item 16: KML names and styles each placemark; the Shapefile writes null for other layers’ fields and a name map', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await clickFeature(page, 'ppp-parcels.geojson', 'pp-jinsha');
  await clickFeature(page, 'key-projects.geojson', 'kp-mingren-health', ['Control']);
  await expect(page.getByTestId('selection-count')).toHaveText('已选 2 个要素');
  await page.getByRole('button', { name: /^导出/ }).click();
  await page.getByRole('menuitem', { name: '导出选择集…' }).click();
  let dialog = page.getByRole('dialog', { name: '导出要素' });
  await dialog.getByRole('radio', { name: 'KML' }).click();
  const [kmlDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载' }).click()]);
  const kml = readFileSync((await kmlDownload.path())!, 'utf8');
  const names = [...kml.matchAll(/<Placemark[^>]*>\s*<name>([^<]*)<\/name>/g)].map((m) => m[1]).sort();
  expect(names).toEqual(['明仁健康产业', '金沙PPP项目'].sort());
  // ppp kind colour #e03131 and service project colour #1971c2, as aabbggrr
  expect(kml).toContain('<PolyStyle><color>');
  expect(kml).toMatch(/<IconStyle><color>ff3131e0<\/color>/);
  expect(kml).toMatch(/<IconStyle><color>ffc27119<\/color>/);
  expect([...kml.matchAll(/<styleUrl>#s\d<\/styleUrl>/g)]).toHaveLength(2);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^导出/ }).click();
  await page.getByRole('menuitem', { name: '导出筛选结果…' }).click();
  dialog = page.getByRole('dialog', { name: '导出要素' });
  await dialog.getByRole('radio', { name: 'Shapefile (.zip)' }).click();
  const [shpDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载' }).click()]);
  const files = unzipSync(readFileSync((await shpDownload.path())!));
  const pointLayer = Object.keys(files).find((n) => n.endsWith('_point.shp'))!.replace(/\.shp$/, '');
  const map = new TextDecoder().decode(files[`${pointLayer}_fields.txt`]!);
  expect(map).toContain('invest_cny\tinvestment_cny');
  if (!OGRINFO) return;
  const dir = mkdtempSync(join(tmpdir(), 'shp-e2e-'));
  try {
    for (const [n, b] of Object.entries(files)) writeFileSync(join(dir, n), b);
    const out = execFileSync(OGRINFO, ['-al', '-q', join(dir, `${pointLayer}.shp`)], { encoding: 'utf8' });
    const village = out.split(/OGRFeature\([^)]*\):\d+/).find((r) => /id \(String\) = vl-/.test(r))!;
    expect(village).toMatch(/category \(String\) = \(null\)/);
    expect(village).toMatch(/invest_cny \(Real\) = \(null\)/);
    expect(out).not.toMatch(/ \(String\) = F\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
