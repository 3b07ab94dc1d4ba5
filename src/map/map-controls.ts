import * as maplibregl from 'maplibre-gl';
import type { Lang } from '../i18n/translate';
import { ZH_LOCALE } from './locale';

/**
 * The map's own controls (zoom buttons, scale bar) in the UI language. MapLibre reads its UI strings when a
 * control is added (and the scale bar on every move), so a language switch swaps the table and adds the
 * controls again.
 */
export class LocalizedControls {
  private readonly defaults: Record<string, string>;
  private lang: Lang;
  private nav: maplibregl.NavigationControl | null = null;
  private scale: maplibregl.ScaleControl | null = null;
  /** Shows the attributions of added services (empty, and hidden, while only the atlas's own data are drawn). */
  private readonly attribution = new maplibregl.AttributionControl({ compact: true });

  constructor(private readonly map: maplibregl.Map, lang: Lang) {
    // The map was built with the table of `lang` over MapLibre's English defaults.
    this.defaults = { ...map._locale, ...(lang === 'zh' ? ENGLISH : {}) };
    this.lang = lang;
    this.add();
    map.addControl(this.attribution, 'bottom-right');
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.map._locale = lang === 'zh' ? { ...this.defaults, ...ZH_LOCALE } : { ...this.defaults };
    this.map.getCanvas().setAttribute('aria-label', this.map._locale['Map.Title'] ?? '');
    if (this.nav) this.map.removeControl(this.nav);
    if (this.scale) this.map.removeControl(this.scale);
    this.add();
  }

  private add(): void {
    this.nav = new maplibregl.NavigationControl({ visualizePitch: false });
    this.scale = new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 });
    this.map.addControl(this.nav, 'top-right');
    this.map.addControl(this.scale, 'bottom-right');
  }
}

/** MapLibre's English strings for the keys {@link ZH_LOCALE} replaces (its defaults as of v5/v6). */
const ENGLISH: Record<string, string> = {
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'Map.Title': 'Map',
};
