import { pointOnFeature } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { buildFeatureIndex, type FeatureIndex } from './feature-index';
import { nearestToFeature, withinDistanceOfFeature } from './feature-distance';
import { nearestFeatures, withinRadius, type NearestResult } from './nearest';

/**
 * Where distances start: a picked point or a point feature from itself; any other feature from its whole
 * geometry (its outline, 0 inside it), with a point on it to mark it.
 */
export interface ProximityStart {
  point: Position;
  /** the origin feature packed for distance queries; null when distances start from `point` */
  packed: FeatureIndex | null;
}

/** @example proximityStart({ feature: parcel }) // { point: [113.25, 35.18] (on the parcel), packed: … } */
export function proximityStart(origin: { point: Position } | { feature: Feature }): ProximityStart | null {
  if ('point' in origin) return { point: origin.point, packed: null };
  const g = origin.feature.geometry;
  if (!g) return null;
  if (g.type === 'Point') return { point: g.coordinates, packed: null };
  return { point: pointOnFeature(origin.feature).geometry.coordinates, packed: buildFeatureIndex([origin.feature]) };
}

/**
 * The nearest N, or all within a radius, of a start, leaving out the origin feature itself (`isSelf`), so it
 * is not listed as its own neighbour. The same answer on the page and in a big layer's worker.
 * @example proximitySearch(index, start, { mode: 'nearest', n: 5, radiusMeters: 0 })
 */
export function proximitySearch(
  index: FeatureIndex,
  start: ProximityStart,
  q: { mode: 'nearest' | 'radius'; n: number; radiusMeters: number },
  isSelf?: (i: number) => boolean,
): NearestResult[] {
  const want = q.mode === 'nearest' ? q.n + (isSelf ? 1 : 0) : 0;
  const raw = start.packed
    ? q.mode === 'nearest' ? nearestToFeature(index, start.packed, 0, want) : withinDistanceOfFeature(index, start.packed, 0, q.radiusMeters)
    : q.mode === 'nearest' ? nearestFeatures(index, start.point, want) : withinRadius(index, start.point, q.radiusMeters);
  const kept = isSelf ? raw.filter((r) => !isSelf(r.index)) : raw;
  return q.mode === 'nearest' ? kept.slice(0, q.n) : kept;
}
