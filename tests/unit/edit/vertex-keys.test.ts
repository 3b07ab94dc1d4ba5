import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { deleteVertex, geodesicMidpoint, insertVertex, moveFeature } from '../../../src/edit/vertex-keys';
import { vertexAt, vertexCount } from '../../../src/edit/vertex-nudge';

const G = geographiclib.Geodesic.WGS84;
const ring = (x: number, y: number, d = 0.001): Position[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const square: Polygon = { type: 'Polygon', coordinates: [ring(113.2, 35.1)] };
const line: LineString = { type: 'LineString', coordinates: [[113.2, 35.1], [113.202, 35.1], [113.202, 35.103]] };
const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(113.2, 35.1, 0.003), ring(113.201, 35.101)], [ring(113.21, 35.1)]] };
const lines: MultiLineString = { type: 'MultiLineString', coordinates: [[[113.2, 35.1], [113.201, 35.1]], [[113.21, 35.1], [113.211, 35.1], [113.212, 35.101]]] };

const dist = (a: Position, b: Position) => G.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
const closed = (g: Geometry) => {
  const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  for (const r of rings) expect(r[r.length - 1]).toEqual(r[0]);
};
const ok = <T extends { ok: boolean }>(r: T) => {
  expect(r.ok).toBe(true);
  return r as Extract<T, { ok: true }>;
};

describe('adding a vertex from the keyboard', () => {
  it('puts it halfway along the geodesic to the next vertex and names it', () => {
    const r = ok(insertVertex(square, 1));
    expect(r.index).toBe(2);
    expect(vertexCount(r.geometry)).toBe(5);
    const [a, b, m] = [vertexAt(square, 1)!, vertexAt(square, 2)!, vertexAt(r.geometry, 2)!];
    expect(dist(a, m)).toBeCloseTo(dist(a, b) / 2, 6);
    expect(dist(m, b)).toBeCloseTo(dist(a, b) / 2, 6);
    closed(r.geometry);
  });

  it('after a ring’s last vertex the new one goes before the closing point, towards the first', () => {
    const r = ok(insertVertex(square, 3));
    const out = (r.geometry as Polygon).coordinates[0]!;
    expect(out).toHaveLength(6);
    expect(r.index).toBe(4);
    expect(out[4]![1]).toBeCloseTo(35.1005, 6);
    expect(out[5]).toEqual(out[0]);
  });

  it('after a line’s last vertex it goes halfway back to the one before', () => {
    const r = ok(insertVertex(line, 2));
    const out = (r.geometry as LineString).coordinates;
    expect(out).toHaveLength(4);
    expect(r.index).toBe(2);
    expect(out[3]).toEqual(line.coordinates[2]);
    expect(out[2]![1]).toBeCloseTo(35.1015, 6);
  });

  it('in a hole of a multipolygon and in the second line of a multiline, the other rings and lines are kept', () => {
    const r = ok(insertVertex(multi, 5));
    const g = r.geometry as MultiPolygon;
    expect(g.coordinates[0]![0]).toBe(multi.coordinates[0]![0]);
    expect(g.coordinates[1]![0]).toBe(multi.coordinates[1]![0]);
    expect(g.coordinates[0]![1]).toHaveLength(6);
    expect(r.index).toBe(6);
    closed(g);
    const l = ok(insertVertex(lines, 3));
    expect((l.geometry as MultiLineString).coordinates[1]).toHaveLength(4);
    expect((l.geometry as MultiLineString).coordinates[0]).toBe(lines.coordinates[0]);
  });

  it('a point has no segment to add to', () => {
    expect(insertVertex({ type: 'Point', coordinates: [113.2, 35.1] }, 0)).toEqual({ ok: false, reason: 'point' });
  });

  it('the midpoint keeps a height as the mean of both', () => {
    expect(geodesicMidpoint([113.2, 35.1, 10], [113.201, 35.1, 20])[2]).toBe(15);
  });
});

describe('removing a vertex from the keyboard', () => {
  it('removes a ring’s first vertex with its closing copy, and names the vertex before it', () => {
    const five = ok(insertVertex(square, 0)).geometry;
    const r = ok(deleteVertex(five, 0));
    const out = (r.geometry as Polygon).coordinates[0]!;
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual(out[4]);
    expect(r.index).toBe(3);
    expect(out).not.toContainEqual([113.2, 35.1]);
  });

  it('is undone exactly by the insert it follows', () => {
    const r = ok(deleteVertex(ok(insertVertex(square, 1)).geometry, 2));
    expect(r.geometry).toEqual(square);
    expect(r.index).toBe(1);
  });

  it('refuses to leave a ring of fewer than 3 different vertices', () => {
    const triangle: Polygon = { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.2, 35.101], [113.2, 35.1]]] };
    expect(deleteVertex(triangle, 1)).toEqual({ ok: false, reason: 'ring' });
    const repeated: Polygon = { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.1], [113.2, 35.101], [113.2, 35.1]]] };
    expect(deleteVertex(repeated, 3)).toEqual({ ok: false, reason: 'ring' });
    expect(ok(deleteVertex(repeated, 2)).geometry).toEqual(triangle);
    expect(deleteVertex(multi, 9)).toEqual({ ok: true, geometry: expect.anything(), index: 8 });
  });

  it('refuses to leave a line of fewer than 2, also in a multiline, and a point', () => {
    const two: LineString = { type: 'LineString', coordinates: [[113.2, 35.1], [113.201, 35.1]] };
    expect(deleteVertex(two, 0)).toEqual({ ok: false, reason: 'line' });
    expect(deleteVertex(lines, 1)).toEqual({ ok: false, reason: 'line' });
    const r = ok(deleteVertex(lines, 2));
    expect((r.geometry as MultiLineString).coordinates[1]).toEqual([[113.211, 35.1], [113.212, 35.101]]);
    expect(r.index).toBe(2);
    expect(ok(deleteVertex(line, 0)).geometry).toEqual({ type: 'LineString', coordinates: line.coordinates.slice(1) });
    expect(deleteVertex({ type: 'Point', coordinates: [113.2, 35.1] }, 0)).toEqual({ ok: false, reason: 'point' });
  });
});

describe('moving a whole feature from the keyboard', () => {
  it.each([
    [1, 0, 90],
    [0, 10, 0],
    [-10, 0, -90],
    [0, -1, 180],
  ])('moves every vertex %d m east and %d m north, as GeographicLib measures it', (east, north, azimuth) => {
    for (const g of [square, line, multi, lines] as Geometry[]) {
      const moved = moveFeature(g, east, north);
      closed(moved);
      expect(vertexCount(moved)).toBe(vertexCount(g));
      for (let i = 0; i < vertexCount(g); i++) {
        const [a, b] = [vertexAt(g, i)!, vertexAt(moved, i)!];
        const d = G.Inverse(a[1]!, a[0]!, b[1]!, b[0]!);
        expect(Math.abs(d.s12! - Math.hypot(east, north))).toBeLessThan(0.001);
        expect(Math.abs(((d.azi1! - azimuth + 540) % 360) - 180)).toBeLessThan(0.01);
      }
    }
  });

  it('moves a point and keeps its height', () => {
    const moved = moveFeature({ type: 'Point', coordinates: [113.2, 35.1, 88] }, 1, 1);
    expect(moved.type === 'Point' && moved.coordinates[2]).toBe(88);
    expect(dist([113.2, 35.1], moved.type === 'Point' ? moved.coordinates : [])).toBeCloseTo(Math.SQRT2, 3);
  });
});
