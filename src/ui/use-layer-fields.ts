import { useMemo } from 'react';
import { layerFields } from '../domain/attribute-filter';
import type { LayerEntry } from '../state/layers-slice';

/** Bookkeeping properties that never label or colour features. */
const INTERNAL = new Set(['schematic', 'milestones', 'programmes', '__fid']);

/** The attribute fields of a layer (a big layer's as its worker listed them, a tile layer's as its service does), bookkeeping left out. */
export function useLayerFields(layer: LayerEntry): string[] {
  return useMemo(
    () => (layer.remote ? layer.remote.fields : layer.vectorTiles ? layer.vectorTiles.fields : [...layerFields(layer.data.features)]).filter((f) => !INTERNAL.has(f)),
    [layer.data, layer.remote, layer.vectorTiles],
  );
}
