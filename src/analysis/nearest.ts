import type { Position } from 'geojson';
import { PART_LINES, PART_POINTS, type FeatureIndex, type PackedGeometries } from './feature-index';
import { METERS_PER_DEGREE_MIN_MERIDIAN, meridianMetersPerDegree, parallelMetersPerDegree } from './meters-per-degree';
import { DISTANCE_ONLY, WGS84 } from './wgs84';

export interface NearestResult {
  /** position of the feature in the array given to buildFeatureIndex */
  index: number;
  /** geodesic distance on WGS84 from the query point to the feature; 0 inside a polygon */
  distanceMeters: number;
}

export interface NearestOptions {
  /** ignore features farther than this (m) */
  maxDistanceMeters?: number;
}

/**
 * The n features nearest to `point` ([lon, lat]), sorted by distance, then index.
 * Two index queries, both exact: Flatbush `neighbors` (by bbox distance in degrees) proposes n features,
 * whose largest exact distance bounds the n-th nearest; withinRadius with that bound then finds every
 * feature that could be nearer. Distances as in {@link distanceToFeature}.
 *
 * @example
 * nearestFeatures(index, [113.25, 35.18], 3); // [{ index: 812, distanceMeters: 0 }, { index: 77, distanceMeters: 41.3 }, …]
 */
export function nearestFeatures(indexed: FeatureIndex, point: Position, n: number, opts: NearestOptions = {}): NearestResult[] {
  const max = opts.maxDistanceMeters ?? Infinity;
  if (!(n >= 1) || !(max >= 0)) return [];
  const hasGeometry = (i: number) => indexed.featurePart[i] !== indexed.featurePart[i + 1];
  const seeds = indexed.tree.neighbors(point[0]!, point[1]!, n, Infinity, hasGeometry);
  let bound = seeds.length < n ? Infinity : 0;
  for (const i of seeds) bound = Math.max(bound, distanceToFeature(indexed, i, point));
  return withinRadius(indexed, point, Math.min(bound, max)).slice(0, Math.floor(n));
}

/**
 * Every feature within `radiusMeters` (inclusive) of `point`, sorted by distance, then index. Candidates
 * come from a bbox query over a lon/lat box that surely holds the geodesic circle: its half-height uses the
 * smallest meridian radius a(1−e²), its half-width the parallel radius at the box's most poleward latitude
 * (the whole longitude range if the circle reaches a pole). Longitudes do not wrap at ±180°.
 *
 * @example withinRadius(index, [113.25, 35.18], 500); // [{ index: 812, distanceMeters: 0 }, …]
 */
export function withinRadius(indexed: FeatureIndex, point: Position, radiusMeters: number): NearestResult[] {
  if (!(radiusMeters >= 0)) return [];
  const [lon, lat] = point as [number, number];
  const dLat = radiusMeters / METERS_PER_DEGREE_MIN_MERIDIAN;
  const poleward = Math.abs(lat) + dLat;
  const dLon = poleward >= 90 ? Infinity : radiusMeters / parallelMetersPerDegree(poleward);
  const box = dLon >= 180 ? [-Infinity, Infinity] : [lon - dLon, lon + dLon];
  const results: NearestResult[] = [];
  for (const i of indexed.tree.search(box[0]!, lat - dLat, box[1]!, lat + dLat)) {
    if (indexed.featurePart[i] === indexed.featurePart[i + 1]) continue;
    const d = distanceToFeature(indexed, i, point);
    if (d <= radiusMeters) results.push({ index: i, distanceMeters: d });
  }
  return results.sort((a, b) => a.distanceMeters - b.distanceMeters || a.index - b.index);
}

/**
 * Geodesic distance (m, GeographicLib Inverse) from `point` to feature i: 0 if the point lies in a polygon
 * (planar lon/lat test, boundary included, as zone-filter); else the distance to the nearest vertex or
 * segment point. The nearest point on each segment is found in a local equirectangular projection about
 * the query point; segments whose projected distance comes within 2% (+1 m) of the best are measured
 * geodesically and the least distance wins.
 *
 * @example distanceToFeature(index, 0, [113.25, 35.18]) // 41.3
 */
export function distanceToFeature(g: PackedGeometries, i: number, point: Position): number {
  const [lon0, lat0] = point as [number, number];
  const kx = parallelMetersPerDegree(lat0);
  const ky = meridianMetersPerDegree(lat0);
  const c = g.coords;
  // candidates: [projected distance, lon, lat] of the nearest point per vertex/segment
  const cands: number[] = [];
  let best = Infinity;
  const consider = (x: number, y: number) => {
    const d = Math.hypot((x - lon0) * kx, (y - lat0) * ky);
    if (d > best * 1.02 + 1) return;
    best = Math.min(best, d);
    cands.push(d, x, y);
  };
  for (let p = g.featurePart[i]!; p < g.featurePart[i + 1]!; p++) {
    const kind = g.partKind[p]!;
    if (kind !== PART_POINTS && kind !== PART_LINES && insidePolygon(g, p, lon0, lat0)) return 0;
    for (let r = g.partRing[p]!; r < g.partRing[p + 1]!; r++) {
      const v0 = g.ringVertex[r]!;
      const v1 = g.ringVertex[r + 1]!;
      if (kind === PART_POINTS || v1 - v0 === 1) {
        for (let v = v0; v < v1; v++) consider(c[2 * v]!, c[2 * v + 1]!);
        continue;
      }
      for (let v = v0 + 1; v < v1; v++) {
        const ax = c[2 * v - 2]!;
        const ay = c[2 * v - 1]!;
        const bx = c[2 * v]!;
        const by = c[2 * v + 1]!;
        // projected: a → b as (ux, uy) metres, query point at the origin
        const ux = (bx - ax) * kx;
        const uy = (by - ay) * ky;
        const len2 = ux * ux + uy * uy;
        const t = len2 > 0 ? Math.min(1, Math.max(0, -((ax - lon0) * kx * ux + (ay - lat0) * ky * uy) / len2)) : 0;
        consider(ax + t * (bx - ax), ay + t * (by - ay));
      }
    }
  }
  let exact = Infinity;
  for (let k = 0; k < cands.length; k += 3) {
    if (cands[k]! > best * 1.02 + 1) continue;
    const s = WGS84.Inverse(lat0, lon0, cands[k + 2]!, cands[k + 1]!, DISTANCE_ONLY).s12 ?? Infinity;
    exact = Math.min(exact, s);
  }
  return exact;
}

/** Crossing-number test of (x, y) in polygon part p, boundary included. */
function insidePolygon(g: PackedGeometries, p: number, x: number, y: number): boolean {
  const c = g.coords;
  let inside = false;
  for (let r = g.partRing[p]!; r < g.partRing[p + 1]!; r++) {
    for (let v = g.ringVertex[r]! + 1; v < g.ringVertex[r + 1]!; v++) {
      const ax = c[2 * v - 2]!;
      const ay = c[2 * v - 1]!;
      const bx = c[2 * v]!;
      const by = c[2 * v + 1]!;
      const o = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
      if (o === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return true;
      if (ay > y !== by > y && o > 0 === by > ay) inside = !inside;
    }
  }
  return inside;
}
