import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { circle } from '@turf/turf';
import { circleFromRing, geodesicCircle } from '../../../src/analysis/geodesic-circle';
import { geodesicDistance } from '../../../src/analysis/geodesic-length';
import { ringArea2 } from '../../../src/io/winding';

const MENGNIU = [113.3385, 35.1795];

describe('geodesicCircle', () => {
  it('puts every vertex at the radius, measured by GeographicLib Inverse', () => {
    const ring = geodesicCircle(MENGNIU, 2000).coordinates[0]!;
    expect(ring).toHaveLength(129);
    for (const p of ring) expect(geodesicDistance(MENGNIU, p)).toBeCloseTo(2000, 6);
  });

  it('is a closed counter-clockwise ring whose area is that of the inscribed regular polygon', () => {
    const n = 64;
    const r = 1500;
    const ring = geodesicCircle(MENGNIU, r, n).coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ringArea2(ring)).toBeGreaterThan(0);
    // At 1.5 km the ellipsoid's curvature changes a disc's area by ~1e-8: the plane formula is the reference.
    const inscribed = (n / 2) * r * r * Math.sin((2 * Math.PI) / n);
    expect(Math.abs(geodesicArea({ type: 'Polygon', coordinates: [ring] }) - inscribed) / inscribed).toBeLessThan(1e-6);
  });

  it('finds the centre and radius of a spherical circle, as the drawing tool makes them', () => {
    // turf's circle is the drawing library's kind: geodesic on a sphere, not on the ellipsoid.
    const drawn = circle(MENGNIU, 0.5, { units: 'kilometers', steps: 96 }).geometry.coordinates[0]!;
    const { center, radius } = circleFromRing(drawn);
    expect(geodesicDistance(center, MENGNIU)).toBeLessThan(0.001);
    expect(Math.abs(radius / 500 - 1)).toBeLessThan(0.003);
    const exact = geodesicCircle(center, 500, 96).coordinates[0]!;
    for (const p of exact) expect(Math.abs(geodesicDistance(center, p) - 500)).toBeLessThan(1e-6);
  });
});
