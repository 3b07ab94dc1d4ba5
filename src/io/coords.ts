/** Small pure helpers over GeoJSON positions (no dependencies; used by all readers and writers). */
import type { Geometry, Position } from 'geojson';

export type Bbox = [number, number, number, number];

/** Returns a new geometry with every position replaced by `fn(position)`. */
export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((l) => l.map(fn)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(fn))) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
    default:
      return geometry;
  }
}

export function forEachPosition(geometry: Geometry, fn: (p: Position) => void): void {
  mapPositions(geometry, (p) => {
    fn(p);
    return p;
  });
}

/** Bounding box of finite positions, or undefined when there are none. */
export function bboxOf(geometries: Iterable<Geometry | null | undefined>): Bbox | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const g of geometries) {
    if (!g) continue;
    forEachPosition(g, (p) => {
      const x = p[0];
      const y = p[1];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    });
  }
  return minX === Infinity ? undefined : [minX, minY, maxX, maxY];
}

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

/** Orients polygon rings: outer counter-clockwise and holes clockwise (RFC 7946), or the reverse. */
export function orientRings(rings: Position[][], outerCcw = true): { rings: Position[][]; changed: boolean } {
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
    let changed = false;
    const polys = geometry.coordinates.map((p) => {
      const r = orientRings(p, outerCcw);
      changed ||= r.changed;
      return r.rings;
    });
    return changed ? { ...geometry, coordinates: polys } : geometry;
  }
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => rewindGeometry(g, outerCcw)) };
  }
  return geometry;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
  const d1 = o(c, d, a);
  const d2 = o(c, d, b);
  const d3 = o(a, b, c);
  const d4 = o(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Position, q: Position, r: Position) =>
    Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
  // Touching or collinear overlap counts too (a ring that touches itself is not simple).
  return (d1 === 0 && on(c, d, a)) || (d2 === 0 && on(c, d, b)) || (d3 === 0 && on(a, b, c)) || (d4 === 0 && on(a, b, d));
}

/**
 * First point where a closed ring crosses or touches itself (adjacent segments excluded), found
 * with a sweep over x so large rings stay fast. Undefined when the ring is simple.
 */
export function ringSelfIntersection(ring: Position[]): Position | undefined {
  const n = ring.length - 1; // segments
  if (n < 3) return undefined;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => Math.min(ring[i]![0]!, ring[i + 1]![0]!) - Math.min(ring[j]![0]!, ring[j + 1]![0]!),
  );
  const active: number[] = [];
  for (const i of order) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const minX = Math.min(a[0]!, b[0]!);
    const minY = Math.min(a[1]!, b[1]!);
    const maxY = Math.max(a[1]!, b[1]!);
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k]!;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[0]!, d[0]!) < minX) {
        active.splice(k, 1);
        continue;
      }
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue;
      if (Math.max(c[1]!, d[1]!) < minY || Math.min(c[1]!, d[1]!) > maxY) continue;
      if (segmentsCross(a, b, c, d)) return a;
    }
    active.push(i);
  }
  return undefined;
}
