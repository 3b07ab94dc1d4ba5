import type { Feature } from 'geojson';
import { featureById } from '../state/selectors';
import type { AtlasStore } from '../state/store';
import type { ProximityQuery } from '../state/tools-slice';
import { ioWorker } from '../workers/io-client';
import type { BigProximityOrigin } from '../workers/big-proximity';

/** Rows a big layer's answer brings to the page with their features; a radius can hold thousands. */
const ROWS = 500;

/**
 * Proximity questions about a big layer go to the worker that holds it; its answer (ids, distances and
 * the listed features) is handed to the store for the proximity selector. An origin in a big layer is
 * fetched from its worker first. An answer to an older question is dropped.
 */
export function startBigProximity(store: AtlasStore): () => void {
  let asked: ProximityQuery | null = null;
  const update = (s: ReturnType<AtlasStore['getState']>) => {
    const q = s.proximity;
    const layer = q ? s.layers[q.layerId] : undefined;
    if (!q || !layer?.remote || asked === q) return;
    asked = q;
    const key = layer.remote.key;
    void (async () => {
      let origin: BigProximityOrigin | null = null;
      let self: number | undefined;
      if (q.origin.type === 'point') origin = { point: q.origin.lngLat };
      else {
        const from = s.layers[q.origin.layerId];
        const f: Feature | null | undefined = q.origin.feature ?? (from?.remote ? await ioWorker().featureBig(from.remote.key, Number(q.origin.featureId)) : from ? featureById(from, q.origin.featureId) : undefined);
        if (f) origin = { feature: f };
        if (q.origin.layerId === q.layerId) self = Number(q.origin.featureId);
      }
      if (!origin || store.getState().proximity !== q) return;
      const answer = await ioWorker().proximityBig(key, { origin, mode: q.mode, n: q.n, radiusMeters: q.radiusKm * 1000, limit: ROWS, ...(self !== undefined ? { self } : {}) });
      if (!answer || store.getState().proximity !== q) return;
      store.getState().setProximityRemote({
        query: q,
        origin: answer.origin,
        fromPoint: answer.fromPoint,
        total: answer.total,
        rows: answer.rows.map((r) => ({ featureId: String(r.index), distanceMeters: r.distanceMeters, feature: r.feature })),
      });
    })().catch((e: unknown) => console.error('proximity in the worker failed', e));
  };
  update(store.getState());
  return store.subscribe(update);
}
