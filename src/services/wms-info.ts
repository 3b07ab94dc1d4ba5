import type { TileService } from './tile-service';
import { withQuery } from './wms';

/**
 * WMS GetFeatureInfo at a clicked point: a 101 px square window of the map around it, in Web Mercator at
 * the map's resolution, asked for the features at its centre pixel; the answer read from GML (as MapServer
 * and GeoServer send it), GeoJSON, or shown as the server's text.
 */
export type FeatureInfo = { kind: 'features'; features: Record<string, string>[] } | { kind: 'text'; text: string };

const R = 6378137;
const WINDOW = 101;

export function mercator([lon, lat]: [number, number]): [number, number] {
  const y = Math.log(Math.tan(Math.PI / 4 + (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 360)) * R;
  return [(lon * Math.PI * R) / 180, y];
}

/** The info format asked for: GML or GeoJSON where offered (readable as attributes), else plain text. */
export function infoFormat(formats: readonly string[]): string {
  return formats.find((f) => /gml/i.test(f)) ?? formats.find((f) => /json/i.test(f)) ?? formats.find((f) => f === 'text/plain') ?? 'text/plain';
}

/** `zoom`: MapLibre's (512 px tiles). */
export function featureInfoUrl(wms: NonNullable<TileService['wms']>, at: [number, number], zoom: number): string | null {
  if (!wms.queryable || !wms.getFeatureInfoUrl) return null;
  const res = (2 * Math.PI * R) / (512 * 2 ** zoom);
  const [x, y] = mercator(at);
  const half = (WINDOW / 2) * res;
  const v13 = wms.version === '1.3.0';
  const c = (WINDOW - 1) / 2;
  return withQuery(wms.getFeatureInfoUrl, {
    SERVICE: 'WMS',
    VERSION: wms.version,
    REQUEST: 'GetFeatureInfo',
    LAYERS: wms.layers.join(','),
    QUERY_LAYERS: wms.layers.join(','),
    STYLES: '',
    [v13 ? 'CRS' : 'SRS']: 'EPSG:3857',
    BBOX: [x - half, y - half, x + half, y + half].map((n) => n.toFixed(3)).join(','),
    WIDTH: String(WINDOW),
    HEIGHT: String(WINDOW),
    [v13 ? 'I' : 'X']: String(c),
    [v13 ? 'J' : 'Y']: String(c),
    INFO_FORMAT: infoFormat(wms.infoFormats),
    FEATURE_COUNT: '10',
  });
}

const elements = (n: Node): Element[] => Array.from(n.childNodes).filter((c): c is Element => c.nodeType === 1);
const GML = /opengis\.net\/gml/;

/** A GML feature's attributes: its leaf elements outside the GML namespace (geometry and bounds left out). */
function attributes(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of elements(el)) {
    if (GML.test(c.namespaceURI ?? '') || elements(c).length) continue;
    out[c.localName] = c.textContent?.trim() ?? '';
  }
  return out;
}

/** Features in a GML answer: children of featureMember/member, or MapServer's `*_feature` elements. */
export function gmlFeatures(doc: Document): Record<string, string>[] {
  const found: Element[] = [];
  const walk = (el: Element) => {
    for (const c of elements(el)) {
      if (c.localName === 'featureMember' || c.localName === 'member') found.push(...elements(c));
      else if (/_feature$/.test(c.localName)) found.push(c);
      else walk(c);
    }
  };
  if (doc.documentElement) walk(doc.documentElement);
  return found.map(attributes).filter((a) => Object.keys(a).length > 0);
}

export function parseFeatureInfo(text: string, contentType: string, parseXml: (s: string) => Document): FeatureInfo {
  if (/json/i.test(contentType) || /^\s*\{/.test(text)) {
    try {
      const j = JSON.parse(text) as { features?: { properties?: Record<string, unknown> }[] };
      if (Array.isArray(j.features)) return { kind: 'features', features: j.features.map((f) => Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [k, v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]))) };
    } catch {
      // Not JSON after all: shown as text.
    }
  }
  if (/xml|gml/i.test(contentType) || /^\s*</.test(text)) {
    if (/<!ENTITY/i.test(text.slice(0, 65536))) return { kind: 'text', text: '' };
    return { kind: 'features', features: gmlFeatures(parseXml(text)) };
  }
  return { kind: 'text', text: text.slice(0, 20_000) };
}
