import { describe, expect, it } from 'vitest';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { piecesOf, withPiece } from '../../../src/edit/pieces';

const ring = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

describe('pieces of a feature for reshaping', () => {
  const donut: Polygon = { type: 'Polygon', coordinates: [ring(113, 35, 0.01), ring(113.004, 35.004, 0.002)] };
  const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [donut.coordinates, [ring(113.1, 35, 0.01)]] };

  it('gives one piece per ring and part, and reassembles them exactly', () => {
    const ps = piecesOf('7', multi)!;
    expect(ps.map((p) => [p.part, p.ring])).toEqual([[0, 0], [0, 1], [1, 0]]);
    let g: Geometry = multi;
    for (const p of ps) g = withPiece(g, p);
    expect(g).toEqual(multi);
  });

  it('a moved hole vertex changes that hole only', () => {
    const hole = piecesOf('1', donut)![1]!;
    const moved = { ...hole, geometry: { type: 'Polygon' as const, coordinates: [[[113.0045, 35.0041], ...(hole.geometry as Polygon).coordinates[0]!.slice(1, -1), [113.0045, 35.0041]]] } };
    const g = withPiece(donut, moved) as Polygon;
    expect(g.coordinates[0]).toBe(donut.coordinates[0]);
    expect(g.coordinates[1]![0]).toEqual([113.0045, 35.0041]);
    expect(donut.coordinates[1]![0]).toEqual([113.004, 35.004]);
  });

  it('points, lines and their multi forms; collections cannot be reshaped', () => {
    expect(piecesOf('a', { type: 'Point', coordinates: [1, 2] })).toHaveLength(1);
    expect(piecesOf('a', { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] })).toHaveLength(2);
    expect(piecesOf('a', { type: 'GeometryCollection', geometries: [] })).toBeNull();
    expect(piecesOf('a', null)).toBeNull();
  });
});
