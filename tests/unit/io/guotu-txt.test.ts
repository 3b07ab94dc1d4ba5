/**
 * 国土TXT reader. Reference positions are PROJ 9.1 `cs2cs -f %.10f EPSG:4526 EPSG:4490` of the file's
 * points (input "northing easting", output "lat lon"):
 *   3894800 38431600 → 35.1798129530 113.2490852576
 *   3894900 38431700 → 35.1807210331 113.2501747249
 *   3895150 38432200 → 35.1830080897 113.2556429713
 *   3895100 38432100 → 35.1825506979 113.2545492972
 * and `cs2cs EPSG:4547 EPSG:4490` of 3894800 431600 (no zone prefix, CM 114E) gives the first again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importGuotuTxt, looksLikeGuotuTxt } from '../../../src/io/guotu-txt';
import { importFile } from '../../../src/io/import/import-file';
import type { InputFile } from '../../../src/io/types';
import { codes, errors, repoRoot, textFile } from './helpers';

const fixture = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/gdal', name))) });
const text = readFileSync(path.join(repoRoot, 'tests/fixtures/gdal/guotu-two-parcels.txt'), 'utf8');

function near(p: Position | undefined, lat: number, lon: number): void {
  expect(Math.abs(p![0]! - lon)).toBeLessThan(1e-9);
  expect(Math.abs(p![1]! - lat)).toBeLessThan(1e-9);
}

describe('国土TXT', () => {
  it('reads two parcels, the second with a hole, where cs2cs puts their points', () => {
    const r = importGuotuTxt(fixture('guotu-two-parcels.txt'));
    expect(errors(r)).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
    const [a, b] = r.layers[0]!.features;
    expect(r.layers[0]!.crs).toEqual({ detected: 'EPSG:4526', assumed: false, description: expect.stringContaining('zone 38'), gkDatum: 'cgcs2000' });
    expect(a!.properties).toMatchObject({ 界址点数: 5, 地块面积: 0.9999, 地块编号: 'JZ-2026-001', 地块名称: '文昌街道安置区', 图形属性: '面', 图幅号: 'I49G035068', 地块用途: '建设用地', 地类编码: '0702' });
    const outer = (a!.geometry as Polygon).coordinates[0]!;
    expect(outer).toHaveLength(5);
    const sw = outer.find((p) => Math.abs(p[0]! - 113.2490852576) < 1e-6)!;
    near(sw, 35.179812953, 113.2490852576);
    near(outer.find((p) => Math.abs(p[0]! - 113.2501747249) < 1e-6), 35.1807210331, 113.2501747249);
    const rings = (b!.geometry as Polygon).coordinates;
    expect(rings).toHaveLength(2);
    near(rings[0]!.find((p) => Math.abs(p[0]! - 113.2556429713) < 1e-6), 35.1830080897, 113.2556429713);
    near(rings[1]!.find((p) => Math.abs(p[0]! - 113.2545492972) < 1e-6), 35.1825506979, 113.2545492972);
  });

  it('reads GBK text and eastings without the zone prefix (zone from the header)', () => {
    const bytes = fixture('guotu-gbk-no-prefix.txt').bytes;
    expect(looksLikeGuotuTxt(bytes)).toBe(true);
    const r = importGuotuTxt({ name: 'gbk.txt', bytes });
    expect(errors(r)).toEqual([]);
    expect(r.layers[0]!.crs?.detected).toBe('EPSG:4547');
    const f = r.layers[0]!.features[0]!;
    expect(f.properties?.['地块名称']).toBe('文昌街道安置区');
    near((f.geometry as Polygon).coordinates[0]!.find((p) => Math.abs(p[0]! - 113.2490852576) < 1e-6), 35.179812953, 113.2490852576);
  });

  it('is recognised among .txt files by its sections, not taken for CSV', async () => {
    const r = await importFile([fixture('guotu-two-parcels.txt')]);
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => [l.name, l.features.length])).toEqual([['guotu-two-parcels', 2]]);
  });

  it('closes an unclosed ring with a note naming the parcel and line', () => {
    const bad = text.replace('J1,1,3894800.000,38431600.000\n10,', '10,').replace(/^5,/m, '4,');
    const r = importGuotuTxt(textFile('unclosed.txt', bad));
    const issue = r.issues.find((i) => i.code === 'guotu-ring-unclosed')!;
    expect(issue).toMatchObject({ severity: 'warning', featureName: 'JZ-2026-001', line: 17 });
    expect((r.layers[0]!.features[0]!.geometry as Polygon).coordinates[0]).toHaveLength(5);
  });

  it('reports a wrong 界址点数', () => {
    const r = importGuotuTxt(textFile('count.txt', text.replace(/^10,/m, '9,')));
    expect(r.issues.find((i) => i.code === 'guotu-point-count')).toMatchObject({ featureName: 'JZ-2026-002', line: 19, params: { stated: 9, listed: 10 } });
  });

  it('without a header, takes the zone from the eastings and says so', () => {
    const r = importGuotuTxt(textFile('nohead.txt', text.slice(text.indexOf('[地块坐标]'))));
    expect(codes(r)).toContain('guotu-header-missing');
    expect(r.layers[0]!.crs?.detected).toBe('EPSG:4526');
  });

  it('reports a 带号 that disagrees with the coordinates, and uses the coordinates', () => {
    const r = importGuotuTxt(textFile('zone.txt', text.replace('带号=38', '带号=37')));
    expect(r.issues.find((i) => i.code === 'guotu-zone-mismatch')).toMatchObject({ params: { header: 37, data: 38 } });
    near((r.layers[0]!.features[0]!.geometry as Polygon).coordinates[0]![0], 35.179812953, 113.2490852576);
  });

  it('compares the stated 地块面积 with the ellipsoidal area (0.1 % tolerance)', () => {
    expect(codes(importGuotuTxt(fixture('guotu-two-parcels.txt')))).not.toContain('guotu-area-mismatch');
    const r = importGuotuTxt(textFile('area.txt', text.replace('0.9999', '1.0100')));
    const issue = r.issues.find((i) => i.code === 'guotu-area-mismatch')!;
    expect(issue.featureName).toBe('JZ-2026-001');
    expect(issue.params?.computed).toBeCloseTo(0.9999, 4);
  });

  it('says when there are no parcels', () => {
    const r = importGuotuTxt(textFile('empty.txt', '[属性描述]\n带号=38\n[地块坐标]\n'));
    expect(r.layers).toEqual([]);
    expect(errors(r)[0]?.message).toMatch(/no 地块 records/);
  });
});

describe('国土TXT export', () => {
  it('round-trips: import(export(x)) gives the same polygons within 1 mm and the same 地块 attributes', async () => {
    const { exportGuotuTxt } = await import('../../../src/io/guotu-txt-write');
    const original = importGuotuTxt(fixture('guotu-two-parcels.txt')).layers[0]!.features;
    const { text, issues } = exportGuotuTxt(original, { date: new Date(2026, 10, 20) });
    expect(issues).toEqual([]);
    expect(text).toContain('带号=38\r\n');
    expect(text).toContain('\r\nJ1,1,3894800.000,38431600.000\r\n');
    // 10 lines for the parcel with a hole: 4 + closing, 4 + closing; the hole's numbering goes on (J5…J8, J5).
    expect(text).toMatch(/\r\n10,2\.7497,JZ-2026-002,阳庙镇产业园,面,I49G035068,工业用地,1001,@\r\n/);
    expect(text).toContain('J5,2,3895050.000,38432050.000\r\nJ6,2,');
    const again = importGuotuTxt(textFile('out.txt', text));
    expect(errors(again)).toEqual([]);
    expect(codes(again, 'warning')).toEqual([]);
    const back = again.layers[0]!.features;
    expect(back.map((f) => f.properties)).toEqual(original.map((f) => f.properties));
    const mPerDeg = 111_000;
    back.forEach((f, i) => {
      const a = (f.geometry as Polygon).coordinates.flat();
      const b = (original[i]!.geometry as Polygon).coordinates.flat();
      expect(a).toHaveLength(b.length);
      a.forEach((p, k) => {
        expect(Math.abs(p[0]! - b[k]![0]!) * mPerDeg).toBeLessThan(0.001);
        expect(Math.abs(p[1]! - b[k]![1]!) * mPerDeg).toBeLessThan(0.001);
      });
    });
  });

  it('6° zones: zone from the data (Jiaozuo: zone 19, CM 111E); points and lines are left out with a note', async () => {
    const { exportGuotuTxt, zoneOf } = await import('../../../src/io/guotu-txt-write');
    expect([zoneOf(113.25, 3), zoneOf(113.25, 6)]).toEqual([38, 19]);
    const parcels = importGuotuTxt(fixture('guotu-two-parcels.txt')).layers[0]!.features;
    const point = { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [113.25, 35.18] } };
    const { text, issues } = exportGuotuTxt([...parcels, point], { width: 6 });
    expect(text).toContain('几度分带=6\r\n');
    expect(text).toContain('带号=19\r\n');
    expect(issues.map((i) => i.code)).toEqual(['export-geometry-skipped']);
    const back = importGuotuTxt(textFile('six.txt', text));
    expect(back.layers[0]!.crs?.detected).toBe('EPSG:4497');
    expect(codes(back, 'warning')).toEqual([]);
  });
});

describe('国土TXT export of a red line (RED_LINE_FIELDS)', () => {
  // the first fixture parcel's outline (its points checked against cs2cs above) under a planner's attributes
  const outline = () => importGuotuTxt(fixture('guotu-two-parcels.txt')).layers[0]!.features[0]!.geometry;
  const redLine = (properties: Record<string, unknown>, id: string | number = 'HX-01') => ({ type: 'Feature' as const, id, properties, geometry: outline() });
  const write = async (...features: ReturnType<typeof redLine>[]) => (await import('../../../src/io/guotu-txt-write')).exportGuotuTxt(features, { date: new Date(2026, 10, 20) });
  const fixtureLines = text.split('\n').slice(13, 18).join('\r\n');

  it('fills 地块名称 from 项目名称 and 地块用途/地类编码 from the 用地用海 class; the points come back where cs2cs puts them', async () => {
    const { text: out, issues } = await write(redLine({ XMMC: '焦作市民中心', YDMJ: 9999.1, YDYHFLDM: '0801', YDYHFLMC: '机关团体用地', RJL: 1.5, BZ: null }));
    expect(issues).toEqual([]);
    expect(out).toContain(`[地块坐标]\r\n5,0.9999,HX-01,焦作市民中心,面,,机关团体用地,0801,@\r\n${fixtureLines}\r\n`);
    const back = importGuotuTxt(textFile('red.txt', out));
    expect(errors(back)).toEqual([]);
    expect(codes(back, 'warning')).toEqual([]);
    const [f, ...rest] = back.layers[0]!.features;
    expect(rest).toEqual([]);
    expect(f!.properties).toMatchObject({ 界址点数: 5, 地块面积: 0.9999, 地块编号: 'HX-01', 地块名称: '焦作市民中心', 图形属性: '面', 地块用途: '机关团体用地', 地类编码: '0801' });
    const ring = (f!.geometry as Polygon).coordinates[0]!;
    expect(ring).toHaveLength(5);
    near(ring[0], 35.179812953, 113.2490852576);
    near(ring[2], 35.1807210331, 113.2501747249);
    near(ring[4], 35.179812953, 113.2490852576);
  });

  it('explicit 地块 fields win; a blank one gives way; a bare code gets its class name; 三调 codes are used last', async () => {
    const { text: out } = await write(
      redLine({ 地块名称: '安置区', XMMC: '项目', 地块用途: '建设用地', YDYHFLMC: '机关团体用地', 地类编码: '0702', YDYHFLDM: '0801' }, 1),
      redLine({ 地块名称: ' ', XMMC: '焦作市第一中学', YDYHFLDM: '0701' }, 2),
      redLine({ name: '耕地保护区', DLBM: '0101', DLMC: '水田' }, 3),
    );
    const props = importGuotuTxt(textFile('win.txt', out)).layers[0]!.features.map((f) => [f.properties!['地块名称'], f.properties!['地块用途'], f.properties!['地类编码']]);
    expect(props).toEqual([
      ['安置区', '建设用地', '0702'],
      ['焦作市第一中学', '城镇住宅用地', '0701'],
      ['耕地保护区', '水田', '0101'],
    ]);
  });

  it('a comma, “@” or line break in a value cannot break the record: written full-width or as a space, with a note', async () => {
    const { text: out, issues } = await write(redLine({ XMMC: '焦作市,解放区@2026\r\n一期', YDYHFLDM: '0801', YDYHFLMC: '机关团体用地' }, 'HX,7'));
    const back = importGuotuTxt(textFile('sep.txt', out));
    expect(errors(back)).toEqual([]);
    expect(codes(back, 'warning')).toEqual([]);
    const f = back.layers[0]!.features;
    expect(f).toHaveLength(1);
    expect(f[0]!.properties).toMatchObject({ 界址点数: 5, 地块编号: 'HX，7', 地块名称: '焦作市，解放区＠2026 一期', 图形属性: '面', 地块用途: '机关团体用地', 地类编码: '0801' });
    near((f[0]!.geometry as Polygon).coordinates[0]![2], 35.1807210331, 113.2501747249);
    expect(issues.map((i) => [i.severity, i.featureIndex, i.params?.['field'], i.params?.['to']])).toEqual([
      ['warning', 0, '地块编号', 'HX，7'],
      ['warning', 0, '地块名称', '焦作市，解放区＠2026 一期'],
    ]);
  });
});
