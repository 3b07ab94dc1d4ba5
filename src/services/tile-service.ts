/**
 * Raster tile services added by URL template (XYZ / TMS, and WMTS GetTile templates such as 天地图's): what
 * the planner typed, checked, and turned into the tile URLs MapLibre asks for. Keys never sit in a
 * template: `{tk}` stays a placeholder and is filled in at request time from the key kept on this device
 * (service-keys.ts), so a shared link, a project file or an export never carries it.
 */
export interface TileService {
  kind: 'xyz';
  template: string;
  /** What `{s}` takes in turn (a, b, c by default). */
  subdomains: string[];
  attribution: string;
  minzoom: number;
  maxzoom: number;
  /** A basemap goes below every layer, an overlay above the district's polygons. */
  role: 'basemap' | 'overlay';
  tileSize: 256 | 512;
  /** A WMS layer drawn as GetMap tiles (`template` holds the GetMap URL with `{bbox-epsg-3857}`). */
  wms?: { version: '1.1.1' | '1.3.0'; layers: string[]; legendUrl?: string; getFeatureInfoUrl?: string; infoFormats: string[]; queryable: boolean };
}

export type TemplateProblem = 'not-url' | 'not-http' | 'no-xyz' | 'zoom' | 'subdomains';

const MAX_TEMPLATE = 2048;

/** What is wrong with a template, or null: an http(s) URL with {z}, {x} and {y} (or {-y}). */
export function templateProblem(t: TileService): TemplateProblem | null {
  const template = t.template.trim();
  if (!template || template.length > MAX_TEMPLATE) return 'not-url';
  let u: URL;
  try {
    u = new URL(template.replace(/\{[^}]*\}/g, '0'));
  } catch {
    return 'not-url';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'not-http';
  const xyz = template.includes('{z}') && template.includes('{x}') && (template.includes('{y}') || template.includes('{-y}'));
  if (!xyz && !template.includes('{bbox-epsg-3857}')) return 'no-xyz';
  if (template.includes('{s}') && (!t.subdomains.length || t.subdomains.some((s) => !/^[a-z0-9-]{1,20}$/i.test(s)))) return 'subdomains';
  if (!(t.minzoom >= 0 && t.maxzoom <= 24 && t.minzoom <= t.maxzoom)) return 'zoom';
  return null;
}

/**
 * MapLibre shows a source's attribution as HTML; a service's attribution is plain text (typed by the planner,
 * a WMS title, or named in a shared link), so it is escaped on its way there and can never inject markup.
 */
export function attributionHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The tile URLs for MapLibre (one per subdomain) and whether rows count from the south (TMS, `{-y}`). */
export function tileUrls(t: TileService): { tiles: string[]; scheme: 'xyz' | 'tms' } {
  const scheme = t.template.includes('{-y}') ? 'tms' : 'xyz';
  const base = t.template.trim().replace('{-y}', '{y}');
  const tiles = base.includes('{s}') ? t.subdomains.map((s) => base.replace('{s}', s)) : [base];
  return { tiles, scheme };
}

/** The host (with its port, `{s}` kept) a template's tiles come from; empty when it has none. */
export function templateHost(template: string): string {
  // A PMTiles archive's tiles (`pmtiles://<archive URL>/{z}/{x}/{y}`) come from the archive's host.
  return /^[a-z]+:\/\/([^/?#]+)/i.exec(template.trim().replace(/^pmtiles:\/\//, ''))?.[1] ?? '';
}

/**
 * Tiles of Chinese web maps (AMap/Gaode, Tencent, Baidu) are drawn in GCJ-02 (Baidu: BD-09), offset by
 * about 500 m from WGS 84 / CGCS2000 data: the host that gives one away, or null.
 */
export function offsetBasemapHost(template: string): string | null {
  const host = templateHost(template).toLowerCase();
  return /(^|\.)(autonavi\.com|amap\.com|gtimg\.com|map\.qq\.com|bdimg\.com|map\.baidu\.com|bdstatic\.com)$/.test(host.replace(/:\d+$/, '').replace(/\{s\}/g, 'x')) ? host : null;
}

/** Whether requests for this template need the planner's 天地图 key. */
export function needsTiandituKey(template: string): boolean {
  return template.includes('{tk}');
}

const TDT = (layer: string) => `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}`;
const TDT_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'];
const TDT_ATTRIBUTION = '© 天地图 tianditu.gov.cn';

export interface TilePreset {
  id: 'osm' | 'tianditu-vec' | 'tianditu-img' | 'tianditu-ter';
  /** The layers the preset adds, bottom first (天地图: the map and its annotation). */
  layers: { title: { zh: string; en: string }; service: TileService }[];
}

const tdt = (base: string, label: string, title: { zh: string; en: string }, maxzoom: number): TilePreset['layers'] => [
  { title, service: { kind: 'xyz', template: TDT(base), subdomains: TDT_SUBDOMAINS, attribution: TDT_ATTRIBUTION, minzoom: 1, maxzoom, role: 'basemap', tileSize: 256 } },
  { title: { zh: `${title.zh}注记`, en: `${title.en} labels` }, service: { kind: 'xyz', template: TDT(label), subdomains: TDT_SUBDOMAINS, attribution: TDT_ATTRIBUTION, minzoom: 1, maxzoom, role: 'basemap', tileSize: 256 } },
];

/** Basemaps in WGS 84 / CGCS2000, which line up with the district's data. */
export const TILE_PRESETS: readonly TilePreset[] = [
  { id: 'tianditu-vec', layers: tdt('vec', 'cva', { zh: '天地图矢量', en: 'Tianditu map' }, 18) },
  { id: 'tianditu-img', layers: tdt('img', 'cia', { zh: '天地图影像', en: 'Tianditu imagery' }, 18) },
  { id: 'tianditu-ter', layers: tdt('ter', 'cta', { zh: '天地图地形', en: 'Tianditu terrain' }, 14) },
  {
    id: 'osm',
    layers: [{ title: { zh: 'OpenStreetMap', en: 'OpenStreetMap' }, service: { kind: 'xyz', template: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: [], attribution: '© OpenStreetMap contributors', minzoom: 0, maxzoom: 19, role: 'basemap', tileSize: 256 } }],
  },
];
