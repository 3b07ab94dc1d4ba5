import type { Polygon } from 'geojson';
import { filterByZone } from '../analysis/zone-filter';
import { indexOf, selectFilterResult } from './filter-result';
import type { FeatureRef } from './selection-slice';
import { featureId } from './selectors';
import type { AtlasState } from './store';
import type { LayerEntry } from './layers-slice';

/**
 * Features of the visible, selectable layers that intersect a polygon (box or lasso), skipping
 * features the current filter hides or greys out.
 */
export function featuresInPolygon(s: AtlasState, polygon: Polygon): FeatureRef[] {
  return passing(s, (layer) => filterByZone(indexOf(layer.data), polygon, 'intersects'));
}

/** Every feature that passes the current filter, in every filterable visible layer. */
export function featuresMatchingFilter(s: AtlasState): FeatureRef[] {
  return passing(s, (layer) => layer.data.features.keys());
}

/** Refs to the features at the given positions of each visible filterable layer that the filter keeps. */
function passing(s: AtlasState, positions: (layer: LayerEntry) => Iterable<number>): FeatureRef[] {
  const filter = selectFilterResult(s);
  const refs: FeatureRef[] = [];
  for (const id of s.order) {
    const layer = s.layers[id];
    if (!layer || !layer.visible || !layer.filterable) continue;
    const pass = filter.byLayer[id];
    for (const i of positions(layer)) {
      const fid = featureId(layer.data.features[i]!);
      if (!pass || pass.has(fid)) refs.push({ layerId: id, featureId: fid });
    }
  }
  return refs;
}

export function ringToPolygon(ring: [number, number][]): Polygon {
  const first = ring[0]!;
  return { type: 'Polygon', coordinates: [[...ring, [first[0], first[1]]]] };
}
