import { booleanPointInPolygon, featureCollection, lineString, pointOnFeature, polygonize } from '@turf/turf';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { differenceAreal } from '../analysis/polygon-ops';

/**
 * Splitting a polygon along a drawn line, as QGIS's split tool does: every stretch of the line inside the
 * polygon becomes a shared edge of two pieces. The line and the rings are noded here (each crossing
 * computed once, so both sides get the very same coordinates), the faces come from turf's polygonize, and
 * the holes are cut out of the faces again. The pieces' areas add up to the polygon's.
 */
export type SplitResult = { pieces: Polygon[] } | { problem: 'no-cut' | 'self-crossing' | 'not-polygon' };

type Seg = { a: Position; b: Position; cuts: { t: number; p: Position }[] };

/** The crossing of two segments (parameters along each and the point), or null when parallel or apart. */
function crossing(p: Seg, q: Seg): { t: number; u: number; at: Position } | null {
  const r = [p.b[0]! - p.a[0]!, p.b[1]! - p.a[1]!];
  const s = [q.b[0]! - q.a[0]!, q.b[1]! - q.a[1]!];
  const den = r[0]! * s[1]! - r[1]! * s[0]!;
  if (den === 0) return null;
  const qp = [q.a[0]! - p.a[0]!, q.a[1]! - p.a[1]!];
  const t = (qp[0]! * s[1]! - qp[1]! * s[0]!) / den;
  const u = (qp[0]! * r[1]! - qp[1]! * r[0]!) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  // An end point lying on the other segment keeps its own coordinates.
  const at = t === 0 ? p.a : t === 1 ? p.b : u === 0 ? q.a : u === 1 ? q.b : [p.a[0]! + t * r[0]!, p.a[1]! + t * r[1]!];
  return { t, u, at };
}

function segments(line: Position[]): Seg[] {
  const out: Seg[] = [];
  for (let i = 1; i < line.length; i++) out.push({ a: line[i - 1]!, b: line[i]!, cuts: [] });
  return out;
}

function pieces(seg: Seg): [Position, Position][] {
  const pts = [seg.a, ...seg.cuts.sort((x, y) => x.t - y.t).map((c) => c.p), seg.b];
  const out: [Position, Position][] = [];
  for (let i = 1; i < pts.length; i++) if (pts[i - 1]![0] !== pts[i]![0] || pts[i - 1]![1] !== pts[i]![1]) out.push([pts[i - 1]!, pts[i]!]);
  return out;
}

function selfCrossing(cut: Seg[]): boolean {
  for (let i = 0; i < cut.length; i++)
    for (let j = i + 2; j < cut.length; j++) {
      const c = crossing(cut[i]!, cut[j]!);
      if (c && !(i === 0 && j === cut.length - 1 && c.t === 0 && c.u === 1)) return true;
    }
  return false;
}

export function splitPolygon(poly: Polygon, cut: LineString): SplitResult {
  if (cut.coordinates.length < 2 || !poly.coordinates[0]) return { problem: 'no-cut' };
  const rings = poly.coordinates.map(segments);
  const cutSegs = segments(cut.coordinates);
  if (selfCrossing(cutSegs)) return { problem: 'self-crossing' };
  for (const ring of rings)
    for (const r of ring)
      for (const c of cutSegs) {
        const x = crossing(r, c);
        if (!x) continue;
        r.cuts.push({ t: x.t, p: x.at });
        c.cuts.push({ t: x.u, p: x.at });
      }
  const inside = (a: Position, b: Position) =>
    booleanPointInPolygon([(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2], poly, { ignoreBoundary: true });
  const edges = [...rings.flat().flatMap(pieces), ...cutSegs.flatMap(pieces).filter(([a, b]) => inside(a, b))];
  if (edges.length === rings.flat().flatMap(pieces).length) return { problem: 'no-cut' };
  const faces = polygonize(featureCollection(edges.map(([a, b]) => lineString([a, b])))).features;
  const holes: Polygon[] = poly.coordinates.slice(1).map((r) => ({ type: 'Polygon', coordinates: [r] }));
  const out: Polygon[] = [];
  for (const face of faces) {
    const probe = pointOnFeature(face).geometry.coordinates;
    if (!booleanPointInPolygon(probe, poly, { ignoreBoundary: true })) continue;
    const g = holes.length ? differenceAreal(face.geometry, holes) : face.geometry;
    if (!g) continue;
    for (const p of g.type === 'Polygon' ? [g] : g.coordinates.map((c): Polygon => ({ type: 'Polygon', coordinates: c }))) out.push(p);
  }
  if (out.length < 2) return { problem: 'no-cut' };
  // Faces must tile the polygon; anything else (a degenerate ring) is not a split. Crossings are placed on
  // the straight lon/lat segment, as every GIS does, while areas follow geodesic edges: on a 1 km edge
  // away from a meridian the pieces differ from the whole by a few m² in a million, hence the tolerance.
  const total = geodesicArea(poly);
  const sum = out.reduce((s, p) => s + geodesicArea(p), 0);
  if (Math.abs(sum - total) > 1e-4 * total) return { problem: 'no-cut' };
  return { pieces: out };
}

/** What splitting a feature gives: the geometry the feature keeps and the pieces that become new features. */
export type FeatureSplit = { keep: Polygon | MultiPolygon; split: Polygon[] } | { problem: 'no-cut' | 'self-crossing' };

/**
 * Splits a polygon or every part of a multi-part one that the line cuts. Of each cut part the largest
 * piece stays with the feature, beside the parts the line missed; the other pieces become features of
 * their own. The kept geometry and the pieces together cover the feature exactly.
 */
export function splitFeatureGeometry(g: Polygon | MultiPolygon, cut: LineString): FeatureSplit {
  const parts: Polygon[] = g.type === 'Polygon' ? [g] : g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
  const kept: Polygon[] = [];
  const split: Polygon[] = [];
  let problem: 'no-cut' | 'self-crossing' = 'no-cut';
  for (const part of parts) {
    const r = splitPolygon(part, cut);
    if ('problem' in r) {
      if (r.problem === 'self-crossing') problem = 'self-crossing';
      kept.push(part);
      continue;
    }
    const [largest, ...rest] = [...r.pieces].sort((a, b) => geodesicArea(b) - geodesicArea(a));
    kept.push(largest!);
    split.push(...rest);
  }
  if (!split.length) return { problem };
  const keep: Polygon | MultiPolygon = kept.length === 1 ? kept[0]! : { type: 'MultiPolygon', coordinates: kept.map((p) => p.coordinates) };
  return { keep, split };
}
