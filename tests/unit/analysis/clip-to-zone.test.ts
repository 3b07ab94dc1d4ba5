import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { clipToZone } from '../../../src/analysis/clip-to-zone';
import { geometryKindOf } from '../../../src/domain/geometry-kind';

const zone: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };

describe('clipToZone', () => {
  it('keeps the part of a polygon inside the zone and its properties', () => {
    const f: Feature = { type: 'Feature', id: 'a', properties: { k: 1 }, geometry: { type: 'Polygon', coordinates: [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]] } };
    const out = clipToZone(f, zone)!;
    expect(out.id).toBe('a');
    expect(out.properties).toEqual({ k: 1 });
    const quarter: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]] } };
    expect(area(out)).toBeCloseTo(area(quarter), 0);
  });
  it('cuts lines at the boundary and drops what lies outside', () => {
    const line: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[-1, 1], [3, 1]] } };
    const out = clipToZone(line, zone)!;
    expect(out.geometry.type).toBe('LineString');
    const xs = (out.geometry as { coordinates: number[][] }).coordinates.map((p) => p[0]!);
    expect(Math.min(...xs)).toBeCloseTo(0, 6);
    expect(Math.max(...xs)).toBeCloseTo(2, 6);
    const outside: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [5, 5] } };
    expect(clipToZone(outside, zone)).toBeNull();
  });
});

describe('geometryKindOf', () => {
  it('names one family or mixed', () => {
    const pt: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } };
    const pg: Feature = { type: 'Feature', properties: {}, geometry: zone };
    expect(geometryKindOf([pt, pt])).toBe('point');
    expect(geometryKindOf([pg])).toBe('polygon');
    expect(geometryKindOf([pt, pg])).toBe('mixed');
  });
});
