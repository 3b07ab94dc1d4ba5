import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { geodesicCircle } from '../../../src/analysis/geodesic-circle';
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
});
