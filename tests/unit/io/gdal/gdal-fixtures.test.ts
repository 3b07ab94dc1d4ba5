/**
 * The GDAL fixtures (scripts/make-gdal-fixtures.ts) through the whole import, gdal3.js in Node.
 * Reference positions: PROJ 9.1 `cs2cs -f %.10f EPSG:4526 EPSG:4490` ("northing easting" in):
 *   3894800 38431600 → 35.1798129530 113.2490852576
 *   3895100 38432100 → 35.1825506979 113.2545492972
 * (CGCS2000 and WGS 84 are taken as one, < 0.1 m apart.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/io/import/import-file';
import type { InputFile } from '../../../../src/io/types';
import { codes, errors, repoRoot } from '../helpers';
import { useNodeGdal } from './gdal-node';

const fixture = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/gdal', name))) });
const has = (ring: Position[], lon: number, lat: number) => ring.some((p) => Math.abs(p[0]! - lon) < 1e-9 && Math.abs(p[1]! - lat) < 1e-9);

function checkParcels(features: Feature[]): void {
  expect(features.map((f) => f.properties?.MC)).toEqual(['文昌街道安置区', '阳庙镇产业园']);
  const a = features[0]!.geometry as Polygon;
  expect(has(a.coordinates[0]!, 113.2490852576, 35.179812953)).toBe(true);
  const b = features[1]!.geometry as Polygon;
  expect(b.coordinates).toHaveLength(2);
  expect(has(b.coordinates[1]!, 113.2545492972, 35.1825506979)).toBe(true);
}

describe('GDAL fixtures', () => {
  beforeAll(async () => {
    await useNodeGdal();
  }, 60000);

  it('GeoPackage in GK zone 38: two layers listed, aliases and the coded domain carried', async () => {
    const listed = await importFile([fixture('zone38.gpkg')]);
    expect(listed.sources![0]!.layers.map((l) => [l.name, l.geometryType, l.featureCount, l.crs])).toEqual([
      ['地块', 'Polygon', 2, 'EPSG:4526'],
      ['道路', 'LineString', 1, 'EPSG:4526'],
    ]);
    const r = await importFile([fixture('zone38.gpkg')], { layers: [listed.sources![0]!.layers[0]!.key] });
    expect(errors(r)).toEqual([]);
    const layer = r.layers[0]!;
    expect(layer.name).toBe('地块');
    expect(layer.fieldAliases).toEqual({ DKBH: '地块编号', YDXZ: '用地性质', MC: '名称' });
    expect(layer.crs).toMatchObject({ detected: 'EPSG:4526', assumed: false });
    checkParcels(layer.features);
    expect(layer.features[0]!.properties).toMatchObject({ YDXZ: 'R2', YDXZ_resolved: '二类居住用地' });
  }, 60000);

  it('File Geodatabase by native GDAL: coded-value domain descriptions beside the codes', async () => {
    const listed = await importFile([fixture('zone38-domain.gdb.zip')]);
    const r = await importFile([fixture('zone38-domain.gdb.zip')], { layers: [listed.sources![0]!.layers[0]!.key] });
    expect(errors(r)).toEqual([]);
    expect(r.layers[0]!.features.map((f) => [f.properties?.YDXZ, f.properties?.YDXZ_resolved])).toEqual([['R2', '二类居住用地'], ['M1', '一类工业用地']]);
  }, 60000);

  it('File Geodatabase (zipped): the feature dataset and the Chinese aliases', async () => {
    const listed = await importFile([fixture('zone38.gdb.zip')]);
    expect(listed.sources![0]!.layers.map((l) => [l.name, l.group, l.crs])).toEqual([
      ['地块', '规划', 'EPSG:4526'],
      ['道路', '规划', 'EPSG:4526'],
    ]);
    const r = await importFile([fixture('zone38.gdb.zip')], { layers: listed.sources![0]!.layers.map((l) => l.key) });
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => [l.name, l.features.length])).toEqual([['地块', 2], ['道路', 1]]);
    expect(r.layers[0]!.fieldAliases).toEqual({ DKBH: '地块编号', YDXZ: '用地性质', MC: '名称' });
    checkParcels(r.layers[0]!.features);
  }, 60000);

  it('MapInfo TAB with its .dat/.map/.id: GBK text and the CoordSys', async () => {
    const r = await importFile(['parcels.tab', 'parcels.dat', 'parcels.map', 'parcels.id'].map(fixture));
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => [l.name, l.features.length])).toEqual([['parcels', 2]]);
    expect(r.layers[0]!.crs?.assumed).toBe(false);
    expect(r.layers[0]!.features.map((f) => f.properties?.MC)).toEqual(['文昌街道安置区', '阳庙镇产业园']);
    // MapInfo stores coordinates on a grid of its CoordSys bounds: 3894800 comes back as 3894799.99.
    const ring = (r.layers[0]!.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring.some((p) => Math.abs(p[0]! - 113.2490852576) < 2e-7 && Math.abs(p[1]! - 35.179812953) < 2e-7)).toBe(true);
  }, 60000);

  it('a MapInfo .dat without its .tab says what is missing', async () => {
    const r = await importFile([fixture('parcels.dat')]);
    expect(errors(r)[0]).toMatchObject({ code: 'gdal-mapinfo-incomplete', file: 'parcels.dat' });
  });

  it('DXF: GK zone 38 found from the coordinates, one layer per geometry type, GBK text and CAD layer names', async () => {
    const r = await importFile([fixture('drawing.dxf')]);
    expect(errors(r)).toEqual([]);
    expect(codes(r)).toContain('crs-assumed');
    expect(r.crs?.detected).toBe('EPSG:4526');
    expect(r.layers.map((l) => [l.name, l.features.length])).toEqual([['drawing (polygons)', 1], ['drawing (lines)', 2], ['drawing (points)', 1]]);
    const polygon = r.layers[0]!.features[0]!;
    expect(polygon.properties?.Layer).toBe('规划地块');
    expect(has((polygon.geometry as Polygon).coordinates[0]!.map((p) => [p[0]!, p[1]!]), 113.2490852576, 35.179812953)).toBe(true);
    expect(r.layers[1]!.features.map((f) => f.properties?.Layer)).toEqual(['道路中线', '界桩']);
    expect(r.layers[2]!.features[0]!.properties).toMatchObject({ Layer: '注记', Text: '文昌街道安置区' });
  }, 60000);
});

describe('spreadsheets through GDAL', () => {
  beforeAll(async () => {
    await useNodeGdal();
  }, 60000);

  it.each(['villages.xlsx', 'villages.ods'])('%s: coordinate columns found as for CSV', async (name) => {
    const r = await importFile([fixture(name)]);
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => [l.name, l.features.length])).toEqual([['villages', 2]]);
    expect(r.layers[0]!.csv).toMatchObject({ lon: '经度', lat: '纬度' });
    const f = r.layers[0]!.features[0]!;
    expect(f.properties).toMatchObject({ name: '王窑村' });
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [113.2301, 35.1802] });
  }, 60000);
});
