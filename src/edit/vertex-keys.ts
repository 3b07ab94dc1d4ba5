import type { Geometry, Position } from 'geojson';
import { meridianMetersPerDegree, parallelMetersPerDegree } from '../analysis/meters-per-degree';
import { WGS84 } from '../analysis/wgs84';
import { paths } from './vertex-nudge';

/**
 * Adding, removing and moving from the keyboard while reshaping. Vertices are numbered through the
 * feature as `vertexCount` counts them (rings without their closing point, parts in order); a ring's
 * closing point follows its first vertex, so every ring stays closed.
 */

/** Where vertex `i` sits: which ring or line, its place on it, and how many vertices that one has. */
interface Located {
  path: number;
  k: number;
  n: number;
  ring: boolean;
  coords: Position[];
}

function locate(g: Geometry, i: number): Located | undefined {
  let k = i;
  const all = paths(g);
  for (let path = 0; path < all.length; path++) {
    const { coords, ring } = all[path]!;
    const n = ring ? coords.length - 1 : coords.length;
    if (k >= 0 && k < n) return { path, k, n, ring, coords };
    k -= n;
  }
  return undefined;
}

/** The geometry with ring or line `path` (in `paths` order) replaced, every other one as it was. */
function withPath(g: Geometry, path: number, coords: Position[]): Geometry {
  let at = 0;
  const pick = (c: Position[]): Position[] => (at++ === path ? coords : c);
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: coords[0]! };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: coords };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(pick) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(pick)) };
    default:
      return g;
  }
}

/** How many different positions a ring or line has (a repeated point does not hold a shape up). */
function distinct(coords: Position[]): number {
  return new Set(coords.map((p) => `${p[0]},${p[1]}`)).size;
}

/**
 * Halfway along the geodesic between two vertices. The ellipsoid's midpoint rather than the mean of
 * the degrees: the same answer on a short segment, and still on the line a long one follows on the map's
 * figures (which are all geodesic). A height, where both have one, is their mean.
 */
export function geodesicMidpoint(a: Position, b: Position): Position {
  const line = WGS84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
  const mid = line.Position(line.s13 / 2);
  const z = a.length > 2 && b.length > 2 ? [(a[2]! + b[2]!) / 2] : [];
  return [mid.lon2!, mid.lat2!, ...z];
}

export type VertexChange = { ok: true; geometry: Geometry; index: number } | { ok: false; reason: 'point' | 'ring' | 'line' };

/**
 * A vertex halfway between vertex `i` and the next on its ring or line; `index` is the new vertex's.
 * The last vertex of a line has no next one: the new vertex goes halfway back to the one before.
 */
export function insertVertex(g: Geometry, i: number): VertexChange {
  const at = locate(g, i);
  if (!at || g.type === 'Point' || g.type === 'MultiPoint') return { ok: false, reason: 'point' };
  const { coords, k, n, ring } = at;
  if (n < 2) return { ok: false, reason: 'line' };
  const last = !ring && k === n - 1;
  const [from, to] = last ? [coords[k - 1]!, coords[k]!] : [coords[k]!, coords[ring ? (k + 1) % n : k + 1]!];
  const place = last ? k : k + 1;
  const out = [...coords.slice(0, place), geodesicMidpoint(from, to), ...coords.slice(place)];
  return { ok: true, geometry: withPath(g, at.path, out), index: i - k + place };
}

/**
 * Without vertex `i`, when what is left still holds a shape: a ring keeps 3 different vertices, a line 2,
 * a multipoint 1. `index` is the vertex before the removed one on its ring or line (the next at a line's start).
 */
export function deleteVertex(g: Geometry, i: number): VertexChange {
  const at = locate(g, i);
  if (!at || g.type === 'Point') return { ok: false, reason: 'point' };
  const { coords, k, n, ring } = at;
  const open = ring ? coords.slice(0, n) : coords;
  const left = [...open.slice(0, k), ...open.slice(k + 1)];
  const need = g.type === 'MultiPoint' ? 1 : ring ? 3 : 2;
  if (distinct(left) < need) return { ok: false, reason: g.type === 'MultiPoint' ? 'point' : ring ? 'ring' : 'line' };
  const out = ring ? [...left, left[0]!] : left;
  const before = k > 0 ? k - 1 : ring ? n - 2 : 0;
  return { ok: true, geometry: withPath(g, at.path, out), index: i - k + before };
}

/** Every vertex moved `east` and `north` metres, each on the ellipsoid's local scale where it lies. */
export function moveFeature(g: Geometry, east: number, north: number): Geometry {
  const move = (p: Position): Position => [p[0]! + east / parallelMetersPerDegree(p[1]!), p[1]! + north / meridianMetersPerDegree(p[1]!), ...p.slice(2)];
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: move(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(move) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((c) => c.map(move)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((c) => c.map(move))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => moveFeature(x, east, north)) };
  }
}
