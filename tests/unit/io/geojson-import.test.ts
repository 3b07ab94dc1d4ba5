import { describe, expect, it } from 'vitest';
import { importGeoJson } from '../../../src/io/import/geojson';
import { codes, errors, fixture, textFile } from './helpers';

describe('importGeoJson', () => {
  it('reads a FeatureCollection keeping properties verbatim (Chinese, nested, numbers, XSS text)', () => {
    const r = importGeoJson(fixture('good.geojson'));
    expect(errors(r)).toEqual([]);
    const [layer] = r.layers;
    expect(layer!.name).toBe('good');
    expect(layer!.features).toHaveLength(4);
    const p = layer!.features[0]!.properties!;
    expect(p).toEqual({
      name: '焦作市民中心地块',
      code: '0101',
      area_mu: 12.345678901234567,
      tags: ['ppp', '一期'],
      meta: { owner: { zh: '示范区管委会' }, year: 2026 },
      xss: "<img src=x onerror=alert(1)><script>alert('x')</script>",
      empty: null,
    });
  });

  it('keeps unique ids, replaces duplicates and fills missing ones, without adding properties', () => {
    const r = importGeoJson(fixture('good.geojson'));
    const ids = r.layers[0]!.features.map((f) => f.id);
    expect(ids[0]).toBe('parcel-1');
    expect(ids[3]).toBe(7);
    expect(new Set(ids).size).toBe(4);
    expect(typeof ids[1]).toBe('number');
    expect(codes(r, 'warning')).toContain('id-duplicate');
    expect(Object.keys(r.layers[0]!.features[2]!.properties!)).toEqual(['name']);
  });

  it('keeps coordinates unrounded, including a third ordinate', () => {
    const r = importGeoJson(fixture('good.geojson'));
    expect(r.layers[0]!.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [113.241823123456789, 35.215892987654321, 96.5] });
  });

  it('reports a JSON syntax error with line and column', () => {
    const r = importGeoJson(fixture('malformed.geojson'));
    expect(r.layers).toEqual([]);
    const [issue] = errors(r);
    expect(issue).toMatchObject({ code: 'json-syntax', file: 'malformed.geojson', line: 4 });
    const line4 = '    { "type": "Feature", "properties": { "name": "a", }, "geometry": null }';
    expect(issue!.column).toBe(line4.indexOf('}, "geometry"') + 1);
  });

  it('excludes fatal geometries and lists them by index and name; fixes what it can', () => {
    const r = importGeoJson(fixture('bad-geometries.geojson'));
    const names = r.layers[0]!.features.map((f) => f.properties!.name);
    expect(names).toEqual(['顺时针地块', '未闭合', '蝴蝶结', '重复点', '集合']);
    const byCode = (c: string) => r.issues.filter((i) => i.code === c);
    expect(byCode('ring-too-few-points')[0]).toMatchObject({ severity: 'error', featureIndex: 2, featureName: '太少的点' });
    expect(byCode('unknown-geometry')[0]).toMatchObject({ severity: 'error', featureIndex: 4, params: { type: 'Circle' } });
    expect(byCode('coord-invalid').map((i) => i.featureIndex)).toEqual([5, 9]);
    expect(byCode('coord-out-of-range')[0]).toMatchObject({ severity: 'error', featureIndex: 6, featureName: '超出范围' });
    expect(byCode('geometry-missing')[0]).toMatchObject({ severity: 'warning', featureIndex: 8 });
    expect(byCode('ring-unclosed')[0]).toMatchObject({ severity: 'warning', featureIndex: 1 });
    expect(byCode('ring-self-intersection')[0]).toMatchObject({ severity: 'warning', featureIndex: 3, featureName: '蝴蝶结' });
    expect(byCode('ring-winding-fixed')[0]).toMatchObject({ severity: 'info' });
    expect(byCode('duplicate-points-removed')[0]).toMatchObject({ severity: 'info', featureIndex: 7 });
  });

  it('closes unclosed rings, rewinds to the right-hand rule and drops repeated points', () => {
    const fs = importGeoJson(fixture('bad-geometries.geojson')).layers[0]!.features;
    const ring = (i: number) => (fs[i]!.geometry as GeoJSON.Polygon).coordinates[0]!;
    expect(ring(0)).toEqual([[113.2, 35.15], [113.3, 35.15], [113.3, 35.21], [113.2, 35.21], [113.2, 35.15]]);
    expect(ring(1)).toHaveLength(5);
    expect(ring(1)[4]).toEqual(ring(1)[0]);
    expect((fs[3]!.geometry as GeoJSON.LineString).coordinates).toEqual([[113.2, 35.2], [113.3, 35.2]]);
  });

  it('makes holes clockwise and outer rings counter-clockwise', () => {
    const mp = importGeoJson(fixture('good.geojson')).layers[0]!.features[3]!.geometry as GeoJSON.MultiPolygon;
    const signed = (r: number[][]) => r.slice(0, -1).reduce((s, p, i) => s + p[0]! * r[i + 1]![1]! - r[i + 1]![0]! * p[1]!, 0);
    expect(signed(mp.coordinates[0]![0]!)).toBeGreaterThan(0);
    expect(signed(mp.coordinates[0]![1]!)).toBeLessThan(0);
  });

  it('drops prototype keys without polluting Object.prototype', () => {
    const r = importGeoJson(fixture('proto.geojson'));
    const p = r.layers[0]!.features[0]!.properties!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(p).sort()).toEqual(['name', 'nested']);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(Object.keys(p.nested as object)).toEqual(['ok']);
    expect(Object.getPrototypeOf(p.nested)).toBe(Object.prototype);
    expect(r.issues.filter((i) => i.code === 'prototype-key-removed').map((i) => i.params?.key)).toEqual(['__proto__', 'constructor', 'nested.__proto__']);
  });

  it('removes property values nested deeper than 32 levels, saying which, instead of overflowing the stack', () => {
    const deep = (n: number): unknown => (n === 0 ? 'bottom' : { a: deep(n - 1) });
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"ok","nested":${JSON.stringify(deep(31))}},"geometry":{"type":"Point","coordinates":[113,35]}},
      {"type":"Feature","properties":{"name":"too deep","keep":1,"x":${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}},"geometry":{"type":"Point","coordinates":[113,35]}},
      {"type":"Feature","properties":{"list":${'['.repeat(40)}2${']'.repeat(40)}},"geometry":{"type":"Point","coordinates":[113,35]}}
    ]}`;
    const r = importGeoJson(textFile('deep.geojson', text));
    const [ok, tooDeep, list] = r.layers[0]!.features;
    expect(ok!.properties).toEqual({ name: 'ok', nested: deep(31) });
    expect(tooDeep!.properties!['keep']).toBe(1);
    expect(JSON.stringify(tooDeep!.properties).length).toBeLessThan(400);
    expect(list!.properties!['list']).toBeDefined();
    expect(() => structuredClone(r.layers[0]!.features)).not.toThrow();
    const deepIssues = r.issues.filter((i) => i.code === 'property-too-deep');
    expect(deepIssues.map((i) => [i.featureIndex, i.featureName, i.severity])).toEqual([
      [1, 'too deep', 'warning'],
      [2, undefined, 'warning'],
    ]);
    expect(deepIssues[0]!.message).toMatch(/^The value of "x(\.a){31}" nests deeper than 32 levels and was removed\.$/);
  });

  it('accepts a bare Feature, a bare geometry and a GeometryCollection', () => {
    const feature = importGeoJson(textFile('f.json', '{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[113,35]}}'));
    expect(feature.layers[0]!.features).toHaveLength(1);
    const geom = importGeoJson(textFile('g.json', '{"type":"LineString","coordinates":[[113,35],[114,36]]}'));
    expect(geom.layers[0]!.features[0]!.geometry.type).toBe('LineString');
    const gc = importGeoJson(textFile('gc.json', '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[113,35]}]}'));
    expect(gc.layers[0]!.features[0]!.geometry.type).toBe('GeometryCollection');
    expect(errors(feature).concat(errors(geom), errors(gc))).toEqual([]);
  });

  it('rejects JSON that is not GeoJSON, and a TopoJSON without arcs, with a clear issue', () => {
    expect(codes(importGeoJson(textFile('a.json', '{"hello":1}')), 'error')).toEqual(['geojson-invalid']);
    expect(importGeoJson(textFile('t.json', '{"type":"Topology","objects":{}}')).issues[0]!.message).toMatch(/TopoJSON has no "objects" or no "arcs"|TopoJSON holds no objects/);
  });

  it('reprojects a legacy crs member (EPSG:4526) to WGS84 within 0.1 m', () => {
    const r = importGeoJson(fixture('crs-4526.geojson'));
    expect(r.crs).toMatchObject({ detected: 'EPSG:4526', assumed: false });
    const [lon, lat] = (r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates as [number, number];
    // 1e-6° ≈ 0.1 m in latitude, 0.09 m in longitude at 35°N
    expect(Math.abs(lon - 113.25)).toBeLessThan(1e-6);
    expect(Math.abs(lat - 35.18)).toBeLessThan(1e-6);
  });

  it('guesses Gauss–Krüger from magnitudes when no crs is declared, and says so', () => {
    const r = importGeoJson(textFile('gk.geojson', '{"type":"Point","coordinates":[38431683.481,3894820.1235]}'));
    expect(r.crs).toMatchObject({ detected: 'EPSG:4526', assumed: true });
    expect(r.issues.find((i) => i.code === 'crs-assumed')).toMatchObject({ severity: 'warning' });
  });

  it('flags DataV-style properties as probably GCJ-02 without converting', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { adcode: 410800, name: '焦作市', center: [113.2, 35.2], centroid: [113.2, 35.2], acroutes: [100000, 410000] }, geometry: { type: 'Point', coordinates: [113.241823, 35.215892] } }],
    });
    const r = importGeoJson(textFile('jz.json', text));
    expect(r.layers[0]!.gcj02Suspected).toBe(true);
    expect((r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates).toEqual([113.241823, 35.215892]);
    const converted = importGeoJson(textFile('jz.json', text), { gcj02: true });
    expect(codes(converted)).toContain('gcj02-converted');
    expect((converted.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates[0]).toBeLessThan(113.241823 - 0.005);
  });

  it('does not mutate its input bytes', () => {
    const f = fixture('good.geojson');
    const copy = f.bytes.slice();
    importGeoJson(f);
    expect(f.bytes).toEqual(copy);
  });
});
