import { decodeServices, encodeServices, serviceOrigins, withoutKeys, type SharedService } from '../services/shared-services';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasState, AtlasStore } from '../state/store';
import { addTileService } from './service-layers';

/** A service layer as a link names it; null for layers that are not drawn from a server. */
function sharedOf(l: LayerEntry): SharedService | null {
  const base = { title: l.title, visible: l.visible, opacity: l.opacity };
  if (l.service) return { kind: 'raster', ...base, service: l.service };
  if (l.vectorTiles) return { kind: 'vector', ...base, color: l.style.color, geometry: l.geometry === 'point' || l.geometry === 'line' ? l.geometry : 'polygon', tiles: l.vectorTiles };
  return null;
}

/** What makes two service layers the same layer: the same tiles (and source layer), keys aside (a link carries none). */
function identity(s: SharedService): string {
  return s.kind === 'raster' ? `r ${withoutKeys(s.service.template)}` : `v ${withoutKeys(s.tiles.tiles[0] ?? '')} ${s.tiles.sourceLayer}`;
}

/** Whether a layer is drawn from a service (a link names it in `svc=`, not in `layers=`). */
export const isServiceLayer = (l: LayerEntry | undefined): boolean => !!l && (!!l.service || !!l.vectorTiles);

let memo: { layers: AtlasState['layers']; order: string[]; pending: SharedService[]; text: string } | null = null;

/** The `svc=` text of the workspace's service layers (in map order) and of those a link offered that wait for an answer. */
export function servicesText(s: Pick<AtlasState, 'layers' | 'order' | 'pendingServices'>): string {
  if (memo && memo.layers === s.layers && memo.order === s.order && memo.pending === s.pendingServices) return memo.text;
  const list = s.order.map((id) => s.layers[id]).filter((l): l is LayerEntry => !!l).map(sharedOf).filter((x): x is SharedService => !!x);
  const text = encodeServices([...list, ...s.pendingServices]);
  memo = { layers: s.layers, order: s.order, pending: s.pendingServices, text };
  return text;
}

/** The hosts a list of services would contact that nothing in the workspace contacts yet. */
export function newHosts(s: Pick<AtlasState, 'layers'>, list: readonly SharedService[]): string[] {
  const known = new Set([globalThis.location?.origin ?? '']);
  for (const l of Object.values(s.layers)) {
    const shared = sharedOf(l);
    if (shared) for (const o of serviceOrigins(shared)) known.add(o);
  }
  return [...new Set(list.flatMap(serviceOrigins))].filter((o) => !known.has(o));
}

/**
 * Applies the services a link names: those already in the workspace take the link's visibility, the rest
 * are added at once when they contact no new host, or wait for the planner's answer. Problems go to `say`.
 */
export function applySharedServices(store: AtlasStore, text: string | undefined, say: (msg: string) => void): void {
  const s = store.getState();
  if (!text) {
    if (s.pendingServices.length) s.setPendingServices([]);
    return;
  }
  const byIdentity = new Map<string, string>();
  for (const id of s.order) {
    const shared = s.layers[id] && sharedOf(s.layers[id]!);
    if (shared) byIdentity.set(identity(shared), id);
  }
  const fresh: SharedService[] = [];
  for (const svc of decodeServices(text, (m) => say(`svc: ${m}`))) {
    const id = byIdentity.get(identity(svc));
    if (id) s.setVisible(id, svc.visible);
    else if (!fresh.some((f) => identity(f) === identity(svc))) fresh.push(svc);
  }
  if (fresh.length && newHosts(s, fresh).length === 0) addSharedServices(store, fresh);
  else s.setPendingServices(fresh);
}

/** Adds the services the planner accepted, in the link's order, with the link's look. */
export function addSharedServices(store: AtlasStore, list: readonly SharedService[]): void {
  let n = Object.keys(store.getState().layers).length;
  for (const svc of list) {
    if (svc.kind === 'raster') {
      const id = addTileService(store, svc.service, svc.title);
      store.getState().setOpacity(id, svc.opacity);
      store.getState().setVisible(id, svc.visible);
      continue;
    }
    const entry: LayerEntry = {
      id: `tiles-${Date.now().toString(36)}-${++n}`,
      origin: 'user',
      title: svc.title,
      geometry: svc.geometry,
      data: { type: 'FeatureCollection', features: [] },
      style: { color: svc.color, fillOpacity: 0.35 },
      visible: svc.visible,
      opacity: svc.opacity,
      filterable: false,
      vectorTiles: svc.tiles,
    };
    store.getState().addLayers([entry]);
  }
  store.getState().setPendingServices([]);
}
