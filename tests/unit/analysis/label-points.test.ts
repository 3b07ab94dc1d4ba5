import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../../src/analysis/label-points';

const geodata = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../../geodata', name), 'utf8')) as FeatureCollection;

describe('labelPoint', () => {
  it('lies inside each bundled polygon (townships, parcels, functional areas)', () => {
    for (const file of ['townships.geojson', 'ppp-parcels.geojson', 'functional-areas.geojson', 'featured-towns.geojson']) {
      for (const f of geodata(file).features) {
        if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
        const p = labelPoint(f.geometry);
        expect(p, `${file} ${String(f.id)}`).not.toBeNull();
        expect(booleanPointInPolygon(point(p!), f as Feature<Polygon | MultiPolygon>), `${file} ${String(f.id)}`).toBe(true);
      }
    }
  });

  it('stays inside a U-shaped polygon, whose centroid lies outside', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[113, 35], [113.03, 35], [113.03, 35.03], [113.02, 35.03], [113.02, 35.01], [113.01, 35.01], [113.01, 35.03], [113, 35.03], [113, 35]]] };
    const p = labelPoint(u)!;
    expect(booleanPointInPolygon(point(p), u)).toBe(true);
    expect(booleanPointInPolygon(point([113.015, 35.015]), u)).toBe(false);
  });

  it('avoids a hole and picks the largest part of a multipolygon', () => {
    const big = [[113, 35], [113.1, 35], [113.1, 35.1], [113, 35.1], [113, 35]];
    const hole = [[113.02, 35.02], [113.08, 35.02], [113.08, 35.08], [113.02, 35.08], [113.02, 35.02]];
    const small = [[114, 36], [114.01, 36], [114.01, 36.01], [114, 36.01], [114, 36]];
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [[small], [big, hole]] };
    const p = labelPoint(mp)!;
    expect(p[0]).toBeLessThan(113.1);
    expect(booleanPointInPolygon(point(p), { type: 'Polygon', coordinates: [big, hole] })).toBe(true);
  });

  it('has no label point for points, lines or empty polygons', () => {
    expect(labelPoint({ type: 'Point', coordinates: [113, 35] })).toBeNull();
    expect(labelPoint({ type: 'LineString', coordinates: [[113, 35], [113.1, 35]] })).toBeNull();
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(labelPoint(null)).toBeNull();
  });
});
