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

/**
 * Calls `fn` on every position, in order, without copying anything. Behaves as a `mapPositions` whose
 * callback returns its argument (holes skipped; a container that is not an array goes through its own
 * `map`, so malformed nesting throws just the same).
 */
export function forEachPosition(geometry: Geometry, fn: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      fn(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      eachPosition(geometry.coordinates, fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      eachLine(geometry.coordinates, fn);
      return;
    case 'MultiPolygon': {
      const polys = geometry.coordinates;
      if (!Array.isArray(polys)) {
        mapEach(polys, (rings) => eachLine(rings as Position[][], fn));
        return;
      }
      for (let i = 0; i < polys.length; i++) {
        const rings = polys[i];
        if (rings === undefined && !(i in polys)) continue;
        eachLine(rings!, fn);
      }
      return;
    }
    case 'GeometryCollection': {
      const gs = geometry.geometries;
      if (!Array.isArray(gs)) {
        mapEach(gs, (g) => forEachPosition(g as Geometry, fn));
        return;
      }
      for (let i = 0; i < gs.length; i++) {
        const g = gs[i];
        if (g === undefined && !(i in gs)) continue;
        forEachPosition(g!, fn);
      }
      return;
    }
    default:
      return;
  }
}

/** `a.map(visit)` for what is not an array (throws when it has no `map`, as mapPositions does). */
function mapEach(a: unknown, visit: (x: unknown) => void): void {
  (a as { map: (f: (x: unknown) => unknown) => unknown }).map((x) => {
    visit(x);
    return x;
  });
}

function eachPosition(line: Position[], fn: (p: Position) => void): void {
  if (!Array.isArray(line)) {
    mapEach(line, fn as (x: unknown) => void);
    return;
  }
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    if (p === undefined && !(i in line)) continue;
    fn(p!);
  }
}

function eachLine(lines: Position[][], fn: (p: Position) => void): void {
  if (!Array.isArray(lines)) {
    mapEach(lines, (l) => eachPosition(l as Position[], fn));
    return;
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l === undefined && !(i in lines)) continue;
    eachPosition(l!, fn);
  }
}

/** Bounding box of finite positions, or undefined when there are none. */
export function bboxOf(geometries: Iterable<Geometry | null | undefined>): Bbox | undefined {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position) => addToBox(box, p);
  for (const g of geometries) {
    if (!g) continue;
    // Plain nested arrays (nearly always) are walked inline; anything else goes through forEachPosition,
    // which meets the same positions in the same order (visiting one twice changes nothing) and throws
    // where it throws.
    if (!boxGeometry(box, g)) forEachPosition(g, add);
  }
  return box[0] === Infinity ? undefined : (box as Bbox);
}

