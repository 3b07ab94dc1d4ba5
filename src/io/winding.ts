/** Ring orientation: RFC 7946 wants outer rings counter-clockwise and holes clockwise; shapefiles the reverse. */
import type { Geometry, Position } from 'geojson';

/** Signed area ×2 of a ring in planar coordinates (positive = counter-clockwise). */
export function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

/**
 * Orients polygon rings: outer counter-clockwise and holes clockwise (RFC 7946), or the reverse.
 * Returns `rings` itself when nothing changed (only reversed rings are new arrays).
 */
export function orientRings(rings: Position[][], outerCcw = true): { rings: Position[][]; changed: boolean } {
  if (!Array.isArray(rings)) return orientRingsMapped(rings, outerCcw); // malformed: fails as `map` does
  let out: Position[][] | undefined;
  for (let i = 0; i < rings.length; i++) {
    const ring = rings[i]!;
    const area2 = ringArea2(ring);
    const wantCcw = i === 0 ? outerCcw : !outerCcw;
    if (area2 > 0 === wantCcw || area2 === 0) continue;
    out ??= rings.slice();
    out[i] = ring.slice().reverse();
  }
  return out ? { rings: out, changed: true } : { rings, changed: false };
}

function orientRingsMapped(rings: Position[][], outerCcw: boolean): { rings: Position[][]; changed: boolean } {
  let changed = false;
  const out = rings.map((ring, i) => {
    const ccw = ringArea2(ring) > 0;
    const wantCcw = i === 0 ? outerCcw : !outerCcw;
    if (ccw === wantCcw || ringArea2(ring) === 0) return ring;
    changed = true;
    return ring.slice().reverse();
  });
  return { rings: out, changed };
}

/** Rewinds every polygon of a geometry; returns the same object when nothing changed. */
export function rewindGeometry<G extends Geometry>(geometry: G, outerCcw = true): G {
  if (geometry.type === 'Polygon') {
    const r = orientRings(geometry.coordinates, outerCcw);
    return r.changed ? { ...geometry, coordinates: r.rings } : geometry;
  }
  if (geometry.type === 'MultiPolygon') {
    const polys = geometry.coordinates;
    if (!Array.isArray(polys)) (polys as Position[][][]).map((p) => orientRings(p, outerCcw)); // malformed: fails as before
    let out: Position[][][] | undefined;
    for (let i = 0; i < polys.length; i++) {
      const r = orientRings(polys[i]!, outerCcw);
      if (!r.changed) continue;
      out ??= polys.slice();
      out[i] = r.rings;
    }
    return out ? { ...geometry, coordinates: out } : geometry;
  }
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => rewindGeometry(g, outerCcw)) };
  }
  return geometry;
}
