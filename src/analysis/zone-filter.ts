import type { MultiPolygon, Polygon } from 'geojson';
import { featureBBox, PART_LINES, PART_POINTS, type FeatureIndex } from './feature-index';
import { INSIDE, ON_BOUNDARY, OUTSIDE, prepareZone, type PreparedZone } from './prepared-zone';

export type ZonePredicate = 'intersects' | 'within';

/**
 * Indices (positions in the array given to buildFeatureIndex, ascending) of the features that
 * - 'intersects': share at least one point with the zone, boundary included (touching counts), as
 *   turf.booleanIntersects and PostGIS ST_Intersects;
 * - 'within': lie in the zone's closure and reach its interior (OGC / PostGIS ST_Within): a polygon may
 *   touch the boundary from inside; a point on the boundary is not within; a line running only along the
 *   boundary is not within. As turf.booleanWithin, except that a polygon must not enclose a hole of the
 *   zone (turf only checks the polygon's own boundary) and a feature may span several touching zone parts
 *   (turf wants one part). Multi-geometries: every part in the closure, at least one reaching the interior.
 *
 * Candidates come from the feature index (bbox overlap), then a prepared zone decides most from a grid
 * of cell states and tests the rest exactly, against nearby zone edges only. Coordinates are planar
 * lon/lat (straight segments), as in turf and PostGIS geometry.
 *
 * @example
 * const index = buildFeatureIndex(parcels.features);
 * filterByZone(index, township.geometry, 'within'); // [3, 17, 18, …]
 */
export function filterByZone(indexed: FeatureIndex, zone: Polygon | MultiPolygon | PreparedZone, predicate: ZonePredicate): number[] {
  const z = 'locate' in zone ? zone : prepareZone(zone);
  const within = predicate === 'within';
  const hits = indexed.tree.search(z.minX, z.minY, z.maxX, z.maxY, (i, x0, y0, x1, y1) => {
    if (indexed.featurePart[i] === indexed.featurePart[i + 1]) return false; // no geometry
    const quick = z.classifyBox(x0, y0, x1, y1);
    if (quick !== ON_BOUNDARY) return quick === INSIDE;
    if (within && (x0 < z.minX || x1 > z.maxX || y0 < z.minY || y1 > z.maxY)) return false;
    return within ? featureWithin(indexed, i, z) : featureIntersects(indexed, i, z);
  });
  return Array.from(Uint32Array.from(hits).sort());
}

/**
 * How feature `f` of an index meets a prepared zone, by the same tests as {@link filterByZone}: 'within'
 * (the 'within' predicate holds), 'intersects' (meets it without being within) or null (disjoint). For
 * one feature against a few zones prepared once, e.g. a parcel against the 三区三线 control polygons.
 * @example relateFeature(buildFeatureIndex([parcel]), 0, prepareZone(farmland.geometry)) // 'within'
 */
export function relateFeature(indexed: FeatureIndex, f: number, z: PreparedZone): 'within' | 'intersects' | null {
  const b = featureBBox(indexed, f);
  if (!b || b[2] < z.minX || b[0] > z.maxX || b[3] < z.minY || b[1] > z.maxY) return null;
  const quick = z.classifyBox(b[0], b[1], b[2], b[3]);
  if (quick === INSIDE) return 'within';
  if (quick === OUTSIDE) return null;
  const inBox = b[0] >= z.minX && b[2] <= z.maxX && b[1] >= z.minY && b[3] <= z.maxY;
  if (inBox && featureWithin(indexed, f, z)) return 'within';
  return featureIntersects(indexed, f, z) ? 'intersects' : null;
}

