import { decodeUrlState, encodeUrlState, type UrlState } from '../domain/url-state';
import type { AtlasState, AtlasStore } from '../state/store';
import { featureById } from '../state/selectors';
import { applySharedServices, isServiceLayer, servicesText } from './shared-service-actions';

function urlStateOf(s: AtlasState): UrlState {
  return {
    view: s.view,
    // Service layers travel in `svc=` with their own visibility: another workspace has other ids for them.
    layers: s.order.filter((id) => s.layers[id]?.visible && !isServiceLayer(s.layers[id])),
    selection: s.selection,
    zone: s.zone,
    predicate: s.predicate,
    filter: s.attr,
    mode: s.mode,
    services: servicesText(s),
  };
}

/** Layers whose visibility the address already set: later changes to them are the planner's own. */
const applied = new Set<string>();

/** Sets visibility as the address lists it; false where it could not (a list of layers not known yet). */
function applyLayers(store: AtlasStore, hash: string, listed: readonly string[] | undefined): boolean {
  const s = store.getState();
  // A list naming only unknown layers would blank the map: keep the current layers instead.
  const listedRaw = /(?:^#?|&)layers=([^&]+)/.exec(hash)?.[1];
  if (!listed) return true;
  if (listed.length === 0 && listedRaw) return false;
  const visible = new Set(listed);
  for (const id of s.order) {
    if (applied.has(id) || isServiceLayer(s.layers[id])) continue;
    if (s.layers[id]!.visible !== visible.has(id)) s.setVisible(id, visible.has(id));
  }
  return true;
}

/**
 * The address's visible layers, applied as soon as the bundled layers are there, before the kept
 * workspace is read: a planner who switches a layer meanwhile is not overruled when the address is
 * applied in full (startUrlSync), which then only sets the layers that came back from storage.
 */
export function applyAddressLayers(store: AtlasStore, hash: string): void {
  const s = store.getState();
  const { state } = decodeUrlState(hash, new Set(Object.keys(s.layers)));
  if (applyLayers(store, hash, state.layers)) for (const id of s.order) applied.add(id);
}

/** Applies a decoded link to the store; references to features that do not exist become problems. */
function apply(store: AtlasStore, hash: string): string[] {
  const s = store.getState();
  const { state, problems } = decodeUrlState(hash, new Set(Object.keys(s.layers)));
  const exists = (r: { layerId: string; featureId: string }) => {
    const layer = s.layers[r.layerId];
    const ok = !!layer && !!featureById(layer, r.featureId);
    if (!ok) problems.push(`feature "${r.featureId}" not found in layer "${r.layerId}"`);
    return ok;
  };
  applyLayers(store, hash, state.layers);
  applySharedServices(store, state.services, (m) => problems.push(m));
  s.setSelection((state.selection ?? []).filter(exists));
  const zone = state.zone && (state.zone.type === 'draw' || exists(state.zone)) ? state.zone : null;
  s.setZone(zone);
  s.setPredicate(state.predicate ?? 'intersects');
  store.setState({ attr: state.filter ?? {}, mode: state.mode ?? 'hide' });
  if (state.view) {
    s.setView(state.view, 'app');
    s.requestCamera({ center: state.view.center, zoom: state.view.zoom, instant: true });
  }
  return problems;
}

/** A link's selection is what its sender wants shown: one feature in the inspector, several in the table. */
function showSharedSelection(store: AtlasStore): void {
  const s = store.getState();
  const [first] = s.selection;
  if (!first) return;
  if (s.selection.length === 1) s.inspect(first);
  else s.showInTable(first.layerId);
}

/**
 * Keeps view, visible layers, filters and selection in the address (`#map=…&layers=…`): opening a shared link
 * restores it, every change but a map move adds a history entry, and back/forward step through them.
 */
export function startUrlSync(store: AtlasStore): () => void {
  const problems = apply(store, window.location.hash);
  applied.clear();
  if (problems.length) store.getState().setUrlProblems(problems);
  showSharedSelection(store);
  let last = encodeUrlState(urlStateOf(store.getState()));
  let lastNonView = last.replace(/^#map=[^&]*&?/, '');
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${last}`);
  let applying = false;
  const unsubscribe = store.subscribe((s) => {
    if (applying) return;
    const next = encodeUrlState(urlStateOf(s));
    if (next === last) return;
    const nonView = next.replace(/^#map=[^&]*&?/, '');
    const url = `${window.location.pathname}${window.location.search}${next}`;
    if (nonView === lastNonView) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    last = next;
    lastNonView = nonView;
  });
  const onPop = () => {
    applied.clear();
    applying = true;
    const p = apply(store, window.location.hash);
    applying = false;
    last = encodeUrlState(urlStateOf(store.getState()));
    lastNonView = last.replace(/^#map=[^&]*&?/, '');
    store.getState().setUrlProblems(p);
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
