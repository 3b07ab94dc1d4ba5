import type { Label } from '../i18n/fields';
import { archiveKeyOf } from '../services/pmtiles-archive';
import { requestAllowed, resetServiceOrigins } from '../services/request-guard';
import { withServiceKeys } from '../services/service-keys';
import { tileUrls, type TileService } from '../services/tile-service';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasState, AtlasStore } from '../state/store';

let counter = 0;
let gateFor: AtlasState['layers'] | null = null;

/** The tile URLs (a PMTiles archive's own URL) of every service layer in the workspace: the hosts requests may go to. */
function serviceUrls(s: Pick<AtlasState, 'layers'>): string[] {
  return Object.values(s.layers)
    .flatMap((l) => [...(l.service ? tileUrls(l.service).tiles : []), ...(l.vectorTiles?.tiles ?? [])])
    .map((u) => archiveKeyOf(u) ?? u);
}

/** Keeps the request gate's list of hosts in step with the service layers (added, removed, restored). */
function syncGate(s: Pick<AtlasState, 'layers'>): void {
  if (gateFor === s.layers) return;
  resetServiceOrigins(serviceUrls(s));
  gateFor = s.layers;
}

/** The map's request gate: a request goes out only to the page's origin or a service the planner added. */
export function requestUrlFor(store: AtlasStore): (url: string) => string | null {
  return (url) => {
    syncGate(store.getState());
    return requestAllowed(url) ? withServiceKeys(url) : null;
  };
}

/** Adds a tile service as a layer: a basemap below every layer, an overlay on top. Returns its id. */
export function addTileService(store: AtlasStore, service: TileService, title: Label, sourceFile?: string): string {
  const id = `service-${Date.now().toString(36)}-${++counter}`;
  const entry: LayerEntry = {
    id,
    origin: 'user',
    title,
    geometry: 'polygon',
    data: { type: 'FeatureCollection', features: [] },
    style: { color: '#888888' },
    visible: true,
    opacity: 1,
    filterable: false,
    service,
    ...(sourceFile ? { sourceFile } : {}),
  };
  // The request gate takes the new layer's hosts from the workspace on the map's next request (syncGate).
  store.getState().addLayers([entry]);
  // A basemap goes under everything, above the basemaps added before it.
  if (service.role === 'basemap') {
    const order = store.getState().order.filter((o) => o !== id);
    const firstOther = order.findIndex((o) => !store.getState().layers[o]?.service || store.getState().layers[o]!.service!.role !== 'basemap');
    order.splice(firstOther < 0 ? order.length : firstOther, 0, id);
    store.setState({ order });
  }
  return id;
}
