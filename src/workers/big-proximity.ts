/**
 * Proximity over a big layer where its features are: the nearest N, or all within a radius, of a point
 * or of a feature (from its whole geometry, 0 inside it), with the same functions and rules as the page.
 */
import type { Feature, Position } from 'geojson';
import type { FeatureIndex } from '../analysis/feature-index';
import { proximitySearch, proximityStart } from '../analysis/proximity-search';

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
  const start = proximityStart(q.origin);
  if (!start) return null;
  const kept = proximitySearch(index, start, q, q.self === undefined ? undefined : (i) => i === q.self);
  return { origin: start.point, fromPoint: !start.packed, rows: kept.slice(0, q.limit).map((r) => ({ ...r, feature: features[r.index]! })), total: kept.length };
}
