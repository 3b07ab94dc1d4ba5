import type { Feature } from 'geojson';
import type { GeometryKind } from './layers';

/** The layer kind that fits a set of features: one geometry family, or 'mixed'. */
export function geometryKindOf(features: readonly Feature[]): GeometryKind {
  const kinds = new Set<GeometryKind>();
  for (const f of features) {
    const t = f.geometry?.type;
    if (t === 'Point' || t === 'MultiPoint') kinds.add('point');
    else if (t === 'LineString' || t === 'MultiLineString') kinds.add('line');
    else if (t === 'Polygon' || t === 'MultiPolygon') kinds.add('polygon');
    else if (t) kinds.add('mixed');
    if (kinds.size > 1) return 'mixed';
  }
  return kinds.values().next().value ?? 'mixed';
}