function addToBox(box: number[], p: Position): void {
  const x = p[0];
  const y = p[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return;
  if (x < box[0]!) box[0] = x;
  if (y < box[1]!) box[1] = y;
  if (x > box[2]!) box[2] = x;
  if (y > box[3]!) box[3] = y;
}

/** Adds a dense array of array positions to the box; false (maybe after adding some) on anything else. */
function boxLine(box: number[], line: unknown): boolean {
  if (!Array.isArray(line)) return false;
  for (let i = 0; i < line.length; i++) {
    const p: unknown = line[i];
    if (!Array.isArray(p)) return false;
    addToBox(box, p as Position);
  }
  return true;
}

function boxLines(box: number[], lines: unknown): boolean {
  if (!Array.isArray(lines)) return false;
  for (let i = 0; i < lines.length; i++) if (!boxLine(box, lines[i])) return false;
  return true;
}

function boxGeometry(box: number[], g: Geometry): boolean {
  switch (g.type) {
    case 'Point':
      if (!Array.isArray(g.coordinates)) return false;
      addToBox(box, g.coordinates);
      return true;
    case 'MultiPoint':
    case 'LineString':
      return boxLine(box, g.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      return boxLines(box, g.coordinates);
    case 'MultiPolygon': {
      const polys: unknown = g.coordinates;
      if (!Array.isArray(polys)) return false;
      for (let i = 0; i < polys.length; i++) if (!boxLines(box, polys[i])) return false;
      return true;
    }
    default:
      return false;
  }
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

/** Orientation of r relative to the line p→q (twice the signed triangle area). */
function orient(p: Position, q: Position, r: Position): number {
  return (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
}

/** r lies in the bounding box of p and q. */
function within(p: Position, q: Position, r: Position): boolean {
  return Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Touching or collinear overlap counts too (a ring that touches itself is not simple).
  return (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) || (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d));
}

/** Rings with at most this many segments are checked pair by pair before any sweep. */
const SMALL_RING = 64;
let scratch = new Float64Array(6 * (SMALL_RING + 1));

/**
 * First point where a closed ring crosses or touches itself (adjacent segments excluded), found
 * with a sweep over x so large rings stay fast. Undefined when the ring is simple.
 */
export function ringSelfIntersection(ring: Position[]): Position | undefined {
  const n = ring.length - 1; // segments
  if (n < 3) return undefined;
  // Small rings (nearly all of them): an exact pair-by-pair test with the sweep's own bbox filters tells
  // whether the sweep can find anything; only then is the sweep run, for the very point it reports.
  if (n <= SMALL_RING && !hasCrossingPair(ring, n)) return undefined;
  const minXs = new Float64Array(n);
  for (let i = 0; i < n; i++) minXs[i] = Math.min(ring[i]![0]!, ring[i + 1]![0]!);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => minXs[i]! - minXs[j]!);
  const active: number[] = [];
  for (const i of order) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const minX = minXs[i]!;
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

/**
 * Whether the sweep above finds a hit: it tests exactly the non-adjacent pairs whose closed bounding
 * boxes overlap (x by the sweep, y by its filter), and segmentsCross is symmetric in its two segments.
 * Works on a copy of the coordinates in a typed array, with segmentsCross's arithmetic unchanged.
 */
function hasCrossingPair(ring: Position[], n: number): boolean {
  if (scratch.length < 6 * (n + 1)) scratch = new Float64Array(6 * (n + 1));
  const s = scratch; // x of vertex i at s[i], y at s[n + 1 + i]; bbox of segment i at s[2(n + 1) + 4i …]
  const ys = n + 1;
  const bb = 2 * (n + 1);
  for (let i = 0; i <= n; i++) {
    const p = ring[i]!;
    s[i] = p[0]!;
    s[ys + i] = p[1]!;
  }
  for (let i = 0; i < n; i++) {
    const ax = s[i]!;
    const bx = s[i + 1]!;
    const ay = s[ys + i]!;
    const by = s[ys + i + 1]!;
    s[bb + 4 * i] = Math.min(ax, bx);
    s[bb + 4 * i + 1] = Math.max(ax, bx);
    s[bb + 4 * i + 2] = Math.min(ay, by);
    s[bb + 4 * i + 3] = Math.max(ay, by);
  }
  for (let i = 0; i < n - 2; i++) {
    const minX = s[bb + 4 * i]!;
    const maxX = s[bb + 4 * i + 1]!;
    const minY = s[bb + 4 * i + 2]!;
    const maxY = s[bb + 4 * i + 3]!;
    const last = i === 0 ? n - 2 : n - 1; // segment 0 and n-1 are adjacent
    for (let j = i + 2; j <= last; j++) {
      const k = bb + 4 * j;
      if (s[k + 1]! < minX || s[k]! > maxX || s[k + 3]! < minY || s[k + 2]! > maxY) continue;
      if (crossXY(s[i]!, s[ys + i]!, s[i + 1]!, s[ys + i + 1]!, s[j]!, s[ys + j]!, s[j + 1]!, s[ys + j + 1]!)) return true;
    }
  }
  return false;
}

/** segmentsCross on plain numbers: the same operations in the same order, so the same results. */
function crossXY(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && withinXY(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && withinXY(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && withinXY(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && withinXY(ax, ay, bx, by, dx, dy))
  );
}

function withinXY(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}
