import type { Feature, Geometry, Position } from 'geojson';
import { DISTANCE_ONLY, WGS84 } from './wgs84';

/**
 * Length in metres along geodesics on the WGS84 ellipsoid (GeographicLib Inverse, accurate to ~15 nm):
 * LineString / MultiLineString: total length; Polygon / MultiPolygon: perimeter of all rings, holes included;
 * GeometryCollection: the sum; Points: 0.
 *
 * @example
 * geodesicLength({ type: 'LineString', coordinates: [[113.2, 35.15], [113.3, 35.15]] }); // ≈ 9_112.1
 */
export function geodesicLength(geom: Geometry | Feature<Geometry | null> | null | undefined): number {
  if (!geom) return 0;
  switch (geom.type) {
    case 'Feature':
      return geodesicLength(geom.geometry);
    case 'LineString':
      return pathLength(geom.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      return sumPaths(geom.coordinates);
    case 'MultiPolygon': {
      let total = 0;
      for (const polygon of geom.coordinates) total += sumPaths(polygon);
      return total;
    }
    case 'GeometryCollection': {
      let total = 0;
      for (const g of geom.geometries) total += geodesicLength(g);
      return total;
    }
    default:
      return 0;
  }
}

/**
 * Geodesic distance in metres between two [lon, lat] positions on WGS84.
 * @example geodesicDistance([113.2, 35.15], [113.3, 35.15]) // ≈ 9_112.1
 */
export function geodesicDistance(a: Position, b: Position): number {
  return WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, DISTANCE_ONLY).s12 ?? NaN;
}

function pathLength(path: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += geodesicDistance(path[i - 1]!, path[i]!);
  return total;
}

function sumPaths(paths: readonly (readonly Position[])[]): number {
  let total = 0;
  for (const p of paths) total += pathLength(p);
  return total;
}
