import { booleanPointInPolygon, lineSplit, along, length as turfLength } from '@turf/turf';
import { intersectAreal } from './polygon-ops';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

function pointInside(p: Position, zone: Feature<Polygon | MultiPolygon>): boolean {
  return booleanPointInPolygon(p, zone);
}

function clipLine(coords: Position[], zone: Feature<Polygon | MultiPolygon>): Position[][] {
  const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
  const pieces = lineSplit(line, zone).features;
  const parts = pieces.length ? pieces : [line];
  // A piece lies wholly inside or outside once split at the boundary; its midpoint tells which.
  return parts
    .filter((piece) => pointInside(along(piece, turfLength(piece) / 2).geometry.coordinates, zone))
    .map((piece) => piece.geometry.coordinates);
}

/**
 * The part of a feature inside a zone, with its properties unchanged; null when nothing is inside.
 * Polygons are intersected exactly, lines are cut at the zone boundary, points are kept when inside.
 * @example clipToZone(parcel, township) // the parcel's piece within the township
 */
export function clipToZone(f: Feature, zone: Polygon | MultiPolygon): Feature | null {
  const z: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: zone };
  const g = f.geometry;
  if (!g) return null;
  const keep = (geometry: Feature['geometry']): Feature => ({ ...f, geometry });
  switch (g.type) {
    case 'Point':
      return pointInside(g.coordinates, z) ? f : null;
    case 'MultiPoint': {
      const pts = g.coordinates.filter((p) => pointInside(p, z));
      return pts.length ? keep({ type: 'MultiPoint', coordinates: pts }) : null;
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates).flatMap((c) => clipLine(c, z));
      if (!lines.length) return null;
      const geometry: LineString | MultiLineString = lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines };
      return keep(geometry);
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const out = intersectAreal(g, zone);
      return out ? keep(out) : null;
    }
    default:
      return null;
  }
}
