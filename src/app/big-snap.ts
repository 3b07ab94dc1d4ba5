import type { FeatureCollection, Polygon } from 'geojson';
import { viewBox } from '../domain/view-box';
import { orderedLayers } from '../state/selectors';
import type { AtlasState, AtlasStore } from '../state/store';
import { ioWorker } from '../workers/io-client';

/**
 * Snapping onto big layers: their features stay in the worker, so while a drawing tool snaps, those in
 * the map's view are fetched from there (zoomed in, where vertices can be told apart) for the snap index.
 */
const MIN_ZOOM = 15;
/** Enough for a view of parcels at zoom 15 and beyond; the rest of a denser view is not snapped to. */
const MAX_FEATURES = 5000;
const SNAPPING = ['edit', 'split', 'hole', 'part'];

function wanted(s: AtlasState): { key: string; layers: { id: string; key: string }[] } {
  if (!s.tool || !SNAPPING.includes(s.tool.kind) || !s.snap.on || s.view.zoom < MIN_ZOOM) return { key: '', layers: [] };
  const layers = orderedLayers(s)
    .filter((l) => l.visible && l.remote)
    .map((l) => ({ id: l.id, key: l.remote!.key }));
  return { key: layers.length ? `${layers.map((l) => l.key).join(',')}|${s.view.center.join(',')}|${s.view.zoom}` : '', layers };
}

export function startBigSnap(store: AtlasStore): () => void {
  let last = '';
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return store.subscribe((s) => {
    const { key, layers } = wanted(s);
    if (key === last) return;
    last = key;
    clearTimeout(timer);
    const my = ++seq;
    if (!key) {
      if (Object.keys(s.bigSnap).length) store.setState({ bigSnap: {} });
      return;
    }
    // Once the view rests: a pan asks once, not on every frame.
    timer = setTimeout(() => {
      const [w, so, e, n] = viewBox(s.view.center, s.view.zoom, window.innerWidth, window.innerHeight);
      const box: Polygon = { type: 'Polygon', coordinates: [[[w, so], [e, so], [e, n], [w, n], [w, so]]] };
      void (async () => {
        const out: Record<string, FeatureCollection> = {};
        for (const l of layers) {
          const ids = await ioWorker().inPolygonBig(l.key, box);
          out[l.id] = { type: 'FeatureCollection', features: await ioWorker().featuresBig(l.key, Array.from(ids.subarray(0, MAX_FEATURES))) };
        }
        if (my === seq) store.setState({ bigSnap: out });
      })().catch((err: unknown) => console.warn('Could not read a big layer for snapping', err));
    }, 250);
  });
}
