import { useEffect, useRef, useState } from 'react';
import type { MapModel } from '../map/atlas-map';
import { loadAtlasMap } from '../app/load-map';
import { atlasStore, type AtlasState } from '../state/store';
import { orderedLayers } from '../state/selectors';
import { selectFilterResult } from '../state/filter-result';
import { selectOverlay } from '../state/overlay';
import { exposeTestHooks } from '../app/test-hooks';
import { mapHandlers } from '../app/map-actions';
import { setPrintPort } from '../app/print-port';
import { useT } from './use-t';
import { DrawAnnouncer } from './a11y/DrawAnnouncer';

let compareMemo: { key: unknown[]; value: MapModel['compare'] } | null = null;

/** The right-hand side of a swipe comparison, stable while its inputs are. */
function compareOf(s: AtlasState): MapModel['compare'] {
  const c = s.compare;
  const right = c ? s.layers[c.right] : undefined;
  const context = ['zone', 'townships'].map((id) => s.layers[id]);
  const key = [c, right, ...context];
  if (compareMemo && compareMemo.key.every((k, i) => k === key[i])) return compareMemo.value;
  const value = c && right ? { right: [right, ...context.filter((l): l is NonNullable<typeof l> => !!l && l.visible)], position: c.position } : null;
  compareMemo = { key, value };
  return value;
}

let reshapeMemo: MapModel['reshape'] = null;

/** The edited layer held for reshaping, the same object while nothing it shows changed. */
function reshapeOf(s: AtlasState): MapModel['reshape'] {
  const tool = s.tool;
  const layerId = s.editLayerId;
  const data = layerId ? s.layers[layerId]?.data : undefined;
  if (tool?.kind !== 'edit' || tool.shape !== 'reshape' || !layerId || !data) return (reshapeMemo = null);
  const selected = s.inspected?.layerId === layerId ? s.inspected.featureId : null;
  const m = reshapeMemo;
  if (m && m.seq === tool.seq && m.layerId === layerId && m.data === data && m.selected === selected) return m;
  return (reshapeMemo = { seq: tool.seq, layerId, data, selected });
}

let snapMemo: MapModel['snap'] = null;

/** While an edit tool is on and snapping wanted: the visible layers (a big layer with its features in view, fetched from its worker). */
function snapOf(s: AtlasState): MapModel['snap'] {
  if (!s.tool || !['edit', 'split', 'hole', 'part'].includes(s.tool.kind) || !s.snap.on) return (snapMemo = null);
  const layers = orderedLayers(s)
    .filter((l) => l.visible && (!l.remote || s.bigSnap[l.id]))
    .map((l) => (l.remote ? { ...l, data: s.bigSnap[l.id]! } : l));
  const m = snapMemo;
  if (m && m.tolerancePx === s.snap.tolerancePx && m.layers.length === layers.length && m.layers.every((l, i) => l.data === layers[i]!.data)) return m;
  return (snapMemo = { tolerancePx: s.snap.tolerancePx, layers });
}

let rotateMemo: MapModel['rotate'] = null;

function rotateOf(s: AtlasState): MapModel['rotate'] {
  const tool = s.tool;
  if (tool?.kind !== 'edit' || tool.shape !== 'rotate') return (rotateMemo = null);
  return rotateMemo?.seq === tool.seq ? rotateMemo : (rotateMemo = { seq: tool.seq });
}

function modelOf(s: AtlasState): MapModel {
  const tool = s.tool;
  return {
    layers: orderedLayers(s),
    lang: s.lang,
    selection: s.selection,
    view: s.view,
    viewFromMap: s.viewOrigin === 'map',
    filter: { byLayer: selectFilterResult(s).byLayer, masks: selectFilterResult(s).masks, mode: s.mode },
    camera: s.camera,
    insets: s.mapInsets,
    draw: tool && tool.kind !== 'pick' && tool.shape !== 'reshape' && tool.shape !== 'rotate' ? { seq: tool.seq, shape: tool.shape, editable: tool.kind === 'measure', continues: tool.kind === 'edit' } : null,
    reshape: reshapeOf(s),
    rotate: rotateOf(s),
    snap: snapOf(s),
    overlay: selectOverlay(s),
    compare: compareOf(s),
  };
}

/** Hosts the map; the adapter is created once and fed every store change. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const t = useT();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let disposed = false;
    let dispose: (() => void) | null = null;
    loadAtlasMap().then(
      ({ AtlasMap }) => {
        if (disposed) return;
        const s = atlasStore.getState();
        const atlas = new AtlasMap(el, mapHandlers(atlasStore), s.view, s.lang);
        atlas.update(modelOf(s));
        const unsubscribe = atlasStore.subscribe((next) => atlas.update(modelOf(next)));
        exposeTestHooks(atlas);
        setPrintPort({ render: (req) => atlas.renderForPrint(req), maxSide: () => atlas.maxPrintSide(), viewBounds: () => atlas.viewBounds() });
        dispose = () => {
          setPrintPort(null);
          unsubscribe();
          atlas.destroy();
        };
      },
      (err: unknown) => {
        console.error('map failed to load', err);
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      dispose?.();
    };
  }, []);
  return (
    <div ref={container} id="atlas-map" className="map" role="region" aria-label={t('map.region')} data-testid="map">
      <DrawAnnouncer />
      {failed && (
        <p className="map-failed" role="alert">
          {t('map.failed')}
        </p>
      )}
    </div>
  );
}
