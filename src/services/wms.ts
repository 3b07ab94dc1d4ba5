import { href, kid, kids, text } from './xml-walk';

/**
 * WMS 1.1.1 / 1.3.0: the capabilities a planner's server announces (its named layers with their titles,
 * coordinate systems, legends and whether they answer GetFeatureInfo), and the GetMap request MapLibre
 * asks for each 256 px tile of Web Mercator. Reads a parsed XML document, namespace-blind (servers differ).
 */
export interface WmsLayer {
  name: string;
  title: string;
  queryable: boolean;
  /** Drawable as Web Mercator tiles (EPSG:3857 or its old alias EPSG:900913 offered). */
  mercator: boolean;
  legendUrl?: string;
  /** [west, south, east, north] in degrees, when announced. */
  bbox?: [number, number, number, number];
}

export interface WmsCapabilities {
  version: '1.1.1' | '1.3.0';
  title: string;
  getMapUrl: string;
  formats: string[];
  getFeatureInfoUrl?: string;
  infoFormats: string[];
  layers: WmsLayer[];
}

export type WmsProblem = { problem: 'not-wms' } | { problem: 'exception'; message: string } | { problem: 'no-layers' };


function operation(capability: Element, name: string): { url: string; formats: string[] } | undefined {
  const op = kid(kid(capability, 'Request') ?? capability, name);
  if (!op) return undefined;
  const get = kid(kid(kid(op, 'DCPType') ?? op, 'HTTP') ?? op, 'Get');
  return { url: href(get ? kid(get, 'OnlineResource') : undefined), formats: kids(op, 'Format').map(text) };
}

function bboxOf(layer: Element): WmsLayer['bbox'] {
  const ex = kid(layer, 'EX_GeographicBoundingBox');
  if (ex) {
    const n = ['westBoundLongitude', 'southBoundLatitude', 'eastBoundLongitude', 'northBoundLatitude'].map((k) => Number(text(kid(ex, k))));
    if (n.every(Number.isFinite)) return n as [number, number, number, number];
  }
  const ll = kid(layer, 'LatLonBoundingBox');
  if (ll) {
    const n = ['minx', 'miny', 'maxx', 'maxy'].map((k) => Number(ll.getAttribute(k)));
    if (n.every(Number.isFinite)) return n as [number, number, number, number];
  }
  return undefined;
}

function walk(layer: Element, inherited: { crs: Set<string>; queryable: boolean }, out: WmsLayer[]): void {
  const crs = new Set(inherited.crs);
  for (const c of [...kids(layer, 'CRS'), ...kids(layer, 'SRS')]) for (const code of text(c).split(/\s+/)) if (code) crs.add(code.toUpperCase());
  const queryable = layer.getAttribute('queryable') === '1' || inherited.queryable;
  const name = text(kid(layer, 'Name'));
  if (name) {
    const legend = kids(layer, 'Style').map((s) => kid(s, 'LegendURL')).find(Boolean);
    out.push({
      name,
      title: text(kid(layer, 'Title')) || name,
      queryable,
      mercator: crs.has('EPSG:3857') || crs.has('EPSG:900913'),
      ...(legend ? { legendUrl: href(kid(legend, 'OnlineResource')) } : {}),
      ...(bboxOf(layer) ? { bbox: bboxOf(layer) } : {}),
    });
  }
  for (const child of kids(layer, 'Layer')) walk(child, { crs, queryable }, out);
}

export function parseWmsCapabilities(doc: Document): WmsCapabilities | WmsProblem {
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || root.getElementsByTagName('parsererror').length) return { problem: 'not-wms' };
  if (root.localName === 'ServiceExceptionReport' || root.localName === 'ExceptionReport') return { problem: 'exception', message: text(root).slice(0, 300) };
  if (root.localName !== 'WMS_Capabilities' && root.localName !== 'WMT_MS_Capabilities') return { problem: 'not-wms' };
  const version = root.getAttribute('version') === '1.1.1' ? '1.1.1' : '1.3.0';
  const capability = kid(root, 'Capability');
  const getMap = capability ? operation(capability, 'GetMap') : undefined;
  if (!capability || !getMap?.url) return { problem: 'not-wms' };
  const info = operation(capability, 'GetFeatureInfo');
  const layers: WmsLayer[] = [];
  for (const l of kids(capability, 'Layer')) walk(l, { crs: new Set(), queryable: false }, layers);
  if (!layers.length) return { problem: 'no-layers' };
  return {
    version,
    title: text(kid(kid(root, 'Service') ?? root, 'Title')),
    getMapUrl: getMap.url,
    formats: getMap.formats,
    ...(info?.url ? { getFeatureInfoUrl: info.url } : {}),
    infoFormats: info?.formats ?? [],
    layers,
  };
}

/** `base` with these query parameters appended (keeping any it has, e.g. `map=`). */
export function withQuery(base: string, params: Record<string, string>): string {
  const q = Object.entries(params)
    // Placeholders MapLibre fills in ({bbox-epsg-3857}, {z}, {x}, {y}) stay as they are; the rest is encoded.
    .map(([k, v]) => `${k}=${v.split(/(\{[a-z0-9-]+\})/i).map((part, i) => (i % 2 ? part : encodeURIComponent(part))).join('')}`)
    .join('&');
  const sep = base.includes('?') ? (/[?&]$/.test(base) ? '' : '&') : '?';
  return `${base}${sep}${q}`;
}

/** The GetMap URL of one 256 px Web Mercator tile, `{bbox-epsg-3857}` filled in by MapLibre. */
export function getMapTemplate(caps: Pick<WmsCapabilities, 'version' | 'getMapUrl' | 'formats'>, layers: readonly string[]): string {
  const format = caps.formats.find((f) => f === 'image/png') ?? caps.formats.find((f) => f.startsWith('image/png')) ?? 'image/png';
  return withQuery(caps.getMapUrl, {
    SERVICE: 'WMS',
    VERSION: caps.version,
    REQUEST: 'GetMap',
    LAYERS: layers.join(','),
    STYLES: '',
    FORMAT: format,
    TRANSPARENT: 'TRUE',
    WIDTH: '256',
    HEIGHT: '256',
    [caps.version === '1.3.0' ? 'CRS' : 'SRS']: 'EPSG:3857',
    BBOX: '{bbox-epsg-3857}',
  });
}

/** A GetCapabilities URL for what the planner typed (a bare service address is asked for its capabilities). */
export function capabilitiesUrl(url: string): string {
  const u = url.trim();
  return /request=getcapabilities/i.test(u) ? u : withQuery(u, { SERVICE: 'WMS', REQUEST: 'GetCapabilities' });
}

/** Capabilities XML is refused before parsing when it declares entities (XXE, billion laughs) or is over this size. */
export const MAX_CAPABILITIES_BYTES = 10 * 1024 * 1024;

export function unsafeXml(xml: string): 'too-large' | 'entities' | null {
  if (xml.length > MAX_CAPABILITIES_BYTES) return 'too-large';
  return /<!ENTITY/i.test(xml.slice(0, 65536)) ? 'entities' : null;
}
