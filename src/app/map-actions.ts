import type { MapHandlers } from '../map/atlas-map';
import { featuresInPolygon, ringToPolygon } from '../state/spatial-select';
import type { AtlasStore } from '../state/store';
import type { Polygon } from 'geojson';
import { selectFilterResult } from '../state/filter-result';
import { ioWorker } from '../workers/io-client';
import { addDrawnFeature, commitPiece, previewPiece } from './edit-actions';
import { drawOntoInspected, splitWithLine } from './edit-geometry-actions';
import { rotateDrag } from './rotate-actions';
import { requestUrlFor } from './service-layers';
import { queryServicesAt } from './service-info-actions';
import { archiveTile, isLocalArchive, parseArchiveUrl } from '../services/pmtiles-archive';
import { RequestRefused } from '../services/request-guard';

/** Selects what a box or lasso covers: bundled and imported layers at once, big layers when the worker answers. */
async function selectInPolygon(store: AtlasStore, polygon: Polygon): Promise<void> {
  const s = store.getState();
  const refs = featuresInPolygon(s, polygon);
  s.setSelection(refs);
  const pass = selectFilterResult(s).byLayer;
  const big = s.order.map((id) => s.layers[id]).filter((l) => l?.remote && l.visible && l.filterable);
  if (big.length === 0) return;
  const all = [...refs];
  for (const layer of big) {
    const hits = await ioWorker().inPolygonBig(layer!.remote!.key, polygon);
    const keep = pass[layer!.id];
    for (const i of hits) if (!keep || keep.has(String(i))) all.push({ layerId: layer!.id, featureId: String(i) });
  }
  store.getState().setSelection(all);
}

/** What the map's events do to the store. */
export function mapHandlers(store: AtlasStore): MapHandlers {
  const get = store.getState;
  const gate = requestUrlFor(store);
  const pickPoint = (lngLat: [number, number]) => {
    const q = get().proximity;
    get().setProximity({ layerId: q?.layerId ?? 'villages', mode: q?.mode ?? 'nearest', n: q?.n ?? 5, radiusKm: q?.radiusKm ?? 2, origin: { type: 'point', lngLat } });
    get().cancelTool();
  };
  return {
    onFeatureClick: (ref, additive, lngLat, tiles) => {
      if (get().tool?.kind === 'pick') pickPoint(lngLat);
      else if (!get().tool) {
        get().setServiceInfo(null);
        get().clickFeature(ref, additive);
        // The services are asked too: their answers show under the feature's attributes.
        void queryServicesAt(store, lngLat, tiles);
      }
      // The rotate tool turns the open feature: a click on another of the edited layer's opens that one.
      else if (get().tool?.shape === 'rotate' && ref.layerId === get().editLayerId) get().inspect(ref);
    },
    onEmptyClick: (lngLat, tiles) => {
      if (get().tool?.kind === 'pick') pickPoint(lngLat);
      else if (!get().tool) {
        get().clearSelection();
        void queryServicesAt(store, lngLat, tiles);
      }
    },
    onViewChange: (view) => get().setView(view, 'map'),
    loadBigTile: (key, z, x, y, maskId) => ioWorker().tileBig(key, z, x, y, maskId),
    loadArchiveTile: (url, signal) => {
      const t = parseArchiveUrl(url);
      if (!t) return Promise.reject(new Error(`bad archive tile address ${url}`));
      // An archive on a server is read only while a layer of the workspace names it (the map's own gate).
      if (!isLocalArchive(t.key) && gate(t.key) === null) return Promise.reject(new RequestRefused(t.key));
      return archiveTile(t.key, t.z, t.x, t.y, signal);
    },
    onBoxSelect: (ring) => void selectInPolygon(store, ringToPolygon(ring)),
    onDrawChange: (g) => {
      if (get().tool) get().setDrawn(g && g.type !== 'Point' ? g : null);
    },
    onReshapeChange: (layerId, piece) => previewPiece(store, layerId, piece),
    onReshapeFinish: (layerId, piece) => {
      get().setReshapePreview(null);
      if (commitPiece(store, layerId, piece)) get().setDrawNote({ type: 'reshaped', featureId: piece.featureId });
    },
    onReshapeSelect: (layerId, featureId) => get().inspect(featureId === null ? null : { layerId, featureId }),
    onReshapeRefused: (layerId, featureIds) => get().setReshapeRefused({ layerId, featureIds }),
    onRotateDrag: (from, to, done) => rotateDrag(store, from, to, done),
    requestUrl: gate,
    onServiceError: (layerId, reason) => get().noteServiceFailure(layerId, reason),
    onDrawState: (seq, state) => get().setDrawState({ seq, state }),
    onKeyboardCursor: (e) => {
      if (get().tool) get().setDrawNote(e.type === 'cancel' ? { type: 'cancelled' } : e);
    },
    onDrawFinish: (g) => {
      const tool = get().tool;
      if (!tool) return;
      const n = g.type === 'Polygon' ? g.coordinates[0]!.length - 1 : g.type === 'Point' ? 1 : g.coordinates.length;
      if (tool.kind === 'edit') {
        get().setDrawn(null);
        const id = addDrawnFeature(store, g);
        if (id) get().setDrawNote({ type: 'added', featureId: id });
        return;
      }
      if (tool.kind === 'split' || tool.kind === 'hole' || tool.kind === 'part') {
        get().cancelTool();
        if (tool.kind !== 'split') get().setSplitOutcome({ done: tool.kind, r: drawOntoInspected(store, g, tool.kind) });
        else if (g.type === 'LineString') get().setSplitOutcome({ done: 'split', r: splitWithLine(store, g) });
        return;
      }
      get().setDrawNote({ type: 'finished', kind: tool.kind, n });
      if (g.type === 'Point') return;
      if (tool.kind === 'measure') {
        get().setDrawn(g);
        return;
      }
      if (g.type !== 'Polygon') return;
      const ring = g.coordinates[0]!.slice(0, -1).map((p) => [p[0]!, p[1]!] as [number, number]);
      if (tool.kind === 'zone') get().setZone({ type: 'draw', ring });
      else void selectInPolygon(store, g);
      get().cancelTool();
    },
  };
}
