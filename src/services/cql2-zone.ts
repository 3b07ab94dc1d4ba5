/**
 * The atlas's zone filter as a CQL2 text filter for a server layer: the zone's (Multi)Polygon as WKT in
 * S_INTERSECTS (boundary contact counts) or S_WITHIN, the two predicates of the zone filter. Coordinates are
 * written in full (shortest round-trip form), so the server tests the very zone the page tests.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ZonePredicate } from '../analysis/zone-filter';

const ring = (r: readonly Position[]) => `(${r.map((p) => `${p[0]} ${p[1]}`).join(', ')})`;
const polygon = (rings: readonly (readonly Position[])[]) => `(${rings.map(ring).join(', ')})`;

export function zoneWkt(zone: Polygon | MultiPolygon): string {
  return zone.type === 'Polygon' ? `POLYGON${polygon(zone.coordinates)}` : `MULTIPOLYGON(${zone.coordinates.map(polygon).join(', ')})`;
}

/** @example zoneFilterCql(township.geometry, 'intersects') // "S_INTERSECTS(geom, POLYGON((113.1 35.1, …)))" */
export function zoneFilterCql(zone: Polygon | MultiPolygon, predicate: ZonePredicate, geometryProperty = 'geom'): string {
  return `${predicate === 'within' ? 'S_WITHIN' : 'S_INTERSECTS'}("${geometryProperty.replace(/"/g, '""')}", ${zoneWkt(zone)})`;
}
