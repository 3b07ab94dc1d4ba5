import { pointOnFeature } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { geodesicCircle } from '../analysis/geodesic-circle';
import { nearestFeatures, withinRadius } from '../analysis/nearest';
import { indexOf } from './filter-result';
import { featureById, featureId } from './selectors';
import type { AtlasState } from './store';
import type { ProximityQuery } from './tools-slice';

export interface ProximityResult {
  origin: Position;
  /** The origin feature's own id when it is in the searched layer, so it is not listed as its own neighbour. */
  rows: { layerId: string; featureId: string; distanceMeters: number; feature: Feature }[];
  ring: Feature | null;
}

/** Points measure from themselves; other features from a point on them (their representative point). */
function originOf(s: AtlasState, q: ProximityQuery): { point: Position; feature: Feature | null } | null {
  if (q.origin.type === 'point') return { point: q.origin.lngLat, feature: null };
  const layer = s.layers[q.origin.layerId];
  const f = layer ? featureById(layer, q.origin.featureId) : undefined;
  if (!f?.geometry) return null;
  const point = f.geometry.type === 'Point' ? f.geometry.coordinates : pointOnFeature(f).geometry.coordinates;
  return { point, feature: f };
}

let memo: { key: unknown[]; value: ProximityResult | null } | null = null;

/** The answer to the current proximity question (nearest N or all within r), geodesic distances. */
export function selectProximity(s: AtlasState): ProximityResult | null {
  const q = s.proximity;
  const key = [q, q ? s.layers[q.layerId] : null, q?.origin.type === 'feature' ? s.layers[q.origin.layerId] : null];
  if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
  let value: ProximityResult | null = null;
  const layer = q ? s.layers[q.layerId] : undefined;
  const origin = q ? originOf(s, q) : null;
  if (q && layer && origin) {
    const index = indexOf(layer.data);
    const self = q.origin.type === 'feature' && q.origin.layerId === q.layerId ? q.origin.featureId : null;
    const raw = q.mode === 'nearest' ? nearestFeatures(index, origin.point, q.n + (self ? 1 : 0)) : withinRadius(index, origin.point, q.radiusKm * 1000);
    const rows = raw
      .map((r) => ({ layerId: layer.id, featureId: featureId(layer.data.features[r.index]!), distanceMeters: r.distanceMeters, feature: layer.data.features[r.index]! }))
      .filter((r) => r.featureId !== self)
      .slice(0, q.mode === 'nearest' ? q.n : undefined);
    // The ring is the area searched: distances run from the origin point, so it is the geodesic circle around
    // it (a buffer of a polygon origin would show, and filter by, an area the list was not drawn from).
    const ring: Feature | null =
      q.mode === 'radius' ? { type: 'Feature', properties: { role: 'buffer' }, geometry: geodesicCircle(origin.point, q.radiusKm * 1000) } : null;
    value = { origin: origin.point, rows, ring };
  }
  memo = { key, value };
  return value;
}
