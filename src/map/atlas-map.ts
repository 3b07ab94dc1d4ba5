import * as maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import type { FeatureRef } from '../state/selection-slice';
import type { MapView } from '../state/view-slice';
import { offlineBaseStyle } from './basemap';
import { layerSpecs, PARTS, sourceId, styleLayerId } from './layer-specs';

maplibregl.setWorkerUrl(workerUrl);

/** Property carrying each feature's stable id into MapLibre (feature-state needs a promoted id). */
export const FID = '__fid';

export interface MapHandlers {
  onFeatureClick: (ref: FeatureRef, additive: boolean) => void;
  onEmptyClick: () => void;
  onViewChange: (view: MapView) => void;
}

export interface MapModel {
  layers: LayerEntry[];
  lang: Lang;
  selection: FeatureRef[];
  view: MapView;
  /** A view that came from the map itself is not pushed back to it. */
  viewFromMap: boolean;
}

interface Drawn {
  entry: LayerEntry;
  lang: Lang;
}

function withFid(data: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: data.features.map(
      (f, i): Feature => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties, [FID]: String(f.id ?? f.properties?.id ?? i) } }),
    ),
  };
}

function refKey(r: FeatureRef): string {
  return `${r.layerId}\u0000${r.featureId}`;
}

/** The only code that talks to MapLibre: owns the map, applies store changes to it, reports its events. */
export class AtlasMap {
  readonly map: maplibregl.Map;
  private drawn = new Map<string, Drawn>();
  private order: string[] = [];
  private selected = new Map<string, FeatureRef>();
  private pending: MapModel | null = null;
  private loaded = false;

  constructor(container: HTMLElement, private handlers: MapHandlers, view: MapView, lang: Lang) {
    this.map = new maplibregl.Map({
      container,
      style: offlineBaseStyle(),
      center: view.center,
      zoom: view.zoom,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      locale: lang === 'zh' ? ZH_LOCALE : {},
    });
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
    this.map.on('load', () => {
      this.loaded = true;
      if (this.pending) this.update(this.pending);
    });
    this.map.on('click', (e) => this.onClick(e));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.handlers.onViewChange({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    });
    this.map.on('mousemove', (e) => {
      this.map.getCanvas().style.cursor = this.hitAt(e.point) ? 'pointer' : '';
    });
  }

  setHandlers(handlers: MapHandlers): void {
    this.handlers = handlers;
  }

  update(model: MapModel): void {
    if (!this.loaded) {
      this.pending = model;
      return;
    }
    this.pending = null;
    this.syncLayers(model.layers, model.lang);
    this.syncSelection(model.selection);
    if (!model.viewFromMap) this.syncView(model.view);
  }

  destroy(): void {
    this.map.remove();
  }

  /** Features currently drawn for an atlas layer (what the user actually sees). */
  renderedFeatures(layerId: string): maplibregl.MapGeoJSONFeature[] {
    const ids = PARTS.map((p) => styleLayerId(layerId, p)).filter((id) => this.map.getLayer(id));
    return ids.length ? this.map.queryRenderedFeatures({ layers: ids }) : [];
  }

  private syncLayers(layers: LayerEntry[], lang: Lang): void {
    const wanted = new Set(layers.map((l) => l.id));
    for (const id of [...this.drawn.keys()]) if (!wanted.has(id)) this.removeLayer(id);
    for (const entry of layers) {
      const prev = this.drawn.get(entry.id);
      if (!prev) {
        this.map.addSource(sourceId(entry.id), { type: 'geojson', data: withFid(entry.data), promoteId: FID });
      } else if (prev.entry.data !== entry.data) {
        (this.map.getSource(sourceId(entry.id)) as maplibregl.GeoJSONSource).setData(withFid(entry.data));
      }
      if (!prev || prev.entry.style !== entry.style || prev.entry.visible !== entry.visible || prev.entry.opacity !== entry.opacity || prev.lang !== lang) {
        this.removeStyleLayers(entry.id);
        for (const spec of layerSpecs(entry, lang)) this.map.addLayer(spec);
        this.order = [];
      }
      this.drawn.set(entry.id, { entry, lang });
    }
    const order = layers.map((l) => l.id);
    if (order.join('|') !== this.order.join('|')) {
      for (const id of order) for (const p of PARTS) if (this.map.getLayer(styleLayerId(id, p)) && p !== 'label') this.map.moveLayer(styleLayerId(id, p));
      // Labels go above every geometry so no layer hides another's names.
      for (const id of order) if (this.map.getLayer(styleLayerId(id, 'label'))) this.map.moveLayer(styleLayerId(id, 'label'));
      this.order = order;
    }
  }

  private removeStyleLayers(id: string): void {
    for (const p of PARTS) if (this.map.getLayer(styleLayerId(id, p))) this.map.removeLayer(styleLayerId(id, p));
  }

  private removeLayer(id: string): void {
    this.removeStyleLayers(id);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    this.drawn.delete(id);
    for (const [k, r] of this.selected) if (r.layerId === id) this.selected.delete(k);
  }

  private syncSelection(selection: FeatureRef[]): void {
    const next = new Map(selection.filter((r) => this.drawn.has(r.layerId)).map((r) => [refKey(r), r]));
    for (const [k, r] of this.selected) {
      if (!next.has(k)) this.map.setFeatureState({ source: sourceId(r.layerId), id: r.featureId }, { selected: false });
    }
    for (const [k, r] of next) {
      if (!this.selected.has(k)) this.map.setFeatureState({ source: sourceId(r.layerId), id: r.featureId }, { selected: true });
    }
    this.selected = next;
  }

  private syncView(view: MapView): void {
    const c = this.map.getCenter();
    if (Math.abs(c.lng - view.center[0]) < 1e-7 && Math.abs(c.lat - view.center[1]) < 1e-7 && Math.abs(this.map.getZoom() - view.zoom) < 1e-3) return;
    this.map.jumpTo({ center: view.center, zoom: view.zoom });
  }

  private interactiveLayerIds(): string[] {
    const ids: string[] = [];
    for (const id of this.drawn.keys()) {
      for (const p of ['fill', 'line', 'circle'] as const) if (this.map.getLayer(styleLayerId(id, p))) ids.push(styleLayerId(id, p));
    }
    return ids;
  }

  private hitAt(point: maplibregl.Point): FeatureRef | null {
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - 3, point.y - 3],
      [point.x + 3, point.y + 3],
    ];
    const hits = this.map.queryRenderedFeatures(box, { layers: this.interactiveLayerIds() });
    for (const h of hits) {
      const layerId = h.layer.id.split('::')[0]!;
      const entry = this.drawn.get(layerId)?.entry;
      // Boundary layers stay clickable only when nothing more specific lies under the cursor.
      if (!entry || !entry.visible) continue;
      return { layerId, featureId: String(h.properties[FID]) };
    }
    return null;
  }

  private onClick(e: maplibregl.MapMouseEvent): void {
    const ref = this.hitAt(e.point);
    const ev = e.originalEvent;
    if (ref) this.handlers.onFeatureClick(ref, ev.shiftKey || ev.ctrlKey || ev.metaKey);
    else this.handlers.onEmptyClick();
  }
}

const ZH_LOCALE: Record<string, string> = {
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'NavigationControl.ResetBearing': '重置方向',
  'ScaleControl.Meters': '米',
  'ScaleControl.Kilometers': '公里',
};
