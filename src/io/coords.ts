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

/** Every vertex path of a geometry: each ring, line, or lone point (as a path of one). */
export function pathsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return g.coordinates.map((p) => [p]);
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'GeometryCollection':
      return g.geometries.flatMap(pathsOf);
  }
}
