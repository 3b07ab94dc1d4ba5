import { describe, expect, it } from 'vitest';
import { detectCsvColumns, importCsv } from '../../../src/io/import/csv';
import { columnKinds, typedCell } from '../../../src/io/values/column-types';
import { codes, errors, fixture, textFile } from './helpers';

describe('importCsv', () => {
  it('decodes GBK, finds 经度/纬度 and keeps codes with leading zeros as text', () => {
    const r = importCsv(fixture('gbk-points.csv'));
    const l = r.layers[0]!;
    expect(l.encoding).toBe('gbk');
    expect(l.csv).toMatchObject({ lon: '经度', lat: '纬度', columns: ['名称', '经度', '纬度', '用地代码', '面积'] });
    expect(l.features[0]!.properties).toEqual({ 名称: '焦作市政府', 用地代码: '0101', 面积: 12.5 });
    expect(l.features[1]!.properties).toMatchObject({ 面积: 7 });
    expect(l.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [113.241823, 35.215892] });
  });

  it('lists rows with bad coordinates by row number and loads the rest', () => {
    const r = importCsv(fixture('gbk-points.csv'));
    expect(r.layers[0]!.features).toHaveLength(2);
    const [e] = errors(r);
    expect(e).toMatchObject({ code: 'csv-bad-row', row: 3, line: 4, featureName: '坏行', params: { row: 3, column: '经度', problem: 'not-a-number' } });
    expect(e!.featureIndex).toBeUndefined();
    expect(e!.message).toBe('Row 3, 坏行: 经度 is not a number ("不是数字"). The row was not loaded.');
  });

  it('names a row by its code and name columns and tells an empty cell from one that is not a number', () => {
    const csv = '监测点编码,监测点名称,城市,经度,纬度\n1044A,焦作,焦作市,113.2,35.2\n1045A,市政府,焦作市,,35.21\n1046A,高新区,焦作市,113.3,北纬35\n';
    const r = importCsv(textFile('stations.csv', csv));
    expect(errors(r).map((e) => e.message)).toEqual([
      'Row 2, 1045A 市政府: 经度 is empty. The row was not loaded.',
      'Row 3, 1046A 高新区: 纬度 is not a number ("北纬35"). The row was not loaded.',
    ]);
    expect(errors(r).map((e) => [e.row, e.featureName, e.params!.problem])).toEqual([
      [2, '1045A 市政府', 'empty'],
      [3, '1046A 高新区', 'not-a-number'],
    ]);
    expect(r.layers[0]!.features).toHaveLength(1);
  });

  it('names the row of geometry problems found while normalizing too', () => {
    const r = importCsv(textFile('p.csv', 'name,wkt\n甲,"POLYGON((113.2 35.2,113.3 35.2,113.3 35.3,113.2 35.2))"\n乙,"POLYGON((113.2 35.2,113.3 35.3,113.3 35.2,113.2 35.3,113.2 35.2))"\n'));
    const issue = r.issues.find((i) => i.code === 'ring-self-intersection')!;
    expect(issue).toMatchObject({ row: 2, featureName: '乙' });
    expect(issue.featureIndex).toBeUndefined();
  });

  it('re-runs with user-chosen columns', () => {
    const text = 'a,b,名称\n35.2,113.2,甲\n';
    const auto = importCsv(textFile('ab.csv', text));
    expect(auto.layers[0]!.csv).toMatchObject({ lon: 'b', lat: 'a' });
    const chosen = importCsv(textFile('ab.csv', 'a,b,c\n1,2,3\n'), { csvColumns: { lon: 'a', lat: 'b' } });
    expect(chosen.layers[0]!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(chosen.layers[0]!.csv!.lon).toBe('a');
  });

  it('reports when no coordinate columns exist, listing the columns', () => {
    const r = importCsv(textFile('none.csv', 'name,value\na,1\n'));
    expect(codes(r, 'error')).toEqual(['csv-no-coordinates']);
    expect(r.layers[0]!.csv!.columns).toEqual(['name', 'value']);
  });

  it('reads a WKT column and lists invalid WKT rows', () => {
    const r = importCsv(fixture('wkt.csv'));
    expect(r.layers[0]!.csv!.wkt).toBe('geometry');
    expect(r.layers[0]!.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon']);
    expect(r.layers[0]!.features[0]!.properties).toEqual({ name: '道路', code: '0201' });
    expect(errors(r)[0]).toMatchObject({ code: 'wkt-invalid', params: { row: 3 } });
  });

  it('swaps Chinese survey X (north) / Y (east) columns and reprojects zone 38', () => {
    const r = importCsv(fixture('survey-xy.csv'));
    expect(r.layers[0]!.csv).toMatchObject({ lon: 'Y', lat: 'X' });
    expect(codes(r, 'warning')).toEqual(expect.arrayContaining(['csv-xy-swapped', 'crs-assumed']));
    const [lon, lat] = (r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(Math.abs(lon - 113.25)).toBeLessThan(1e-6);
    expect(Math.abs(lat - 35.18)).toBeLessThan(1e-6);
  });

  it('strips a UTF-8 BOM and keeps formula-like text verbatim on import (a column with text stays text)', () => {
    const r = importCsv(fixture('formula.csv'));
    expect(r.layers[0]!.csv!.columns[0]).toBe('name');
    expect(r.layers[0]!.features[0]!.properties).toEqual({ name: '=HYPERLINK("http://x")', note: '-5' });
    expect(r.layers[0]!.features[1]!.properties).toEqual({ name: '正常', note: '+1' });
  });

  it('renames a __proto__ column instead of polluting', () => {
    const r = importCsv(textFile('p.csv', '__proto__,lon,lat\n{"polluted":1},113,35\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.layers[0]!.features[0]!.properties).toEqual({ __proto___: '{"polluted":1}' });
    expect(codes(r, 'warning')).toContain('prototype-key-removed');
  });
});

describe('column types', () => {
  it('makes a column numeric only when every value is a plain, non-code number', () => {
    const rows = [['410802', '0101', '12345', '-3.5', '1.50', '410802001'], ['410803', '203', '678', '0.25', '2', '410803002']];
    expect(columnKinds(['adcode', 'DLBM', '人口', '变化', 'x', 'code9'], rows)).toEqual(['text', 'text', 'number', 'number', 'number', 'text']);
    expect(columnKinds(['v', 'w'], [['-0', '1.'], ['-01', '.5']])).toEqual(['text', 'text']);
    expect(columnKinds(['v'], [['12345678901234567890']])).toEqual(['text']);
    expect(columnKinds(['v'], [['1e3']])).toEqual(['text']);
    expect(columnKinds(['adcode'], [['410802']], ['adcode'])).toEqual(['number']);
    expect(typedCell('', 'number')).toBeNull();
    expect(typedCell('0101', 'text')).toBe('0101');
    expect(typedCell('1.50', 'number')).toBe(1.5);
    expect(typedCell('n/a', 'number')).toBe('n/a');
  });

  it('keeps code text from a CSV as text, and says so', () => {
    const r = importCsv(textFile('c.csv', 'adcode,XZQDM,DLBM,name,pop,lon,lat\n410802,410802001,0101,解放区,12345,113.2,35.2\n410803,410803002,203,中站区,678,113.1,35.2\n'));
    expect(r.layers[0]!.features.map((f) => f.properties)).toEqual([
      { adcode: '410802', XZQDM: '410802001', DLBM: '0101', name: '解放区', pop: 12345 },
      { adcode: '410803', XZQDM: '410803002', DLBM: '203', name: '中站区', pop: 678 },
    ]);
    expect(r.issues.find((i) => i.code === 'csv-codes-kept-text')?.params?.columns).toBe('adcode, XZQDM');
    const forced = importCsv(textFile('c.csv', 'adcode,lon,lat\n410802,113.2,35.2\n'), { csvNumeric: ['adcode'] });
    expect(forced.layers[0]!.features[0]!.properties).toEqual({ adcode: 410802 });
  });
});

describe('detectCsvColumns', () => {
  it('recognises common header names', () => {
    expect(detectCsvColumns(['id', 'Longitude', 'Latitude'], [['1', '113', '35']])).toEqual({ lon: 'Longitude', lat: 'Latitude' });
    expect(detectCsvColumns(['lng_gcj02', 'lat_gcj02'], [['113', '35']])).toEqual({ lon: 'lng_gcj02', lat: 'lat_gcj02' });
    expect(detectCsvColumns(['东坐标', '北坐标'], [['38431683', '3894820']])).toEqual({ lon: '东坐标', lat: '北坐标' });
  });
});