function featureIntersects(g: FeatureIndex, f: number, z: PreparedZone): boolean {
  for (let p = g.featurePart[f]!; p < g.featurePart[f + 1]!; p++) {
    const kind = g.partKind[p]!;
    const near = edgesNearPart(g, p, z);
    if (near.length === 0) {
      // no zone edge near the part: it lies wholly in the zone's interior or wholly outside
      const v = g.ringVertex[g.partRing[p]!]!;
      if (z.locate(g.coords[2 * v]!, g.coords[2 * v + 1]!) === INSIDE) return true;
      continue;
    }
    if (anyVertex(g, p, (x, y) => z.locate(x, y) !== OUTSIDE)) return true;
    if (kind === PART_POINTS) continue;
    if (forEachSegment(g, p, (ax, ay, bx, by) => near.some((e) => segmentsMeet(ax, ay, bx, by, z.edges, e)))) return true;
    // a zone ring wholly inside a polygon part
    if (kind !== PART_LINES && near.some((e) => locateInPart(g, p, z.edges[4 * e]!, z.edges[4 * e + 1]!) !== OUTSIDE)) return true;
  }
  return false;
}

function featureWithin(g: FeatureIndex, f: number, z: PreparedZone): boolean {
  let reachesInterior = false;
  for (let p = g.featurePart[f]!; p < g.featurePart[f + 1]!; p++) {
    const kind = g.partKind[p]!;
    const near = edgesNearPart(g, p, z);
    if (near.length === 0) {
      // no zone edge near the part: it lies wholly in the zone's interior or wholly outside
      const v = g.ringVertex[g.partRing[p]!]!;
      if (z.locate(g.coords[2 * v]!, g.coords[2 * v + 1]!) !== INSIDE) return false;
      reachesInterior = true;
      continue;
    }
    let interior = false;
    const outside = anyVertex(g, p, (x, y) => {
      const where = z.locate(x, y);
      if (where === INSIDE) interior = true;
      return where === OUTSIDE;
    });
    if (outside) return false;
    if (kind !== PART_POINTS) {
      // Split every segment where zone edges meet it; each piece lies wholly on one side, so its midpoint
      // tells whether it leaves the zone or runs through the interior.
      const leaves = forEachSegment(g, p, (ax, ay, bx, by) => {
        const ts = splitParameters(ax, ay, bx, by, z.edges, near);
        for (let k = 1; k < ts.length; k++) {
          const t = (ts[k - 1]! + ts[k]!) / 2;
          const mx = ax + t * (bx - ax);
          const my = ay + t * (by - ay);
          const where = z.locate(mx, my);
          if (where === OUTSIDE) return true;
          if (where === INSIDE) interior = true;
          else if (kind !== PART_LINES && kind !== PART_POINTS && interiorSideOutside(g, p, z, mx, my, bx - ax, by - ay)) return true;
        }
        return false;
      });
      if (leaves) return false;
      if (kind !== PART_LINES) {
        // boundary inside the zone: the polygon is within unless it encloses a zone hole (or the gap between
        // zone parts), found as a zone edge point strictly inside the polygon
        const encloses = near.some((e) => {
          const ex = z.edges;
          return (
            locateInPart(g, p, ex[4 * e]!, ex[4 * e + 1]!) === INSIDE ||
            locateInPart(g, p, (ex[4 * e]! + ex[4 * e + 2]!) / 2, (ex[4 * e + 1]! + ex[4 * e + 3]!) / 2) === INSIDE
          );
        });
        if (encloses) return false;
        interior = true; // a polygon inside the closure has interior points inside the zone's interior
      }
    }
    reachesInterior ||= interior;
  }
  return reachesInterior;
}

/**
 * For a polygon boundary piece running along the zone boundary (midpoint m, direction d): does the
 * polygon's interior side lie outside the zone? (E.g. a polygon that exactly fills a zone hole.) Probes a
 * point a hair (1e-7 of the segment) to each side of m.
 */
function interiorSideOutside(g: FeatureIndex, p: number, z: PreparedZone, mx: number, my: number, dx: number, dy: number): boolean {
  for (const side of [1, -1]) {
    const qx = mx - side * dy * 1e-7;
    const qy = my + side * dx * 1e-7;
    if (locateInPart(g, p, qx, qy) === INSIDE) return z.locate(qx, qy) === OUTSIDE;
  }
  return false;
}

function edgesNearPart(g: FeatureIndex, p: number, z: PreparedZone): number[] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  anyVertex(g, p, (x, y) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
    return false;
  });
  return z.edgesNear(minX, minY, maxX, maxY);
}

