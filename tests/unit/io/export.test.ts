import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCsv, neutralizeCell } from '../../../src/io/export/csv';
import { exportGeoJson, suggestFileName } from '../../../src/io/export/geojson';
import { exportKml } from '../../../src/io/export/kml';
import { dbfFieldNames, exportShapefile, truncateUtf8 } from '../../../src/io/export/shapefile';
import { importFile } from '../../../src/io/import/import-file';
import { importGeoJson } from '../../../src/io/import/geojson';
import { deepFreeze, fixture, textFile } from './helpers';

const loaded = () => deepFreeze(importGeoJson(fixture('good.geojson')).layers[0]!.features);

describe('exportGeoJson', () => {
  it('round-trips: export then import gives deep-equal features (ids, properties, coordinates)', async () => {
    const features = loaded();
    const text = exportGeoJson(features);
    const again = await importFile([textFile('again.geojson', text)]);
    expect(again.layers[0]!.features).toEqual(features);
    expect(again.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('writes RFC 7946: no crs member, right-hand winding, compact on request', () => {
    const cw = { type: 'Feature' as const, properties: { a: 1 }, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] } };
    const out = JSON.parse(exportGeoJson([cw], { pretty: false }));
    expect(out).toEqual({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }] });
    expect(exportGeoJson([cw], { pretty: false })).not.toContain('\n');
  });

  it('rounds coordinates only when asked and adds derived fields only when asked', () => {
    const features = loaded();
    const rounded = JSON.parse(exportGeoJson(features, { precision: 3 }));
    expect(rounded.features[1].geometry.coordinates).toEqual([113.242, 35.216, 96.5]);
    expect(rounded.features[0].properties.area_mu).toBe(12.345678901234567);
    const derived = JSON.parse(exportGeoJson(features, { derive: (f) => ({ area_m2: f.id === 'parcel-1' ? 1 : 0 }) }));
    expect(derived.features[0].properties.area_m2).toBe(1);
    expect(JSON.parse(exportGeoJson(features)).features[0].properties).not.toHaveProperty('area_m2');
  });

  it('suggests safe file names, keeping Chinese', () => {
    const d = new Date(2026, 10, 24);
    expect(suggestFileName('ppp-parcels', d)).toBe('ppp-parcels_2026-11-24.geojson');
    expect(suggestFileName('用地/规划: "一期"', d, 'csv')).toBe('用地-规划-一期_2026-11-24.csv');
    expect(suggestFileName('../..', d)).toBe('export_2026-11-24.geojson');
    expect(suggestFileName('CON', d, '.kml')).toBe('CON__2026-11-24.kml');
  });
});

describe('exportCsv', () => {
  it('neutralises formula injection but not plain negative numbers', () => {
    expect(neutralizeCell('=1+1')).toBe("'=1+1");
    expect(neutralizeCell('+86 123')).toBe("'+86 123");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('\tcmd')).toBe("'\tcmd");
    expect(neutralizeCell('\rcmd')).toBe("'\rcmd");
    expect(neutralizeCell('-2+3')).toBe("'-2+3");
    expect(neutralizeCell('-12.5')).toBe('-12.5');
    expect(neutralizeCell('焦作')).toBe('焦作');
  });

  it('writes points as lon/lat, JSON-encodes nested values, and adds a BOM on request', () => {
    const fs = deepFreeze([
      { type: 'Feature' as const, properties: { name: '=cmd()', n: -5, o: { a: [1] }, code: '0101' }, geometry: { type: 'Point' as const, coordinates: [113.2, 35.2] } },
    ]);
    const csv = exportCsv(fs, { bom: true });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['name', 'n', 'o', 'code', 'lon', 'lat'],
      ["'=cmd()", '-5', '{"a":[1]}', '0101', '113.2', '35.2'],
    ]);
  });

  it('writes lines and polygons as WKT with a centroid, and reads back', async () => {
    const csv = exportCsv(loaded());
    const header = csv.split('\r\n')[0]!;
    expect(header.endsWith('wkt,centroid_lon,centroid_lat')).toBe(true);
    const back = await importFile([textFile('back.csv', csv)]);
    expect(back.layers[0]!.csv!.wkt).toBe('wkt');
    expect(back.layers[0]!.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Point', 'LineString', 'MultiPolygon']);
    expect(back.layers[0]!.features[0]!.properties!.code).toBe('0101');
  });
});

describe('exportKml', () => {
  it('writes KML that reads back with names and markup kept as text', async () => {
    const kml = exportKml(loaded());
    expect(kml.startsWith('<?xml')).toBe(true);
    expect(kml).not.toContain('<script>');
    const back = await importFile([textFile('back.kml', kml)]);
    const p = back.layers[0]!.features[0]!.properties!;
    expect(p.name).toBe('焦作市民中心地块');
    expect(p.xss).toBe("<img src=x onerror=alert(1)><script>alert('x')</script>");
    expect(p).not.toHaveProperty('empty');
    expect(back.layers[0]!.features).toHaveLength(4);
  });
});

describe('exportShapefile', () => {
  it('cuts dbf field names to 10 bytes on character boundaries and keeps them unique', () => {
    expect(truncateUtf8('规划用地性质', 10)).toBe('规划用');
    const names = dbfFieldNames(['规划用地性质代码', '规划用地性质名称', 'formatted_address', 'FORMATTED_ADDRESS_2']);
    expect([...names.values()]).toEqual(['规代码', '规名称', 'form_addre', 'FOR_ADDR_2']);
    for (const n of names.values()) expect(new TextEncoder().encode(n).length).toBeLessThanOrEqual(10);
  });

  it('writes one layer per geometry kind with .prj and UTF-8 .cpg, Chinese intact on re-import', async () => {
    const { data, issues } = await exportShapefile(loaded(), { name: '地块' });
    const entries = Object.keys(unzipSync(data)).sort();
    expect(entries).toEqual(
      ['地块_line', '地块_point', '地块_polygon'].flatMap((b) => [...['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `${b}.${e}`), `${b}_fields.txt`]).sort(),
    );
    expect(new TextDecoder().decode(unzipSync(data)['地块_polygon.cpg'])).toBe('UTF-8');
    expect(issues.filter((i) => i.code === 'shp-field-renamed')).toEqual([]);
    const back = await importFile([{ name: 'x.zip', bytes: data }]);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const poly = back.layers.find((l) => l.name === '地块_polygon')!;
    expect(poly.encoding).toBe('utf-8');
    expect(poly.features[0]!.properties).toMatchObject({ name: '焦作市民中心地块', code: '0101', area_mu: expect.closeTo(12.345678901234567, 9) });
    expect(poly.features[0]!.properties!.xss).toBe("<img src=x onerror=alert(1)><script>alert('x')</script>");
    expect(poly.features[0]!.geometry).toEqual(loaded()[0]!.geometry);
    // the multipolygon keeps its hole
    expect((poly.features[1]!.geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);
  });

  it('lists what shapefiles cannot hold', async () => {
    const fs = deepFreeze([
      { type: 'Feature' as const, properties: { 很长的中文字段名称: 'x' }, geometry: { type: 'GeometryCollection' as const, geometries: [] } },
      { type: 'Feature' as const, properties: { 很长的中文字段名称: 'y'.repeat(300) }, geometry: { type: 'MultiPoint' as const, coordinates: [[1, 2], [3, 4]] } },
    ]);
    const { issues } = await exportShapefile(fs);
    expect(issues.map((i) => i.code).sort()).toEqual(['export-geometry-skipped', 'shp-field-renamed', 'shp-multipoint-exploded', 'shp-value-truncated']);
  });
});
