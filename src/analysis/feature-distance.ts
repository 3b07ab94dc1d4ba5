import { PART_POINTS, type FeatureIndex, type PackedGeometries } from './feature-index';
import { METERS_PER_DEGREE_MIN_MERIDIAN, parallelMetersPerDegree } from './meters-per-degree';
import { distanceToFeature, type NearestResult } from './nearest';

/**
 * Geodesic distance (m) between feature `ai` of `a` and feature `bi` of `b`: 0 when they touch, cross or one
 * lies in the other; otherwise the least distance between them. Two disjoint sets of points and segments
 * come closest at a vertex of one of them, so the answer is the least {@link distanceToFeature} from every
 * vertex of each to the other; crossing edges (possible with no vertex inside the other) give 0.
 *
 * @example distanceBetweenFeatures(urbanArea, 0, villages, 12) // 1_480.2
 */
export function distanceBetweenFeatures(a: PackedGeometries, ai: number, b: PackedGeometries, bi: number): number {
  if (!hasGeometry(a, ai) || !hasGeometry(b, bi)) return Infinity;
  let best = Infinity;
  for (const [from, fi, to, ti] of [
    [b, bi, a, ai],
    [a, ai, b, bi],
  ] as const) {
    const [v0, v1] = vertexRange(from, fi);
    for (let v = v0; v < v1; v++) {
      const d = distanceToFeature(to, ti, [from.coords[2 * v]!, from.coords[2 * v + 1]!]);
      if (d === 0) return 0;
      if (d < best) best = d;
    }
  }
  return edgesCross(a, ai, b, bi) ? 0 : best;
}

/**
 * Every feature of `indexed` within `radiusMeters` (inclusive) of feature `oi` of `origin`, sorted by
 * distance, then index. Candidates come from the origin's box grown by the radius as in withinRadius: by
 * the smallest meridian radius in latitude, and in longitude by the parallel at the most poleward latitude
 * the grown box reaches.
 */
export function withinDistanceOfFeature(indexed: FeatureIndex, origin: PackedGeometries, oi: number, radiusMeters: number): NearestResult[] {
  if (!(radiusMeters >= 0) || !hasGeometry(origin, oi)) return [];
  const [minX, minY, maxX, maxY] = featureBox(origin, oi);
  // + BOX_SLACK: points a few ulps apart measure 0 m, though their boxes do not touch.
  const dLat = radiusMeters / METERS_PER_DEGREE_MIN_MERIDIAN + BOX_SLACK;
  const poleward = Math.max(Math.abs(minY), Math.abs(maxY)) + dLat;
  const dLon = poleward >= 90 ? Infinity : radiusMeters / parallelMetersPerDegree(poleward) + BOX_SLACK;
  const [west, east] = dLon >= 180 ? [-Infinity, Infinity] : [minX - dLon, maxX + dLon];
  const results: NearestResult[] = [];
  for (const i of indexed.tree.search(west, minY - dLat, east, maxY + dLat)) {
    if (!hasGeometry(indexed, i)) continue;
    const d = distanceBetweenFeatures(origin, oi, indexed, i);
    if (d <= radiusMeters) results.push({ index: i, distanceMeters: d });
  }
  return results.sort((x, y) => x.distanceMeters - y.distanceMeters || x.index - y.index);
}

/**
 * The n features of `indexed` nearest to feature `oi` of `origin`, sorted by distance, then index. The n
 * features whose boxes lie nearest the origin's centre bound the n-th distance; withinDistanceOfFeature with
 * that bound then finds every feature that could be nearer (both steps exact, as in nearestFeatures).
 */
export function nearestToFeature(indexed: FeatureIndex, origin: PackedGeometries, oi: number, n: number): NearestResult[] {
  if (!(n >= 1) || !hasGeometry(origin, oi)) return [];
  const [minX, minY, maxX, maxY] = featureBox(origin, oi);
  const seeds = indexed.tree.neighbors((minX + maxX) / 2, (minY + maxY) / 2, n, Infinity, (i) => hasGeometry(indexed, i));
  let bound = seeds.length < n ? Infinity : 0;
  for (const i of seeds) bound = Math.max(bound, distanceBetweenFeatures(origin, oi, indexed, i));
  return withinDistanceOfFeature(indexed, origin, oi, bound).slice(0, Math.floor(n));
}

/** 1e-9° (0.1 mm): slack on candidate boxes, far above rounding and far below any distance asked for. */
const BOX_SLACK = 1e-9;

function hasGeometry(g: PackedGeometries, i: number): boolean {
  return g.featurePart[i] !== g.featurePart[i + 1];
}

/** Features' coordinates are packed one after another: feature i owns vertices [v0, v1). */
function vertexRange(g: PackedGeometries, i: number): [number, number] {
  return [g.ringVertex[g.partRing[g.featurePart[i]!]!]!, g.ringVertex[g.partRing[g.featurePart[i + 1]!]!]!];
}

function featureBox(g: PackedGeometries, i: number): [number, number, number, number] {
  const [v0, v1] = vertexRange(g, i);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let v = v0; v < v1; v++) {
    const x = g.coords[2 * v]!;
    const y = g.coords[2 * v + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Calls `visit(ax, ay, bx, by)` for every edge of feature i (line segments and polygon ring sides). */
function forEachEdge(g: PackedGeometries, i: number, visit: (ax: number, ay: number, bx: number, by: number) => boolean | void): boolean {
  const c = g.coords;
  for (let p = g.featurePart[i]!; p < g.featurePart[i + 1]!; p++) {
    if (g.partKind[p] === PART_POINTS) continue;
    for (let r = g.partRing[p]!; r < g.partRing[p + 1]!; r++) {
      for (let v = g.ringVertex[r]! + 1; v < g.ringVertex[r + 1]!; v++) {
        if (visit(c[2 * v - 2]!, c[2 * v - 1]!, c[2 * v]!, c[2 * v + 1]!) === true) return true;
      }
    }
  }
  return false;
}

/** Whether an edge of one feature properly crosses an edge of the other (in lon/lat, as the inside tests). */
function edgesCross(a: PackedGeometries, ai: number, b: PackedGeometries, bi: number): boolean {
  const [aMinX, aMinY, aMaxX, aMaxY] = featureBox(a, ai);
  const [bMinX, bMinY, bMaxX, bMaxY] = featureBox(b, bi);
  if (aMaxX < bMinX || bMaxX < aMinX || aMaxY < bMinY || bMaxY < aMinY) return false;
  return forEachEdge(a, ai, (px, py, qx, qy) =>
    forEachEdge(b, bi, (rx, ry, sx, sy) => {
      const d1 = orient(px, py, qx, qy, rx, ry);
      const d2 = orient(px, py, qx, qy, sx, sy);
      const d3 = orient(rx, ry, sx, sy, px, py);
      const d4 = orient(rx, ry, sx, sy, qx, qy);
      return d1 * d2 < 0 && d3 * d4 < 0;
    }),
  );
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
