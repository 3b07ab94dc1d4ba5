/**
 * The naive baselines: what one writes with turf alone, a loop over every feature, no index.
 */
import { booleanIntersects, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';

/** Indices of the features (from `subset`, ascending) that turf.booleanIntersects with the zone. */
export function naiveIntersects(features: readonly Feature<Polygon>[], subset: readonly number[], zone: Feature<Polygon>): number[] {
  const hits: number[] = [];
  for (const i of subset) if (booleanIntersects(features[i]!, zone)) hits.push(i);
  return hits;
}

/**
 * Distance (m) from `at` to every feature, "distance to geometry" as turf computes it:
 * turf.pointToPolygonDistance (its default method 'geodesic': great-circle distance on turf's sphere,
 * R = 6 371 008.8 m, to the nearest point of each boundary segment), negative inside, clamped to 0 here
 * (inside = 0, as in PostGIS and ours).
 */
export function naiveDistances(features: readonly Feature<Polygon>[], at: Position): Float64Array {
  const pt = point(at);
  const out = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) out[i] = Math.max(0, pointToPolygonDistance(pt, features[i]!, { units: 'meters' }));
  return out;
}

/** Indices within `radius` (m), ascending by distance then index. */
export function naiveWithinRadius(features: readonly Feature<Polygon>[], at: Position, radius: number): number[] {
  const d = naiveDistances(features, at);
  const hits: number[] = [];
  for (let i = 0; i < d.length; i++) if (d[i]! <= radius) hits.push(i);
  return hits.sort((a, b) => d[a]! - d[b]! || a - b);
}

/** The n nearest indices: every distance, then a full sort (the naive loop + sort). */
export function naiveNearest(features: readonly Feature<Polygon>[], at: Position, n: number): number[] {
  const d = naiveDistances(features, at);
  const order = Array.from(d.keys());
  order.sort((a, b) => d[a]! - d[b]! || a - b);
  return order.slice(0, n);
}
