import { describe, expect, it } from 'vitest';
import { area as turfArea, booleanWithin, kinks } from '@turf/turf';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { splitFeatureGeometry, splitPolygon } from '../../../src/edit/split';

const ring = (x: number, y: number, w: number, h: number) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
const square: Polygon = { type: 'Polygon', coordinates: [ring(113.2, 35.1, 0.01, 0.01)] };
const line = (...c: number[][]): LineString => ({ type: 'LineString', coordinates: c });

function pieces(p: Polygon, l: LineString): Polygon[] {
  const r = splitPolygon(p, l);
  if ('problem' in r) throw new Error(r.problem);
  return r.pieces;
}

describe('splitting a polygon with a line', () => {
  it('a straight cut gives two pieces whose areas add up to the polygon, sharing the cut exactly', () => {
    const ps = pieces(square, line([113.203, 35.09], [113.203, 35.12]));
    expect(ps).toHaveLength(2);
    const sum = ps.reduce((s, p) => s + geodesicArea(p), 0);
    expect(sum).toBeCloseTo(geodesicArea(square), 3);
    // turf's spherical areas give the same 30 : 70 split
    const shares = ps.map((p) => turfArea(p) / turfArea(square)).sort();
    expect(shares[0]).toBeCloseTo(0.3, 6);
    const verts = ps.map((p) => new Set(p.coordinates[0]!.map((c) => c.join(','))));
    const shared = [...verts[0]!].filter((v) => verts[1]!.has(v));
    expect(shared).toEqual(expect.arrayContaining(['113.203,35.1', '113.203,35.11']));
    for (const p of ps) expect(kinks(p).features).toHaveLength(0);
  });

  it('a zig-zag that crosses twice gives three pieces', () => {
    const ps = pieces(square, line([113.199, 35.103], [113.205, 35.112], [113.208, 35.099]));
    expect(ps).toHaveLength(3);
    // crossings lie on the straight lon/lat edge, the area follows the geodesic one: 2 ppm on 1 km edges
    expect(Math.abs(ps.reduce((s, p) => s + geodesicArea(p), 0) / geodesicArea(square) - 1)).toBeLessThan(5e-6);
    const planar = ps.reduce((s, p) => s + turfArea(p), 0);
    expect(planar / turfArea(square)).toBeCloseTo(1, 5);
  });

  it('a cut through a hole keeps the hole out of both pieces', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [ring(113.2, 35.1, 0.01, 0.01), ring(113.204, 35.104, 0.002, 0.002)] };
    const ps = pieces(donut, line([113.205, 35.09], [113.205, 35.12]));
    expect(ps).toHaveLength(2);
    expect(ps.reduce((s, p) => s + geodesicArea(p), 0)).toBeCloseTo(geodesicArea(donut), 3);
    // a cut beside the hole: the piece with the hole keeps it as a hole
    const beside = pieces(donut, line([113.202, 35.09], [113.202, 35.12]));
    const withHole = beside.find((p) => p.coordinates.length === 2);
    expect(withHole).toBeDefined();
    expect(beside.reduce((s, p) => s + geodesicArea(p), 0)).toBeCloseTo(geodesicArea(donut), 3);
    for (const p of beside) expect(booleanWithin(p, square)).toBe(true);
  });

  it('says when the line does not cut through, or crosses itself', () => {
    expect(splitPolygon(square, line([113.203, 35.09], [113.203, 35.105]))).toEqual({ problem: 'no-cut' });
    expect(splitPolygon(square, line([113.1, 35.0], [113.15, 35.05]))).toEqual({ problem: 'no-cut' });
    expect(splitPolygon(square, line([113.199, 35.105], [113.211, 35.105], [113.205, 35.099], [113.205, 35.12]))).toEqual({ problem: 'self-crossing' });
  });
});

describe('splitting a multi-part feature', () => {
  const east: Polygon = { type: 'Polygon', coordinates: [ring(113.22, 35.1, 0.01, 0.01)] };
  const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, east.coordinates] };

  it('a line through one part splits that part; the feature keeps the other part and the larger piece', () => {
    const r = splitFeatureGeometry(multi, line([113.203, 35.09], [113.203, 35.12]));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.split).toHaveLength(1);
    expect(r.keep.type).toBe('MultiPolygon');
    const keep = r.keep as MultiPolygon;
    expect(keep.coordinates).toHaveLength(2);
    expect(keep.coordinates[1]).toEqual(east.coordinates);
    // The 30 % piece goes; kept and split pieces add up to the feature (GeographicLib-backed geodesic areas).
    expect(geodesicArea(r.split[0]!) / geodesicArea(square)).toBeCloseTo(0.3, 4);
    expect(geodesicArea(r.keep) + geodesicArea(r.split[0]!)).toBeCloseTo(geodesicArea(multi), 2);
  });

  it('a line through both parts splits each; a line missing both is no cut', () => {
    const r = splitFeatureGeometry(multi, line([113.19, 35.104], [113.24, 35.104]));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.split).toHaveLength(2);
    expect(geodesicArea(r.keep) + r.split.reduce((s, p) => s + geodesicArea(p), 0)).toBeCloseTo(geodesicArea(multi), 2);
    expect(splitFeatureGeometry(multi, line([113.19, 35.2], [113.24, 35.2]))).toEqual({ problem: 'no-cut' });
  });

  it('a polygon keeps its largest piece as a Polygon', () => {
    const r = splitFeatureGeometry(square, line([113.203, 35.09], [113.203, 35.12]));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.keep.type).toBe('Polygon');
    expect(geodesicArea(r.keep) / geodesicArea(square)).toBeCloseTo(0.7, 4);
  });
});
