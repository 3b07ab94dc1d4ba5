import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import type { MapView } from '../state/view-slice';
import { offlineBaseStyle } from './basemap';
import { isLabelled, layerSpecs, PARTS, sourceId, sourceSpec, styleLayerId } from './layer-specs';
import { labelPriority } from '../domain/label-priority';
import { registerBoxSelect } from './box-select';
import { swallowNextClick } from './click-guard';
import { DrawController } from './draw-controller';
import { ReshapeSync } from './reshape-sync';
import { RotateGesture } from './rotate-gesture';
import { KeyboardCursor, type CursorEvent } from './keyboard-cursor';
import { OVERLAY_SOURCE, overlaySpecs } from './overlay-specs';
import { CompareMap } from './compare-map';
import { FID, withFid } from './fid';
import { ZH_LOCALE } from './locale';
import { LocalizedControls } from './map-controls';
import { CameraQueue, keepContentOnResize, showView } from './camera';
import { featureAt, tileFeaturesAt } from './hit-test';
import { registerArchiveProtocol, registerBigTileProtocol, watchServiceErrors } from './tile-protocols';
import { FeatureStates, type LayerFilterView } from './feature-states';
import type { DrawRequest, MapHandlers, MapModel } from './map-model';
import { maxDrawingSide, renderPrintMap, type PrintRenderRequest } from './print-render';

maplibregl.setWorkerUrl(workerUrl);

export { FID, type CursorEvent, type DrawRequest, type LayerFilterView, type MapHandlers, type MapModel };

type Drawn = { entry: LayerEntry; lang: Lang };

/** The only code that talks to MapLibre: owns the map, applies store changes to it, reports its events. */
export class AtlasMap {
  readonly map: maplibregl.Map;
  private drawn = new Map<string, Drawn>();
  private order: string[] = [];
  private pending: MapModel | null = null;
  private loaded = false;
  private cameraSeq = 0;
  private drawSeq = 0;
  private overlay: FeatureCollection | null = null;
  private readonly states: FeatureStates;
  private readonly drawer: DrawController;
  private readonly reshape: ReshapeSync;
  private readonly rotate: RotateGesture;
  private readonly cursor: KeyboardCursor;
  private compareMap: CompareMap | null = null;
  /** The tile address each big layer's source was last given (absent: its own, unfiltered). */
  private readonly tileUrls = new Map<string, string>();
  private lastView: MapView | null = null;
  private readonly camera: CameraQueue;
  private readonly unregister: (() => void)[] = [];
  private readonly controls: LocalizedControls;

