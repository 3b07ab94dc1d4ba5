import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import type { FeatureRef } from '../state/selection-slice';
import type { MapView } from '../state/view-slice';
import type { CameraRequest } from '../state/tools-slice';
import type { MapInsets } from '../state/layout-slice';
import { offlineBaseStyle } from './basemap';
import { isLabelled, layerSpecs, PARTS, sourceId, styleLayerId } from './layer-specs';
import { labelPriority } from '../domain/label-priority';
import { registerBoxSelect } from './box-select';
import { swallowNextClick } from './click-guard';
import { DrawController, type DrawnGeometry, type DrawShape } from './draw-controller';
import { KeyboardCursor, type CursorEvent } from './keyboard-cursor';
import { OVERLAY_SOURCE, overlaySpecs } from './overlay-specs';
import { CompareMap } from './compare-map';
import { FID, withFid } from './fid';
import { ZH_LOCALE } from './locale';
import { LocalizedControls } from './map-controls';
import { CameraQueue, keepContentOnResize, showView } from './camera';
import { featureAt } from './hit-test';
import { BIG_LAYER_MIN_ZOOM, BIG_TILE_LAYER, BIG_TILE_PROTOCOL, type BigTileLoader } from './big-layer';

maplibregl.setWorkerUrl(workerUrl);

export { FID };
export type { CursorEvent };

export interface MapHandlers {
  onFeatureClick: (ref: FeatureRef, additive: boolean, lngLat: [number, number]) => void;
  onEmptyClick: (lngLat: [number, number]) => void;
  onViewChange: (view: MapView) => void;
  onBoxSelect: (ring: [number, number][], additive: boolean) => void;
  onDrawChange: (geometry: DrawnGeometry | null) => void;
  onDrawFinish: (geometry: DrawnGeometry) => void;
  /** The drawing tool of session `seq` listens to clicks now, or could not be loaded. */
  onDrawState: (seq: number, state: 'ready' | 'failed') => void;
  /** The keyboard drawing cursor moved, added a vertex, or was told to cancel. */
  onKeyboardCursor: (e: CursorEvent) => void;
  loadBigTile: BigTileLoader;
}


/** A drawing session asked for by the app (null: not drawing). */
export interface DrawRequest {
  seq: number;
  shape: DrawShape;
  /** Keep the finished shape editable (the measure tool). */
  editable: boolean;
}

export interface LayerFilterView {
  /** Ids that pass the filter, per filtered layer; layers not listed are unfiltered. */
  byLayer: Record<string, ReadonlySet<string>>;
  mode: 'dim' | 'hide';
}

export interface MapModel {
  layers: LayerEntry[];
  lang: Lang;
  selection: FeatureRef[];
  view: MapView;
  /** A view that came from the map itself is not pushed back to it. */
  viewFromMap: boolean;
  filter: LayerFilterView;
  camera: CameraRequest | null;
  /** Edges of the map covered by panels: camera fits keep their target out of them. */
  insets: MapInsets;
  draw: DrawRequest | null;
  /** Analysis shapes drawn above everything: zone outline, buffers, overlaps, measured shapes. */
  overlay: FeatureCollection;
  /** Swipe comparison: these layers show right of the divider (at `position`, 0–1 of the width). */
  compare: { right: LayerEntry[]; position: number } | null;
}

interface Drawn {
  entry: LayerEntry;
  lang: Lang;
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
  private filtered = new Map<string, { ids: ReadonlySet<string>; mode: 'dim' | 'hide' }>();
  private cameraSeq = 0;
  private drawSeq = 0;
  private overlay: FeatureCollection | null = null;
  private baseFilters = new Map<string, maplibregl.FilterSpecification>();
  private readonly drawer: DrawController;
  private readonly cursor: KeyboardCursor;
  private compareMap: CompareMap | null = null;
  private lastView: MapView | null = null;
  private readonly camera: CameraQueue;
  private readonly unregister: (() => void)[] = [];
  private readonly controls: LocalizedControls;

