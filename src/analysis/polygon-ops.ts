import polygonClipping from 'polygon-clipping';
import type { Geom } from 'polygon-clipping';
import { difference as turfDifference, featureCollection, intersect as turfIntersect, union as turfUnion } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

// Polygon overlay for the analyses that clip many small polygons (三区三线, 用地平衡表 in a zone, zone
// statistics). polygon-clipping (the Martinez–Rueda sweep turf 6 used) runs in floating point; turf 7's
// polyclip-ts does the same sweep with arbitrary-precision comparisons and is several times slower per call.
// Should the float sweep give up on a degenerate input (it throws), the same operation is redone with turf.

export type Areal = Polygon | MultiPolygon;

const geom = (g: Areal): Geom => g.coordinates as Geom;
const plain = (geometry: Areal): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry });

/** The polygons of a polygon-clipping result as GeoJSON, or null when it is empty. */
function asGeometry(mp: readonly (readonly (readonly (readonly number[])[])[])[]): Areal | null {
  if (mp.length === 0) return null;
  const coordinates = mp as number[][][][];
  return coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0]! } : { type: 'MultiPolygon', coordinates };
}

/** The part of `a` inside `b`; null when they share no area. */
export function intersectAreal(a: Areal, b: Areal): Areal | null {
  try {
    return asGeometry(polygonClipping.intersection(geom(a), geom(b)));
  } catch {
    return turfIntersect(featureCollection<Areal>([plain(a), plain(b)]))?.geometry ?? null;
  }
}

/** The union of `parts`; null when there are none. */
export function unionAreal(parts: readonly Areal[]): Areal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  try {
    return asGeometry(polygonClipping.union(geom(parts[0]!), ...parts.slice(1).map(geom)));
  } catch {
    return turfUnion(featureCollection<Areal>(parts.map(plain)))?.geometry ?? null;
  }
}

/** The part of `a` outside every one of `others`; null when nothing is left. */
export function differenceAreal(a: Areal, others: readonly Areal[]): Areal | null {
  if (others.length === 0) return a;
  try {
    return asGeometry(polygonClipping.difference(geom(a), ...others.map(geom)));
  } catch {
    return turfDifference(featureCollection<Areal>([plain(a), ...others.map(plain)]))?.geometry ?? null;
  }
}