  constructor(container: HTMLElement, private readonly handlers: MapHandlers, view: MapView, lang: Lang) {
    this.unregister.push(registerBigTileProtocol(this.handlers.loadBigTile));
    this.unregister.push(registerArchiveProtocol((url, signal) => this.handlers.loadArchiveTile(url, signal)));
    this.map = new maplibregl.Map({
      container,
      style: offlineBaseStyle(),
      center: view.center,
      zoom: view.zoom,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      locale: lang === 'zh' ? ZH_LOCALE : {},
      transformRequest: (url) => ({ url: this.handlers.requestUrl(url) ?? REFUSED }),
    });
    this.controls = new LocalizedControls(this.map, lang);
    this.drawer = new DrawController(this.map);
    this.reshape = new ReshapeSync(this.drawer, () => this.handlers, this.map);
    this.rotate = new RotateGesture(this.map, (from, to, done) => this.handlers.onRotateDrag(from, to, done));
    this.states = new FeatureStates(this.map, (id) => this.drawn.get(id)?.entry);
    this.camera = new CameraQueue(this.map);
    this.cursor = new KeyboardCursor(this.map, (e) => this.handlers.onKeyboardCursor(e));
    this.map.on('load', () => {
      this.map.addSource(OVERLAY_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const spec of overlaySpecs()) this.map.addLayer(spec);
      this.loaded = true;
      if (this.pending) this.update(this.pending);
    });
    const serviceLayerOf = (source: string) => [...this.drawn.values()].find(({ entry }) => sourceId(entry.id) === source && (entry.service || entry.vectorTiles))?.entry.id ?? null;
    this.unregister.push(watchServiceErrors(this.map, serviceLayerOf, (id, why) => this.handlers.onServiceError(id, why)));
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

  update(model: MapModel): void {
    this.controls.setLang(model.lang);
    if (!this.loaded) {
      this.pending = model;
      return;
    }
    this.pending = null;
    this.syncLayers(model.layers, model.lang);
    this.states.syncFilter(model.filter, this.drawn.keys());
    this.syncBigTiles(model.filter.masks ?? {});
    this.states.syncSelection(model.selection);
    this.syncOverlay(model.overlay);
    this.reshape.sync(model);
    this.rotate.sync(model.rotate);
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
    this.compareMap?.destroy();
    for (const u of this.unregister) u();
    this.cursor.destroy();
    this.reshape.destroy();
    this.rotate.destroy();
    this.drawer.destroy();
    this.map.remove();
  }

  /** The map as it is drawn now, at another size and resolution, for printing (see print-render). */
  renderForPrint(req: PrintRenderRequest): Promise<HTMLCanvasElement> {
    return renderPrintMap(this.map, req, (m) => this.states.copyTo(m), (url) => this.handlers.requestUrl(url));
  }

  maxPrintSide(): number {
    return maxDrawingSide(this.map);
  }

  /** What the map shows now: [west, south, east, north]. */
  viewBounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
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
        this.map.addSource(sourceId(entry.id), sourceSpec(entry));
      } else if ((prev.entry.data !== entry.data || isLabelled(prev.entry) !== isLabelled(entry)) && !entry.remote && !entry.service && !entry.vectorTiles) {
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
        const specs = layerSpecs(entry, lang);
        for (const spec of specs) this.map.addLayer(spec, OVERLAY_FIRST);
        this.states.layerBuilt(entry.id, specs);
        this.order = [];
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

  /** Big layers' density cells count what passes the filter: their tiles are asked for again under its mask. */
  private syncBigTiles(masks: Readonly<Record<string, number>>): void {
    for (const [id, { entry }] of this.drawn) {
      if (!entry.remote) continue;
      const url = masks[id] === undefined ? entry.remote.url : `${entry.remote.url}?m=${masks[id]}`;
      if ((this.tileUrls.get(id) ?? entry.remote.url) === url) continue;
      (this.map.getSource(sourceId(id)) as maplibregl.VectorTileSource | undefined)?.setTiles([url]);
      this.tileUrls.set(id, url);
    }
  }

  private removeStyleLayers(id: string): void {
    for (const p of PARTS) if (this.map.getLayer(styleLayerId(id, p))) this.map.removeLayer(styleLayerId(id, p));
  }

  private removeLayer(id: string): void {
    this.removeStyleLayers(id);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    this.drawn.delete(id);
    this.tileUrls.delete(id);
    this.states.layerRemoved(id);
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
          } else if (draw.continues) setTimeout(() => this.drawer.clearDrawn(), 0);
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

  private visibleLayerIds(): string[] {
    return [...this.drawn.values()].filter((d) => d.entry.visible).map((d) => d.entry.id);
  }

  private onClick(e: maplibregl.MapMouseEvent): void {
    if (this.drawSeq !== 0 || this.reshape.active) return;
    // Features of vector tile services live only in their tiles: their attributes travel with the click.
    const visible = this.visibleLayerIds();
    const fromTiles = visible.filter((id) => this.drawn.get(id)?.entry.vectorTiles);
    const ref = featureAt(this.map, e.point, visible.filter((id) => !fromTiles.includes(id)));
    const tiles = tileFeaturesAt(this.map, e.point, fromTiles);
    const ev = e.originalEvent;
    const at: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (ref) this.handlers.onFeatureClick(ref, ev.shiftKey || ev.ctrlKey || ev.metaKey, at, tiles);
    else this.handlers.onEmptyClick(at, tiles);
  }
}

/** Atlas layers are inserted below the first overlay layer, so analysis shapes stay on top. */
const OVERLAY_FIRST = 'overlay::fill';
/** Every map request passes the app's gate (its origin, the services added); a refused one goes nowhere. */
const REFUSED = 'data:,';

