import type { Feature, FeatureCollection } from 'geojson';
import type { AtlasState } from './store';
import type { LayerEntry } from './layers-slice';
import type { FeatureRef } from './selection-slice';

export function orderedLayers(s: AtlasState): LayerEntry[] {
  return s.order.map((id) => s.layers[id]).filter((l): l is LayerEntry => l !== undefined);
}

/** Id → feature lookup, built once per collection (collections are never mutated, only replaced). */
const idIndexes = new WeakMap<FeatureCollection, Map<string, Feature>>();

export function featureId(f: Feature): string {
  return String(f.id ?? f.properties?.id);
}

export function featureById(layer: LayerEntry, id: string): Feature | undefined {
  let index = idIndexes.get(layer.data);
  if (!index) {
    index = new Map(layer.data.features.map((f) => [featureId(f), f]));
    idIndexes.set(layer.data, index);
  }
  return index.get(id);
}

export function resolveRef(s: Pick<AtlasState, 'layers'>, ref: FeatureRef | null): { layer: LayerEntry; feature: Feature } | null {
  if (!ref) return null;
  const layer = s.layers[ref.layerId];
  if (!layer) return null;
  const feature = featureById(layer, ref.featureId);
  return feature ? { layer, feature } : null;
}
