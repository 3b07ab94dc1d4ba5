import type { Label } from '../i18n/fields';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';
import { ioWorker } from '../workers/io-client';

let counter = 0;

/**
 * A big layer's features live in its worker, drawn from tiles cut there: it is edited through a copy of the
 * features the planner selected (a box, a polygon, or "select all matching" after a filter), made an
 * editable layer of its own with the same style and fields. The imported layer stays as it was.
 * Returns the new layer's id, or null when nothing of the layer is selected.
 */
export async function copyBigSelectionToEditable(store: AtlasStore, layerId: string, title: Label): Promise<string | null> {
  const s = store.getState();
  const layer = s.layers[layerId];
  if (!layer?.remote) return null;
  const positions = s.selection.filter((r) => r.layerId === layerId).map((r) => Number(r.featureId));
  if (!positions.length) return null;
  const features = await ioWorker().featuresBig(layer.remote.key, positions);
  const { remote: _remote, editable: _editable, fromAddress: _from, ...rest } = layer;
  const copy: LayerEntry = { ...rest, id: `${layerId}-copy-${Date.now().toString(36)}-${++counter}`, title, data: { type: 'FeatureCollection', features }, visible: true, group: undefined };
  store.getState().addLayers([copy]);
  return store.getState().makeEditable(copy.id);
}
