import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { dragAngle, rotateGeometry, rotationPivot } from '../../../src/edit/rotate';

const geod = geographiclib.Geodesic.WGS84;
const poly = geod.Polygon(false);

/** GeographicLib's ellipsoidal area of a polygon's rings (outer minus holes). */
function area(rings: Position[][]): number {
  return rings.reduce((sum, ring, i) => {
    poly.Clear();
    for (const p of ring.slice(0, -1)) poly.AddPoint(p[1]!, p[0]!);
    const a = Math.abs(poly.Compute(false, true).area!);
    return i === 0 ? sum + a : sum - a;
  }, 0);
}

// About 180 m × 110 m with a hole, off-centre in the district.
const parcel: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[113.2, 35.1], [113.202, 35.1], [113.202, 35.101], [113.2005, 35.1012], [113.2, 35.1]],
    [[113.2008, 35.1003], [113.2012, 35.1003], [113.2012, 35.1006], [113.2008, 35.1003]],
  ],
};

describe('turning a whole feature', () => {
  it('keeps the ellipsoidal area (GeographicLib) and every vertex’s distance from the pivot; bearings turn by the angle', () => {
    const pivot = rotationPivot(parcel)!;
    const turned = rotateGeometry(parcel, 37.5, pivot) as Polygon;
    expect(area(turned.coordinates)).toBeCloseTo(area(parcel.coordinates), 4);
    turned.coordinates.flat().forEach((p, i) => {
      const q = parcel.coordinates.flat()[i]!;
      const before = geod.Inverse(pivot[1], pivot[0], q[1]!, q[0]!);
      const after = geod.Inverse(pivot[1], pivot[0], p[1]!, p[0]!);
      expect(Math.abs(after.s12! - before.s12!)).toBeLessThan(1e-4);
      const turn = (((after.azi1! - before.azi1!) % 360) + 540) % 360 - 180;
      expect(turn).toBeCloseTo(37.5, 4);
    });
    // Rings stay closed.
    for (const ring of turned.coordinates) expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('the pivot is the area centroid: a symmetric square turns about its middle', () => {
    const sq: Polygon = { type: 'Polygon', coordinates: [[[113.3, 35.2], [113.301, 35.2], [113.301, 35.201], [113.3, 35.201], [113.3, 35.2]]] };
    const c = rotationPivot(sq)!;
    expect(c[0]).toBeCloseTo(113.3005, 7);
    expect(c[1]).toBeCloseTo(35.2005, 6);
  });

  it('four quarter turns, or a turn and its opposite, give the start back to 1e-9°', () => {
    const pivot = rotationPivot(parcel)!;
    let g: Polygon = parcel;
    for (let i = 0; i < 4; i++) g = rotateGeometry(g, 90, pivot) as Polygon;
    const back = rotateGeometry(rotateGeometry(parcel, 12.3, pivot), -12.3, pivot) as Polygon;
    for (const out of [g, back]) out.coordinates.flat().forEach((p, i) => {
      const q = parcel.coordinates.flat()[i]!;
      expect(Math.abs(p[0]! - q[0]!)).toBeLessThan(1e-9);
      expect(Math.abs(p[1]! - q[1]!)).toBeLessThan(1e-9);
    });
  });

  it('turns every part of a multi-part feature together, keeping heights', () => {
    const mp: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[113.2, 35.1, 80], [113.201, 35.1, 80], [113.201, 35.101, 80], [113.2, 35.101, 80], [113.2, 35.1, 80]]],
        [[[113.203, 35.1, 81], [113.204, 35.1, 81], [113.204, 35.101, 81], [113.203, 35.101, 81], [113.203, 35.1, 81]]],
      ],
    };
    const pivot = rotationPivot(mp)!;
    const turned = rotateGeometry(mp, 180, pivot) as MultiPolygon;
    // Half a turn about the middle swaps the parts' places: each first (south-west) corner goes north-east of the other part.
    expect(turned.coordinates[0]![0]![0]![0]).toBeCloseTo(113.204, 6);
    expect(turned.coordinates[0]![0]![0]![1]).toBeCloseTo(35.101, 6);
    expect(turned.coordinates[1]![0]![0]![0]).toBeCloseTo(113.201, 6);
    expect(turned.coordinates[0]![0]![0]![2]).toBe(80);
    const a = (g: MultiPolygon) => g.coordinates.reduce((s, p) => s + area(p), 0);
    expect(a(turned)).toBeCloseTo(a(mp), 4);
  });

  it('a drag from north of the pivot to east of it asks for a quarter turn clockwise', () => {
    const pivot: [number, number] = [113.25, 35.15];
    const north = geod.Direct(35.15, 113.25, 0, 500);
    const east = geod.Direct(35.15, 113.25, 90, 300);
    const west = geod.Direct(35.15, 113.25, 270, 300);
    expect(dragAngle(pivot, [north.lon2!, north.lat2!], [east.lon2!, east.lat2!])).toBeCloseTo(90, 5);
    expect(dragAngle(pivot, [north.lon2!, north.lat2!], [west.lon2!, west.lat2!])).toBeCloseTo(-90, 5);
    expect(Math.abs(dragAngle(pivot, [east.lon2!, east.lat2!], [west.lon2!, west.lat2!]))).toBeCloseTo(180, 5);
  });

  it('a point has no centre to turn about', () => {
    expect(rotationPivot({ type: 'Point', coordinates: [113.2, 35.1] })).toBeNull();
  });
});