/** Calls test on every vertex of part p until it returns true. */
function anyVertex(g: FeatureIndex, p: number, test: (x: number, y: number) => boolean): boolean {
  const v0 = g.ringVertex[g.partRing[p]!]!;
  const v1 = g.ringVertex[g.partRing[p + 1]!]!;
  for (let v = v0; v < v1; v++) if (test(g.coords[2 * v]!, g.coords[2 * v + 1]!)) return true;
  return false;
}

/** Calls test on every segment of every ring (or line) of part p until it returns true. */
function forEachSegment(g: FeatureIndex, p: number, test: (ax: number, ay: number, bx: number, by: number) => boolean): boolean {
  const c = g.coords;
  for (let r = g.partRing[p]!; r < g.partRing[p + 1]!; r++) {
    for (let v = g.ringVertex[r]! + 1; v < g.ringVertex[r + 1]!; v++) {
      if (test(c[2 * v - 2]!, c[2 * v - 1]!, c[2 * v]!, c[2 * v + 1]!)) return true;
    }
  }
  return false;
}

/** Crossing-number location of (x, y) in polygon part p (small, so every ring segment is visited). */
function locateInPart(g: FeatureIndex, p: number, x: number, y: number): number {
  let crossings = 0;
  const onEdge = forEachSegment(g, p, (ax, ay, bx, by) => {
    const o = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
    if (o === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return true;
    if (ay > y !== by > y && o > 0 === by > ay) crossings++;
    return false;
  });
  if (onEdge) return ON_BOUNDARY;
  return crossings % 2 === 1 ? INSIDE : OUTSIDE;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether closed segments a–b and zone edge e meet (proper crossing, touching or collinear overlap). */
function segmentsMeet(ax: number, ay: number, bx: number, by: number, edges: Float64Array, e: number): boolean {
  const cx = edges[4 * e]!;
  const cy = edges[4 * e + 1]!;
  const dx = edges[4 * e + 2]!;
  const dy = edges[4 * e + 3]!;
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const d1 = Math.sign(orient(cx, cy, dx, dy, ax, ay));
  const d2 = Math.sign(orient(cx, cy, dx, dy, bx, by));
  const d3 = Math.sign(orient(ax, ay, bx, by, cx, cy));
  const d4 = Math.sign(orient(ax, ay, bx, by, dx, dy));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  // touching or collinear: the bbox test above already holds, so an endpoint on the other line suffices
  return (d1 === 0 && between(cx, cy, dx, dy, ax, ay)) || (d2 === 0 && between(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && between(ax, ay, bx, by, cx, cy)) || (d4 === 0 && between(ax, ay, bx, by, dx, dy));
}

/** For a point known to be collinear with segment a–b: is it within the segment's bbox? */
function between(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}

/** Sorted parameters 0 = t0 < … < 1 along a–b where the zone edges cut or touch it. */
function splitParameters(ax: number, ay: number, bx: number, by: number, edges: Float64Array, near: readonly number[]): number[] {
  const ts = [0, 1];
  const rx = bx - ax;
  const ry = by - ay;
  const len2 = rx * rx + ry * ry;
  for (const e of near) {
    if (!segmentsMeet(ax, ay, bx, by, edges, e)) continue;
    const cx = edges[4 * e]!;
    const cy = edges[4 * e + 1]!;
    const sx = edges[4 * e + 2]! - cx;
    const sy = edges[4 * e + 3]! - cy;
    const denom = rx * sy - ry * sx;
    if (denom !== 0) {
      ts.push(((cx - ax) * sy - (cy - ay) * sx) / denom);
    } else if (len2 > 0) {
      // collinear overlap: cut at the edge's endpoints
      ts.push(((cx - ax) * rx + (cy - ay) * ry) / len2, ((cx + sx - ax) * rx + (cy + sy - ay) * ry) / len2);
    }
  }
  return ts.filter((t) => t >= 0 && t <= 1).sort((a, b) => a - b);
}