  constructor(container: HTMLElement, private handlers: MapHandlers, view: MapView, lang: Lang) {
    // Tiles of big layers: MapLibre asks, the worker holding the layer encodes the tile, only bytes cross.
    maplibregl.addProtocol(BIG_TILE_PROTOCOL, async (params) => {
      const m = /^atlasbig:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)/.exec(params.url);
      if (!m) throw new Error(`bad tile address ${params.url}`);
      const data = await this.handlers.loadBigTile(m[1]!, Number(m[2]), Number(m[3]), Number(m[4]));
      return { data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer };
    });
    this.map = new maplibregl.Map({
      container,
      style: offlineBaseStyle(),
      center: view.center,
      zoom: view.zoom,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      locale: lang === 'zh' ? ZH_LOCALE : {},
    });
    this.controls = new LocalizedControls(this.map, lang);
    this.drawer = new DrawController(this.map);
    this.camera = new CameraQueue(this.map);
    this.cursor = new KeyboardCursor(this.map, (e) => this.handlers.onKeyboardCursor(e));
    this.map.on('load', () => {
      this.map.addSource(OVERLAY_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const spec of overlaySpecs()) this.map.addLayer(spec);
      this.loaded = true;
      if (this.pending) this.update(this.pending);
    });
    this.unregister.push(keepContentOnResize(this.map, () => this.drawSeq === 0));
    this.unregister.push(registerBoxSelect(this.map, (ring) => this.handlers.onBoxSelect(ring, false)));
    this.map.on('click', (e) => this.onClick(e));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.handlers.onViewChange({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    });
    this.map.on('mousemove', (e) => {
      this.map.getCanvas().style.cursor = featureAt(this.map, e.point, this.visibleLayerIds()) ? 'pointer' : '';
    });
  }

  setHandlers(handlers: MapHandlers): void {
    this.handlers = handlers;
  }

  update(model: MapModel): void {
    this.controls.setLang(model.lang);
    if (!this.loaded) {
      this.pending = model;
      return;
    }
    this.pending = null;
    this.syncLayers(model.layers, model.lang);
    this.syncFilter(model.filter);
    this.syncSelection(model.selection);
    this.syncOverlay(model.overlay);
    this.syncDraw(model.draw);
    this.syncCompare(model.compare, model.lang);
    this.camera.insets = model.insets;
    if (model.camera && model.camera.seq !== this.cameraSeq) {
      this.cameraSeq = model.camera.seq;
      this.camera.request(model.camera);
    }
    // Only a view the app set since the last update moves the map; repeating one never re-renders it.
    else if (!model.viewFromMap && model.view !== this.lastView) showView(this.map, model.view);
    this.lastView = model.view;
  }

  /** A camera move has been asked for and not begun yet. */
  cameraPending(): boolean {
    return this.camera.pending();
  }

  private syncCompare(compare: MapModel['compare'], lang: Lang): void {
    if (!compare) {
      this.compareMap?.destroy();
      this.compareMap = null;
      return;
    }
    this.compareMap ??= new CompareMap(this.map, compare.right, lang);
    this.compareMap.setLayers(compare.right, lang);
    this.compareMap.setPosition(compare.position);
  }

  destroy(): void {
    this.camera.destroy();
    maplibregl.removeProtocol(BIG_TILE_PROTOCOL);
    this.compareMap?.destroy();
    for (const u of this.unregister) u();
    this.cursor.destroy();
    this.drawer.destroy();
    this.map.remove();
  }

  /** Ids of the atlas layers that have sources and style layers on the map. */
  drawnLayerIds(): string[] {
    return [...this.drawn.keys()];
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
        // Big layers arrive as a URL so MapLibre's worker parses them, not the page.
        this.map.addSource(
          sourceId(entry.id),
          entry.remote
            ? { type: 'vector', tiles: [entry.remote.url], minzoom: 0, maxzoom: 14, promoteId: { [BIG_TILE_LAYER]: FID } }
            : { type: 'geojson', data: withFid(entry.data, isLabelled(entry)), promoteId: FID },
        );
      } else if ((prev.entry.data !== entry.data || isLabelled(prev.entry) !== isLabelled(entry)) && !entry.remote) {
        (this.map.getSource(sourceId(entry.id)) as maplibregl.GeoJSONSource).setData(withFid(entry.data, isLabelled(entry)));
      }
      if (
        !prev ||
        prev.entry.style !== entry.style ||
        prev.entry.labelField !== entry.labelField ||
        prev.entry.visible !== entry.visible ||
        prev.entry.opacity !== entry.opacity ||
        prev.lang !== lang
      ) {
        this.removeStyleLayers(entry.id);
        for (const spec of layerSpecs(entry, lang, entry.remote ? { minzoom: BIG_LAYER_MIN_ZOOM, sourceLayer: BIG_TILE_LAYER } : undefined)) {
          if ('filter' in spec && spec.filter) this.baseFilters.set(spec.id, spec.filter);
          this.map.addLayer(spec, OVERLAY_FIRST);
        }
        this.order = [];
        this.filtered.delete(entry.id);
      }
      this.drawn.set(entry.id, { entry, lang });
    }
    const order = layers.map((l) => l.id);
    if (order.join('|') !== this.order.join('|')) {
      for (const id of order) for (const p of PARTS) if (this.map.getLayer(styleLayerId(id, p)) && p !== 'label') this.map.moveLayer(styleLayerId(id, p), OVERLAY_FIRST);
      // Labels go above every geometry so no layer hides another's names, in order of priority: MapLibre
      // places the topmost symbol layer first, so township names win over villages' at the district zoom.
      const byPriority = [...layers].sort((a, b) => labelPriority(a) - labelPriority(b));
      for (const l of byPriority) if (this.map.getLayer(styleLayerId(l.id, 'label'))) this.map.moveLayer(styleLayerId(l.id, 'label'), OVERLAY_FIRST);
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

  /**
   * Hidden features leave the layer through a filter expression (so they are not drawn, nor queryable);
   * dimmed ones stay and get a feature-state that lowers their opacity.
   */
  private syncFilter(filter: LayerFilterView): void {
    for (const id of this.drawn.keys()) {
      const ids = filter.byLayer[id];
      const prev = this.filtered.get(id);
      // Nothing to change: still unfiltered, or the same result in the same mode. (setFilter re-lays out
      // every tile of the layer, so it must not run on updates that do not touch the filter.)
      if (!ids && !prev) continue;
      if (prev && prev.ids === ids && prev.mode === filter.mode) continue;
      if (prev?.mode === 'dim') this.setDimmed(id, prev.ids, false);
      for (const p of PARTS) {
        const lid = styleLayerId(id, p);
        const base = this.baseFilters.get(lid);
        if (!this.map.getLayer(lid)) continue;
        // `match` compiles its labels into a lookup table, so large id sets stay cheap to evaluate.
        const keep = ids && filter.mode === 'hide' ? (ids.size ? (['match', ['get', FID], [...ids], true, false] as maplibregl.FilterSpecification) : (['boolean', false] as maplibregl.FilterSpecification)) : null;
        // Not validated: MapLibre's check serializes the whole style (every other layer's id list included)
        // on each call, which took ~40 ms per call with 200 000 parcels; the expression's shape is fixed here.
        this.map.setFilter(lid, keep ? (base ? (['all', base, keep] as maplibregl.FilterSpecification) : keep) : (base ?? null), { validate: false });
      }
      if (ids && filter.mode === 'dim') this.setDimmed(id, ids, true);
      if (ids) this.filtered.set(id, { ids, mode: filter.mode });
      else this.filtered.delete(id);
    }
  }

  /** Marks every feature NOT in `keep` as dimmed (or clears the mark). */
  private setDimmed(layerId: string, keep: ReadonlySet<string>, dimmed: boolean): void {
    const entry = this.drawn.get(layerId)?.entry;
    if (!entry) return;
    const ids = entry.remote ? Array.from({ length: entry.remote.count }, (_, i) => String(i)) : entry.data.features.map((f, i) => String(f.id ?? f.properties?.id ?? i));
    for (const id of ids) if (!keep.has(id)) this.map.setFeatureState(this.stateTarget(layerId, id), { dimmed });
  }

  private syncOverlay(overlay: FeatureCollection): void {
    if (overlay === this.overlay) return;
    this.overlay = overlay;
    (this.map.getSource(OVERLAY_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(overlay);
  }

  private syncDraw(draw: DrawRequest | null): void {
    if (!draw) {
      if (this.drawSeq !== 0) {
        this.drawSeq = 0;
        this.cursor.stop();
        this.drawer.stop();
      }
      return;
    }
    if (draw.seq === this.drawSeq) return;
    this.drawSeq = draw.seq;
    this.drawer
      .start(draw.shape, {
        change: (g) => this.handlers.onDrawChange(g),
        finish: (g) => {
          swallowNextClick();
          this.handlers.onDrawFinish(g);
          if (draw.editable) {
            this.cursor.stop();
            void this.drawer.edit();
          }
        },
      })
      .then(
        (current) => {
          if (!current) return;
          this.handlers.onDrawState(draw.seq, 'ready');
          this.cursor.start();
        },
        (err: unknown) => {
          console.error('drawing tool failed to load', err);
          this.handlers.onDrawState(draw.seq, 'failed');
        },
      );
  }

  private stateTarget(layerId: string, id: string): maplibregl.FeatureIdentifier {
    return this.drawn.get(layerId)?.entry.remote ? { source: sourceId(layerId), sourceLayer: BIG_TILE_LAYER, id } : { source: sourceId(layerId), id };
  }

  private syncSelection(selection: FeatureRef[]): void {
    const next = new Map(selection.filter((r) => this.drawn.has(r.layerId)).map((r) => [refKey(r), r]));
    for (const [k, r] of this.selected) {
      if (!next.has(k)) this.map.setFeatureState(this.stateTarget(r.layerId, r.featureId), { selected: false });
    }
    for (const [k, r] of next) {
      if (!this.selected.has(k)) this.map.setFeatureState(this.stateTarget(r.layerId, r.featureId), { selected: true });
    }
    this.selected = next;
  }

  private visibleLayerIds(): string[] {
    return [...this.drawn.values()].filter((d) => d.entry.visible).map((d) => d.entry.id);
  }

  private onClick(e: maplibregl.MapMouseEvent): void {
    if (this.drawSeq !== 0) return;
    const ref = featureAt(this.map, e.point, this.visibleLayerIds());
    const ev = e.originalEvent;
    const at: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (ref) this.handlers.onFeatureClick(ref, ev.shiftKey || ev.ctrlKey || ev.metaKey, at);
    else this.handlers.onEmptyClick(at);
  }
}

/** Atlas layers are inserted below the first overlay layer, so analysis shapes stay on top. */
const OVERLAY_FIRST = 'overlay::fill';

