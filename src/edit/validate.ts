import type { Geometry, Position } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { geodesicLength } from '../analysis/geodesic-length';
import { labelPoint } from '../analysis/label-points';
import { ringSelfIntersection } from '../io/ring-intersection';

/**
 * What is wrong with a geometry being edited, each at its place. Edits that leave such a problem are
 * kept (a planner may be half-way through), but the inspector and the map show it until it is fixed.
 */
export type GeometryWarning =
  | { code: 'self-intersection'; at: Position }
  | { code: 'ring-not-closed'; at: Position }
  | { code: 'too-few-vertices'; at: Position }
  | { code: 'sliver'; at: Position; areaM2: number };

/** Thinner than this (4πA / P², 1 for a circle) is a sliver: a 100 m × 0.25 m strip, a spike. */
const SLIVER_COMPACTNESS = 0.01;

function rings(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function crossingPoint(ring: Position[]): Position | undefined {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [a, b, c, d] = [ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!];
      const r = [b[0]! - a[0]!, b[1]! - a[1]!];
      const q = [d[0]! - c[0]!, d[1]! - c[1]!];
      const den = r[0]! * q[1]! - r[1]! * q[0]!;
      if (den === 0) continue;
      const t = ((c[0]! - a[0]!) * q[1]! - (c[1]! - a[1]!) * q[0]!) / den;
      const u = ((c[0]! - a[0]!) * r[1]! - (c[1]! - a[1]!) * r[0]!) / den;
      if (t >= 0 && t <= 1 && u >= 0 && u <= 1) return [a[0]! + t * r[0]!, a[1]! + t * r[1]!];
    }
  return undefined;
}

export function validateGeometry(g: Geometry | null): GeometryWarning[] {
  if (!g) return [];
  const out: GeometryWarning[] = [];
  if (g.type === 'LineString' && g.coordinates.length < 2 && g.coordinates[0]) out.push({ code: 'too-few-vertices', at: g.coordinates[0] });
  for (const polygon of rings(g)) {
    for (const ring of polygon) {
      const first = ring[0];
      if (!first) continue;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        out.push({ code: 'ring-not-closed', at: last });
        continue;
      }
      if (ring.length < 4) {
        out.push({ code: 'too-few-vertices', at: first });
        continue;
      }
      // The sweep says whether (and near which vertex) the ring crosses itself; the point shown is the crossing.
      const near = ringSelfIntersection(ring);
      if (near) out.push({ code: 'self-intersection', at: ring.length <= 2000 ? (crossingPoint(ring) ?? near) : near });
    }
    const outer = polygon[0];
    if (!outer || outer.length < 4 || out.length) continue;
    const part: Geometry = { type: 'Polygon', coordinates: polygon };
    const area = geodesicArea(part);
    const perimeter = geodesicLength({ type: 'LineString', coordinates: outer });
    if (perimeter > 0 && (4 * Math.PI * area) / (perimeter * perimeter) < SLIVER_COMPACTNESS) out.push({ code: 'sliver', at: labelPoint(part) ?? outer[0]!, areaM2: area });
  }
  return out;
}
