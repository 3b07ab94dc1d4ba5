import type { Geometry, Position } from 'geojson';
import { meridianMetersPerDegree, parallelMetersPerDegree } from '../analysis/meters-per-degree';

/**
 * Moving one vertex from the keyboard: vertices are counted through the feature (rings without their
 * closing point, parts in order), and a move of a ring's first vertex moves its closing copy too, so the
 * ring stays closed.
 */
export type Path = { coords: Position[]; ring: boolean };

/** The feature's rings and lines in vertex order (a point's one position counts as a line of one). */
export function paths(g: Geometry): Path[] {
  switch (g.type) {
    case 'Point':
      return [{ coords: [g.coordinates], ring: false }];
    case 'MultiPoint':
    case 'LineString':
      return [{ coords: g.coordinates, ring: false }];
    case 'MultiLineString':
      return g.coordinates.map((c) => ({ coords: c, ring: false }));
    case 'Polygon':
      return g.coordinates.map((c) => ({ coords: c, ring: true }));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((c) => ({ coords: c, ring: true })));
    default:
      return [];
  }
}

export function vertexCount(g: Geometry): number {
  return paths(g).reduce((n, p) => n + (p.ring ? Math.max(0, p.coords.length - 1) : p.coords.length), 0);
}

export function vertexAt(g: Geometry, i: number): Position | undefined {
  let k = i;
  for (const p of paths(g)) {
    const n = p.ring ? p.coords.length - 1 : p.coords.length;
    if (k < n) return p.coords[k];
    k -= n;
  }
  return undefined;
}

/** The geometry with vertex `i` moved `east` and `north` metres (on the ellipsoid's local scale). */
export function nudgeVertex(g: Geometry, i: number, east: number, north: number): Geometry {
  const at = vertexAt(g, i);
  if (!at) return g;
  const moved: Position = [at[0]! + east / parallelMetersPerDegree(at[1]!), at[1]! + north / meridianMetersPerDegree(at[1]!), ...at.slice(2)];
  let k = i;
  const next = (p: Position[], ring: boolean): Position[] => {
    const n = ring ? p.length - 1 : p.length;
    if (k < 0 || k >= n) {
      k -= n;
      return p;
    }
    const out = [...p];
    out[k] = moved;
    if (ring && k === 0) out[out.length - 1] = moved;
    k = -1;
    return out;
  };
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: moved };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: next(g.coordinates, false) };
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.map((c) => next(c, false)) };
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((c) => next(c, true)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((c) => next(c, true))) };
    default:
      return g;
  }
}
