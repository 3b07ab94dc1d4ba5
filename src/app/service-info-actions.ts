import type { TileHit } from '../map/hit-test';
import { fetchServiceText } from '../services/fetch-text';
import { featureInfoUrl, parseFeatureInfo } from '../services/wms-info';
import { orderedLayers } from '../state/selectors';
import type { AtlasStore } from '../state/store';
import type { ServiceInfo } from '../state/tools-slice';
import { measureServerHits } from './server-measure';

let asked = 0;

/** The features of vector tile layers under a click, grouped by layer as the WMS answers are. */
function tileAnswers(store: AtlasStore, tiles: readonly TileHit[]): ServiceInfo['answers'] {
  const s = store.getState();
  const byLayer = new Map<string, Record<string, string>[]>();
  for (const h of tiles) byLayer.set(h.layerId, [...(byLayer.get(h.layerId) ?? []), h.properties]);
  return [...byLayer].flatMap(([id, features]) => {
    const l = s.layers[id];
    return l ? [{ layerTitle: l.title[s.lang], info: { kind: 'features' as const, features } }] : [];
  });
}

/**
 * What the services' layers hold at a clicked point: the attributes of vector tile features under it, and
 * what every visible, queryable WMS layer answers (GetFeatureInfo). They open a panel of their own.
 */
export async function queryServicesAt(store: AtlasStore, lngLat: [number, number], tiles: readonly TileHit[]): Promise<void> {
  const s = store.getState();
  const layers = orderedLayers(s).filter((l) => l.visible && l.service?.wms?.queryable).reverse();
  const seq = ++asked;
  const measured = tiles.some((h) => s.layers[h.layerId]?.vectorTiles?.server) ? await measureServerHits(s, tiles) : tiles;
  if (seq !== asked) return;
  const fromTiles = tileAnswers(store, measured);
  if (!layers.length) {
    if (fromTiles.length || s.serviceInfo) s.setServiceInfo(fromTiles.length ? { lngLat, answers: fromTiles } : null);
    return;
  }
  const answers = await Promise.all(
    layers.map(async (l) => {
      const url = featureInfoUrl(l.service!.wms!, lngLat, s.view.zoom);
      if (!url) return null;
      const r = await fetchServiceText(url, { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000 });
      const info = r.ok ? parseFeatureInfo(r.text, r.contentType, (t) => new DOMParser().parseFromString(t, 'text/xml')) : { kind: 'failed' as const, reason: r.problem === 'http' ? `HTTP ${r.status}` : r.problem };
      return { layerTitle: l.title[s.lang], info };
    }),
  );
  // A later click's answers replace these; only answers with something in them are shown.
  if (seq !== asked) return;
  const shown = answers.filter((a): a is NonNullable<typeof a> => !!a && (a.info.kind !== 'features' || a.info.features.length > 0) && (a.info.kind !== 'text' || a.info.text.trim() !== ''));
  const all = [...fromTiles, ...shown];
  store.getState().setServiceInfo(all.length ? { lngLat, answers: all } : null);
}
