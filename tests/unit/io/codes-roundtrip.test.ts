import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { exportCsv } from '../../../src/io/export/csv';
import { exportGeoJson } from '../../../src/io/export/geojson';
import { exportKml } from '../../../src/io/export/kml';
import { exportShapefile } from '../../../src/io/export/shapefile';
import { importFile } from '../../../src/io/import/import-file';
import { deepFreeze, textFile } from './helpers';

/** Codes with leading zeros and fixed width, Chinese text, numbers of every shape, an empty value. */
const FEATURES: Feature<Point>[] = deepFreeze([
  { adcode: '410802', XZQDM: '410802001', DLBM: '0101', YDYHFLDM: '070101', BSM: '000123', DKBH: '0379-01', 名称: '解放区', 人口: 12345, 面积: 12.5, 变化: -3.25, 备注: '含,逗号 "引号"' },
  { adcode: '410803', XZQDM: '410803002', DLBM: '203', YDYHFLDM: '1207', BSM: '000124', DKBH: '0379-02', 名称: '中站区', 人口: 678, 面积: 1234567.891, 变化: 0, 备注: '' },
  { adcode: '410811', XZQDM: '410811100', DLBM: '1001', YDYHFLDM: '0303', BSM: '100125', DKBH: 'A-3', 名称: '山阳区（示范区）', 人口: 90, 面积: 0.0001, 变化: 7, 备注: '第二行' },
].map((properties, i) => ({ type: 'Feature' as const, id: `f${i}`, properties, geometry: { type: 'Point' as const, coordinates: [113.2 + i / 100, 35.2 + i / 200] } })));

const props = (fs: readonly Feature[]) => fs.map((f) => f.properties);
/** Empty text and null are the same thing in formats without null (CSV, dbf, KML). */
const blankAsNull = (fs: readonly Feature[]) => fs.map((f) => Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [k, v === '' ? null : v])));

describe('export → import keeps every value as it was (codes stay text, numbers stay numbers)', () => {
  it('GeoJSON', async () => {
    const r = await importFile([textFile('codes.geojson', exportGeoJson(FEATURES))]);
    expect(props(r.layers[0]!.features)).toEqual(props(FEATURES));
  });

  it('CSV', async () => {
    const r = await importFile([textFile('codes.csv', exportCsv(FEATURES))]);
    expect(blankAsNull(r.layers[0]!.features)).toEqual(blankAsNull(FEATURES));
  });

  it('KML', async () => {
    const r = await importFile([textFile('codes.kml', exportKml(FEATURES))]);
    const got = r.layers[0]!.features.map((f) => Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => k in FEATURES[0]!.properties!)));
    expect(got.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === '' ? null : v])))).toEqual(blankAsNull(FEATURES));
  });

  it('Shapefile', async () => {
    const { data } = await exportShapefile(FEATURES, { name: 'codes' });
    const r = await importFile([{ name: 'codes.zip', bytes: data }]);
    expect(blankAsNull(r.layers[0]!.features)).toEqual(blankAsNull(FEATURES));
  });
});
