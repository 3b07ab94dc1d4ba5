/**
 * Proximity over a big layer where its features are: the nearest N, or all within a radius, of a point
 * or of a feature (from its whole geometry, 0 inside it), with the same functions and rules as the page.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { buildFeatureIndex, type FeatureIndex } from '../analysis/feature-index';
import { nearestToFeature, withinDistanceOfFeature } from '../analysis/feature-distance';
import { nearestFeatures, withinRadius } from '../analysis/nearest';

export type BigProximityOrigin = { point: Position } | { feature: Feature };

export interface BigProximityQuestion {
  origin: BigProximityOrigin;
  mode: 'nearest' | 'radius';
  n: number;
  radiusMeters: number;
  /** The origin's own position when it is a feature of this layer: never its own neighbour. */
  self?: number;
  /** Rows sent back with their features (a radius can hold thousands); `total` counts them all. */
  limit: number;
}

export interface BigProximityAnswer {
  /** Where distances start (a point on the feature for lines and polygons: the map marks it). */
  origin: Position;
  fromPoint: boolean;
  rows: { index: number; distanceMeters: number; feature: Feature }[];
  total: number;
}

/** @example bigProximity(held.features, held.index, { origin: { point: [113.25, 35.18] }, mode: 'nearest', n: 5, radiusMeters: 0, limit: 500 }) */
export function bigProximity(features: readonly Feature[], index: FeatureIndex, q: BigProximityQuestion): BigProximityAnswer | null {
  const f = 'feature' in q.origin ? q.origin.feature : null;
  if (f && !f.geometry) return null;
  const fromPoint = !f || f.geometry!.type === 'Point';
  const point = f ? (f.geometry!.type === 'Point' ? f.geometry!.coordinates : pointOnFeature(f).geometry.coordinates) : (q.origin as { point: Position }).point;
  const want = q.mode === 'nearest' ? q.n + (q.self !== undefined ? 1 : 0) : 0;
  const packed = fromPoint ? null : buildFeatureIndex([f!]);
  const raw = packed
    ? q.mode === 'nearest' ? nearestToFeature(index, packed, 0, want) : withinDistanceOfFeature(index, packed, 0, q.radiusMeters)
    : q.mode === 'nearest' ? nearestFeatures(index, point, want) : withinRadius(index, point, q.radiusMeters);
  const kept = raw.filter((r) => r.index !== q.self).slice(0, q.mode === 'nearest' ? q.n : undefined);
  return { origin: point, fromPoint, rows: kept.slice(0, q.limit).map((r) => ({ ...r, feature: features[r.index]! })), total: kept.length };
}
