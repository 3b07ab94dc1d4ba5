import { fetchServiceText } from '../services/fetch-text';
import { featureInfoUrl, parseFeatureInfo } from '../services/wms-info';
import { orderedLayers } from '../state/selectors';
import type { AtlasStore } from '../state/store';

let asked = 0;

/** Asks every visible, queryable WMS layer what lies at a clicked point; the answers open a panel of their own. */
export async function queryWmsAt(store: AtlasStore, lngLat: [number, number]): Promise<void> {
  const s = store.getState();
  const layers = orderedLayers(s).filter((l) => l.visible && l.service?.wms?.queryable).reverse();
  const seq = ++asked;
  if (!layers.length) {
    if (s.serviceInfo) s.setServiceInfo(null);
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
  store.getState().setServiceInfo(shown.length ? { lngLat, answers: shown } : null);
}
