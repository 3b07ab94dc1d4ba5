import { describe, expect, it } from 'vitest';
import { convertGcj02ToWgs84, gcj02ToWgs84, looksLikeGcj02 } from '../../../src/io/gcj02';
import { parseWkt, toWkt } from '../../../src/io/wkt';
import { deepFreeze } from './helpers';

describe('WKT', () => {
  it('parses the simple features with Z, M, EMPTY and SRID', () => {
    expect(parseWkt('POINT (113.2 35.2)').geometry).toEqual({ type: 'Point', coordinates: [113.2, 35.2] });
    expect(parseWkt('point z (1 2 3)').geometry).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWkt('POINT M (1 2 9)').geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('POINT ZM (1 2 3 9)').geometry).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWkt('SRID=4326;MULTIPOINT ((1 2), (3 4))')).toEqual({ geometry: { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }, srid: 4326 });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('POLYGON EMPTY').geometry).toBeNull();
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.1 5.1, 5.2 5.1, 5.2 5.2, 5.1 5.1)))').geometry).toMatchObject({ type: 'MultiPolygon' });
    expect(parseWkt('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))').geometry).toMatchObject({ type: 'GeometryCollection' });
  });

  it('returns errors instead of throwing', () => {
    expect(parseWkt('POLYGON ((0 0, 1').error).toBeDefined();
    expect(parseWkt('CIRCLE (1 2)').error).toMatch(/CIRCLE/);
    expect(parseWkt('POINT (1 2) trailing').error).toBeDefined();
  });

  it('writes what it reads', () => {
    for (const w of ['POINT (1.5 -2)', 'LINESTRING Z (0 0 1, 1 1 2)', 'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))', 'MULTIPOINT ((1 2), (3 4))']) {
      expect(toWkt(parseWkt(w).geometry!)).toBe(w);
    }
  });
});

describe('GCJ-02', () => {
  it('moves Jiaozuo about 580 m west and 60 m north when converting to WGS84', () => {
    const gcj = [113.241823, 35.215892];
    const wgs = gcj02ToWgs84(gcj);
    const dx = (wgs[0]! - gcj[0]!) * 111320 * Math.cos((35.2 * Math.PI) / 180);
    const dy = (wgs[1]! - gcj[1]!) * 110574;
    expect(dx).toBeGreaterThan(-620);
    expect(dx).toBeLessThan(-540);
    expect(dy).toBeGreaterThan(20);
    expect(dy).toBeLessThan(90);
  });

  it('converts collections without mutating them and keeps elevations', () => {
    const fc = deepFreeze([{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: [[113.2, 35.2, 5], [113.3, 35.3, 6]] } }]);
    const out = convertGcj02ToWgs84(fc);
    expect((out[0]!.geometry as GeoJSON.LineString).coordinates[0]![2]).toBe(5);
    expect(out[0]).not.toBe(fc[0]);
  });

  it('only suggests GCJ-02 for DataV-style data or telling file names', () => {
    const datav = [{ type: 'Feature' as const, properties: { adcode: 410800, center: [1, 2], centroid: [1, 2] }, geometry: null }];
    expect(looksLikeGcj02(datav).suspected).toBe(true);
    expect(looksLikeGcj02([], 'amap-poi.csv').suspected).toBe(true);
    expect(looksLikeGcj02([], '厦门_gcj02_wgs84.shp').suspected).toBe(false);
    expect(looksLikeGcj02([{ type: 'Feature', properties: { name: 'x' }, geometry: null }], 'parcels.geojson').suspected).toBe(false);
  });
});
