import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FAST_PATH_MAX_SPAN_DEG, geodesicArea, geodesicRingArea } from '../../../src/analysis/geodesic-area';
import { WGS84 } from '../../../src/analysis/wgs84';

/** GeographicLib's PolygonArea, |area|, for a [lon, lat] ring. */
function glRing(ring: readonly Position[]): number {
  const p = WGS84.Polygon(false);
  const n = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) p.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(p.Compute(false, true).area ?? NaN);
}
function glPolygon(rings: readonly (readonly Position[])[]): number {
  return rings.reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * glRing(r), 0);
}
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/**
 * GeographicLib sums per-edge areas measured down to the equator (~1e11 m² at 18–54°N), so its own
 * absolute error is ~1e-4 m² whatever the polygon's size (measured: max |ours − GeographicLib| ≤ 1.02e-4 m²
 * over 80 000 polygons of 2 m … 2 km). Below ~200 m² that floor exceeds 1e-6 relative; tiny polygons are
 * therefore also checked against 60-digit reference values below.
 */
const GEOGRAPHICLIB_NOISE_M2 = 2e-4;
const withinTolerance = (ours: number, gl: number) => Math.abs(ours - gl) <= 1e-6 * Math.abs(gl) + GEOGRAPHICLIB_NOISE_M2;
const closed = (ring: Position[]) => [...ring, ring[0]!];
const fromLatLon = (pts: number[][]) => closed(pts.map(([lat, lon]) => [lon!, lat!]));
const rect = (x0: number, y0: number, x1: number, y1: number) => closed([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);

describe('geodesicArea: published values', () => {
  // GeographicLib test suite (geodesictest.js, "Planimeter0/5/15") and docs; (lat, lon) as published.
  const cases: [string, number[][], number, number][] = [
    ['ring around the north pole at 89°', [[89, 0], [89, 90], [89, 180], [89, 270]], 24952305678, 1],
    ['ring around the south pole at −89°', [[-89, 0], [-89, 90], [-89, 180], [-89, 270]], 24952305678, 1],
    ['diamond on the equator', [[0, -1], [-1, 0], [0, 1], [1, 0]], 24619419146, 1],
    ['octant (90,0),(0,0),(0,90)', [[90, 0], [0, 0], [0, 90]], 63758202715511, 1],
    ['triangle crossing the antimeridian near the pole', [[89, 0.1], [89, 90.1], [89, -179.9]], 12476152838.5, 1],
    ['Planimeter15 triangle', [[2, 1], [1, 2], [3, 3]], 18454562325.45119, 0.5],
  ];
  for (const [name, pts, area, tol] of cases) {
    it(name, () => {
      expect(Math.abs(geodesicArea({ type: 'Polygon', coordinates: [fromLatLon(pts)] }) - area)).toBeLessThanOrEqual(tol);
    });
  }

  it('113.20–113.30E × 35.15–35.21N is 60,633,804.5 m² (recipe)', () => {
    expect(geodesicArea({ type: 'Polygon', coordinates: [rect(113.2, 35.15, 113.3, 35.21)] })).toBeCloseTo(60_633_804.5, 0);
  });

  it('a 1°×1° cell at 35°N matches GeographicLib', () => {
    const ring = rect(113, 35, 114, 36);
    expect(relErr(geodesicArea({ type: 'Polygon', coordinates: [ring] }), glRing(ring))).toBeLessThanOrEqual(1e-9);
  });
});

describe('geodesicArea: rings, holes, parts', () => {
  const outer = rect(113.2, 35.2, 113.21, 35.21);
  const hole = rect(113.203, 35.203, 113.206, 35.207);

  it('does not depend on ring orientation', () => {
    const ccw = geodesicArea({ type: 'Polygon', coordinates: [outer] });
    expect(geodesicArea({ type: 'Polygon', coordinates: [[...outer].reverse()] })).toBe(ccw);
    expect(geodesicRingArea([...outer].reverse())).toBeCloseTo(-geodesicRingArea(outer), 6);
  });

  it('subtracts holes, whatever their orientation', () => {
    const expected = glPolygon([outer, hole]);
    for (const h of [hole, [...hole].reverse()]) {
      expect(relErr(geodesicArea({ type: 'Polygon', coordinates: [outer, h] }), expected)).toBeLessThanOrEqual(1e-6);
    }
  });

  it('sums multipolygon parts, features and collections; lines and points have no area', () => {
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer, hole], [rect(113.3, 35.3, 113.31, 35.305)]] };
    const expected = glPolygon([outer, hole]) + glRing(rect(113.3, 35.3, 113.31, 35.305));
    expect(relErr(geodesicArea(mp), expected)).toBeLessThanOrEqual(1e-6);
    expect(geodesicArea({ type: 'Feature', properties: {}, geometry: mp })).toBe(geodesicArea(mp));
    expect(geodesicArea({ type: 'GeometryCollection', geometries: [mp, { type: 'Point', coordinates: [1, 2] }] })).toBe(geodesicArea(mp));
    expect(geodesicArea({ type: 'LineString', coordinates: outer })).toBe(0);
    expect(geodesicArea({ type: 'Feature', properties: {}, geometry: null })).toBe(0);
    expect(geodesicArea({ type: 'Polygon', coordinates: [] })).toBe(0);
  });

  it('accepts rings without the closing vertex', () => {
    expect(geodesicRingArea(outer.slice(0, -1))).toBe(geodesicRingArea(outer));
  });
});

