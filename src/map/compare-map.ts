import * as maplibregl from 'maplibre-gl';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import { offlineBaseStyle } from './basemap';
import { layerSpecs, sourceId, sourceSpec } from './layer-specs';

/**
 * The right-hand map of a swipe comparison: a second, non-interactive map stacked over the main one,
 * following its camera, showing only the compared layer(s), and clipped to the right of the divider.
 */
export class CompareMap {
  private readonly el: HTMLDivElement;
  private readonly map: maplibregl.Map;
  private readonly follow: () => void;
  private layers: LayerEntry[] = [];
  private lang: Lang;

  constructor(private readonly main: maplibregl.Map, layers: LayerEntry[], lang: Lang) {
    this.lang = lang;
    this.el = document.createElement('div');
    this.el.className = 'compare-map';
    this.el.setAttribute('aria-hidden', 'true');
    main.getContainer().appendChild(this.el);
    this.map = new maplibregl.Map({
      container: this.el,
      style: offlineBaseStyle(),
      center: main.getCenter(),
      zoom: main.getZoom(),
      bearing: main.getBearing(),
      pitch: main.getPitch(),
      interactive: false,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.follow = () => this.map.jumpTo({ center: main.getCenter(), zoom: main.getZoom(), bearing: main.getBearing(), pitch: main.getPitch() });
    main.on('move', this.follow);
    this.map.on('load', () => this.draw(this.layers));
    this.layers = layers;
  }

  setLayers(layers: LayerEntry[], lang: Lang): void {
    if (layers.length === this.layers.length && layers.every((l, i) => l === this.layers[i]) && lang === this.lang) return;
    this.lang = lang;
    this.layers = layers;
    if (this.map.loaded()) this.draw(layers);
  }

  /** Fraction of the width (0–1) where the divider stands: the compared layer shows to its right. */
  setPosition(fraction: number): void {
    this.el.style.clipPath = `inset(0 0 0 ${(fraction * 100).toFixed(3)}%)`;
  }

  private draw(layers: LayerEntry[]): void {
    for (const l of this.map.getStyle().layers ?? []) if (l.id !== 'background') this.map.removeLayer(l.id);
    for (const id of Object.keys(this.map.getStyle().sources ?? {})) this.map.removeSource(id);
    for (const entry of layers) {
      // A big layer's tiles come from its worker through the same protocol as on the main map.
      this.map.addSource(sourceId(entry.id), sourceSpec(entry));
      for (const spec of layerSpecs({ ...entry, visible: true }, this.lang)) this.map.addLayer(spec);
    }
  }

  destroy(): void {
    this.main.off('move', this.follow);
    this.map.remove();
    this.el.remove();
  }
}
