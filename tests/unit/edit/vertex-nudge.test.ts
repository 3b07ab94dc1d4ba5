import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import type { Polygon } from 'geojson';
import { nudgeVertex, vertexAt, vertexCount } from '../../../src/edit/vertex-nudge';

const square: Polygon = { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.101], [113.2, 35.101], [113.2, 35.1]]] };

describe('moving a vertex from the keyboard', () => {
  it('counts vertices without closing points and moves one by metres, as GeographicLib measures them', () => {
    expect(vertexCount(square)).toBe(4);
    const moved = nudgeVertex(square, 2, 1, 0) as Polygon;
    const [a, b] = [square.coordinates[0]![2]!, moved.coordinates[0]![2]!];
    const d = geographiclib.Geodesic.WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!);
    expect(d.s12).toBeCloseTo(1, 6);
    expect(d.azi1).toBeCloseTo(90, 3);
    expect(moved.coordinates[0]![0]).toBe(square.coordinates[0]![0]);
  });

  it('moving a ring’s first vertex moves its closing copy: the ring stays closed', () => {
    const moved = nudgeVertex(square, 0, 0, -10) as Polygon;
    const ring = moved.coordinates[0]!;
    expect(ring[0]).toEqual(ring[4]);
    expect(vertexAt(moved, 0)![1]).toBeLessThan(35.1);
    const d = geographiclib.Geodesic.WGS84.Inverse(35.1, 113.2, ring[0]![1]!, ring[0]![0]!);
    expect(d.s12).toBeCloseTo(10, 5);
  });
});