describe('geodesicArea: tiny polygons vs 60-digit references', () => {
  // Reference: the same authalic-sphere formula evaluated with mpmath at 60 digits (edge bulges are < 1e-12
  // relative at this size); GeographicLib differs by 6e-6 and 7e-9 relative here (its ~1e-5 m² noise).
  const cases: [Position[], number][] = [
    [[[73.000029999999995, 18], [72.999984999999995, 18.000002598076211], [72.99998240952668, 17.99999695324065]], 1.5281915061795728],
    [[[113.25, 35.18], [113.2503, 35.18005], [113.25025, 35.1803], [113.24995, 35.18022]], 745.28929285372654],
  ];
  for (const [ring, reference] of cases) {
    it(`${reference} m²`, () => {
      expect(relErr(geodesicRingArea(ring), reference)).toBeLessThanOrEqual(1e-8);
    });
  }
});

describe('geodesicArea: random polygons vs GeographicLib (≤ 1e-6 relative + its 2e-4 m² noise)', () => {
  /** A simple (star-shaped, often concave) polygon, stretched and rotated; radii ≥ 0.3 keep it non-degenerate. */
  const polygonArb = fc.record({
    lat: fc.double({ min: 18, max: 54, noNaN: true }),
    lon: fc.double({ min: 73, max: 135, noNaN: true }),
    // 20 m … ~4 km (fast path, up to its limit) and up to 2° (GeographicLib)
    spanDeg: fc.oneof(fc.double({ min: 2e-4, max: FAST_PATH_MAX_SPAN_DEG, noNaN: true }), fc.double({ min: 2e-4, max: 2, noNaN: true })),
    aspect: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 1, noNaN: true })),
    rotation: fc.double({ min: 0, max: Math.PI, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 14 }),
    withHole: fc.boolean(),
  });

  function makeRing(p: { lat: number; lon: number; spanDeg: number; aspect: number; rotation: number; radii: number[] }, scale: number): Position[] {
    const ring = p.radii.map((r, k) => {
      const a = (2 * Math.PI * k) / p.radii.length;
      const x = (Math.cos(a) * r * p.spanDeg * scale) / 2;
      const y = (Math.sin(a) * r * p.spanDeg * scale * p.aspect) / 2;
      return [p.lon + x * Math.cos(p.rotation) - y * Math.sin(p.rotation), p.lat + x * Math.sin(p.rotation) + y * Math.cos(p.rotation)];
    });
    return closed(ring);
  }

  it('polygons with and without holes', () => {
    fc.assert(
      fc.property(polygonArb, (p) => {
        const rings = [makeRing(p, 1)];
        if (p.withHole) rings.push(makeRing({ ...p, radii: [1, 1, 1, 1, 1, 1] }, 0.25).reverse());
        const polygon: Polygon = { type: 'Polygon', coordinates: rings };
        expect(withinTolerance(geodesicArea(polygon), glPolygon(rings))).toBe(true);
      }),
      { numRuns: 3000, seed: 35 },
    );
  });

  it('multipolygons of parcels', () => {
    fc.assert(
      fc.property(fc.array(polygonArb, { minLength: 1, maxLength: 5 }), (parts) => {
        const coords = parts.map((p) => [makeRing(p, 1)]);
        const expected = coords.reduce((s, rings) => s + glPolygon(rings), 0);
        expect(withinTolerance(geodesicArea({ type: 'MultiPolygon', coordinates: coords }), expected)).toBe(true);
      }),
      { numRuns: 500, seed: 113 },
    );
  });
});
