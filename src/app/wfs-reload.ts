import type { MultiPolygon, Polygon } from 'geojson';
import { geometryProperty, intersectsFilter } from '../services/wfs-filter';
import { describeFeatureTypeUrl, getFeatureUrl, type WfsSource } from '../services/wfs';
import type { LayerEntry } from '../state/layers-slice';
import { bboxOfGeometry } from './feature-bbox';
import type { AtlasStore } from '../state/store';
import { fetchWfsFile, fetchWfsText, importWfsFile, type WfsLoadProblem } from './wfs-actions';

/** Past this length a GET request may be refused by servers and proxies (8 KB is common); the zone's box goes instead. */
const MAX_URL = 7000;

export type WfsReloadTarget = { kind: 'view'; bbox: [number, number, number, number] } | { kind: 'zone'; zone: Polygon | MultiPolygon };
/** How the zone was asked for: the server's own Intersects filter, or its box (the zone then applies here). */
export type WfsReloadVia = NonNullable<WfsSource['via']>;
export type WfsReloaded = { ok: true; n: number; via: WfsReloadVia; layerId: string } | { ok: false; url: string; problem: WfsLoadProblem };

const geometryNames = new Map<string, string | null>();

/** The type's geometry property from its schema (cached per type); null where the schema does not say. */
async function geometryOf(source: WfsSource): Promise<string | null> {
  const url = describeFeatureTypeUrl(source, source.type);
  if (!geometryNames.has(url)) {
    const r = await fetchWfsText(url);
    geometryNames.set(url, r.ok ? geometryProperty(r.text) : null);
  }
  return geometryNames.get(url) ?? null;
}

/** What to ask the server for: the view's box, or the zone as a spatial filter where the server and URL allow. */
async function partFor(source: WfsSource, target: WfsReloadTarget): Promise<{ part: { bbox?: [number, number, number, number]; filter?: string }; via: WfsReloadVia }> {
  if (target.kind === 'view') return { part: { bbox: target.bbox }, via: 'bbox' };
  const geom = source.spatialFilter ? await geometryOf(source) : null;
  if (geom) {
    const filter = intersectsFilter(target.zone, geom);
    if (getFeatureUrl(source, source.type, { json: !!source.type.jsonFormat, count: 1, filter }).length <= MAX_URL) return { part: { filter }, via: 'filter' };
  }
  return { part: { bbox: bboxOfGeometry(target.zone)! }, via: 'bbox' };
}

/**
 * Loads a WFS layer again for another part of its type — the map's view, or the features meeting the
 * filter zone — and puts it in the old layer's place with its look (colour, opacity, labels, visibility).
 */
export async function reloadWfsLayer(store: AtlasStore, layerId: string, target: WfsReloadTarget, onCount: (n: number) => void): Promise<WfsReloaded> {
  const old = store.getState().layers[layerId];
  if (!old?.wfs || old.editable) return { ok: false, url: '', problem: { problem: 'not-features' } };
  const source = old.wfs;
  const { part, via } = await partFor(source, target);
  const r = await fetchWfsFile(source, source.type, part, onCount);
  if (!r.ok) return r;
  const { ids, n } = await importWfsFile(store, r.file, { ...source, scope: target.kind, ...(target.kind === 'zone' ? { via } : { via: undefined }) });
  const id = ids[0];
  if (!id) return { ok: false, url: '', problem: { problem: 'not-features' } };
  const fresh = store.getState().layers[id]!;
  const keep: Partial<LayerEntry> = { title: old.title, style: old.style, opacity: old.opacity, visible: old.visible, ...(old.labelField !== undefined ? { labelField: old.labelField } : {}) };
  const s = store.getState();
  const order = s.order.filter((o) => o !== id);
  order.splice(Math.max(0, order.indexOf(layerId)), 0, id);
  s.addLayers([{ ...fresh, ...keep }]);
  store.setState({ order: order.filter((o) => o !== layerId) });
  // A zone filter set on the old layer's feature would be lost with it; the zone is on another layer.
  store.getState().removeLayer(layerId);
  return { ok: true, n, via, layerId: id };
}
