import type { Polygon } from 'geojson';
import { filterByZone } from '../analysis/zone-filter';
import { layersAddressed } from '../domain/criterion-coverage';
import { fieldsOfLayer, indexOf, selectFilterResult } from './filter-result';
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

/**
 * Every feature that passes the current filter, in the filterable visible layers it is about: with
 * attribute criteria active, only the layers at least one criterion applies to (see `layersAddressed`).
 */
export function featuresMatchingFilter(s: AtlasState): FeatureRef[] {
  const addressed = selectLayersAddressed(s);
  return passing(s, (layer) => (addressed && !addressed.has(layer.id) ? [] : layer.data.features.keys()));
}

/** Layers the attribute criteria apply to, among the filterable ones; `null` without criteria. */
export function selectLayersAddressed(s: AtlasState): Set<string> | null {
  const layers = s.order.map((id) => s.layers[id]).filter((l): l is LayerEntry => !!l && l.filterable);
  return layersAddressed(s.attr, layers.map((l) => ({ layerId: l.id, fields: fieldsOfLayer(l) })));
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
