import type { Geometry, Position } from 'geojson';
import polylabel from 'polylabel';

/**
 * Where a polygon's name goes: the pole of inaccessibility (the interior point farthest from the outline,
 * Mapbox's polylabel) of its largest part, so the label sits once per feature, well inside its own
 * polygon even when it is concave or holed. Longitudes are scaled by cos(latitude) first, so "farthest"
 * is measured on the ground, not in degrees. `null` for other geometries and empty polygons.
 * @example labelPoint(township.geometry) // [113.2181, 35.1507]
 */
export function labelPoint(geometry: Geometry | null): [number, number] | null {
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: Position[][] | null = null;
  let bestArea = 0;
  for (const rings of parts) {
    const a = rings[0] && rings[0].length >= 4 ? Math.abs(ringArea(rings[0])) : 0;
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  if (!best) return null;
  const outer = best[0]!;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of outer) {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scaled = best.map((ring) => ring.map((p): [number, number] => [p[0]! * k, p[1]!]));
  // precision: 1/200 of the part's size, a pixel when the part spans 200 px (smaller ones get no room
  // for a name anyway); finer costs time on layers of 20 000 parcels
  const precision = Math.max((maxX - minX) * k, maxY - minY) / 200 || 1e-9;
  const [x, y] = polylabel(scaled, precision);
  return [x / k, y];
}

function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s / 2;
}
