import type { GeometryKind } from '../domain/layers';
import type { Label } from '../i18n/fields';
import { isLocalArchive, archiveKeyOf } from './pmtiles-archive';
import { templateHost, templateProblem, type TileService } from './tile-service';
import { attributionText, plainAttribution, type VectorTileLayer } from './vector-tiles';

/**
 * The services a shared link names (`svc=` in the address): tile layers drawn from a server, with their
 * title, visibility and look, never a key. A link is text anyone can write, so everything read back is
 * checked as strictly as what a planner types, and the hosts it would contact are listed for the planner
 * to allow before any request goes out.
 */
export type SharedService =
  | { kind: 'raster'; title: Label; visible: boolean; opacity: number; service: TileService }
  | { kind: 'vector'; title: Label; visible: boolean; opacity: number; color: string; geometry: GeometryKind; tiles: VectorTileLayer };

const MAX_SERVICES = 20;
const MAX_TEXT = 200;

/** Query parameters that carry a secret: keys, tokens, signatures, passwords (GeoServer's authkey, Baidu's ak …). */
function secretParam(name: string): boolean {
  const n = decodeURIComponentSafe(name).toLowerCase();
  return /^(tk|ak|sk|sig|signature|auth|password|passwd|pwd)$/.test(n) || /(key|token|secret)$/.test(n);
}

const decodeURIComponentSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * A tile URL without secrets: 天地图's `tk` goes back to its `{tk}` placeholder (each planner fills in their
 * own), any other key, token or password parameter and any user name and password in the address are left
 * out (the receiver adds their own).
 */
export function withoutKeys(url: string): string {
  const tianditu = /(^|\.)tianditu\.gov\.cn$/i.test(templateHost(url).replace(/\{s\}/g, '0').replace(/:\d+$/, '').replace(/^[^@]*@/, ''));
  const noUser = url.replace(/^([a-z]+:\/\/(?:[a-z]+:\/\/)?)[^/?#@]*@/i, '$1');
  const q = noUser.indexOf('?');
  if (q < 0) return noUser;
  const hash = noUser.indexOf('#', q);
  const query = noUser.slice(q + 1, hash < 0 ? undefined : hash);
  const kept = query
    .split('&')
    .filter((p) => p !== '')
    .flatMap((p) => {
      const [name, value = ''] = [p.slice(0, p.includes('=') ? p.indexOf('=') : p.length), p.includes('=') ? p.slice(p.indexOf('=') + 1) : ''];
      if (!secretParam(name)) return [p];
      if (value === '{tk}' || (tianditu && name.toLowerCase() === 'tk')) return [`${name}={tk}`];
      return [];
    });
  return `${noUser.slice(0, q)}${kept.length ? `?${kept.join('&')}` : ''}${hash < 0 ? '' : noUser.slice(hash)}`;
}

/** Whether a tile template can travel in a link: a URL on a server, not a file on this device. */
function shareable(template: string): boolean {
  const key = archiveKeyOf(template);
  return key === null || !isLocalArchive(key);
}

/** The hosts (scheme, host and port) a service's requests go to. */
export function serviceOrigins(s: SharedService): string[] {
  const urls = s.kind === 'raster' ? [s.service.template, s.service.wms?.legendUrl, s.service.wms?.getFeatureInfoUrl] : s.tiles.tiles;
  const subs = s.kind === 'raster' && s.service.template.includes('{s}') ? s.service.subdomains : [''];
  const out = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    const plain = url.replace(/^pmtiles:\/\//, '');
    for (const sub of subs) {
      try {
        out.add(new URL(plain.replace('{s}', sub).replace(/\{[^}]*\}/g, '0')).origin);
      } catch {
        // A URL that does not parse was refused when the link was read.
      }
    }
  }
  return [...out];
}

/** The `svc=` text of the services (base64url of their JSON), '' when none can be shared. */
export function encodeServices(list: readonly SharedService[]): string {
  const clean = list
    .filter((s) => (s.kind === 'raster' ? shareable(s.service.template) : s.tiles.tiles.every(shareable)))
    .slice(0, MAX_SERVICES)
    .map((s) =>
      s.kind === 'raster'
        ? { ...s, service: { ...s.service, template: withoutKeys(s.service.template), ...(s.service.wms ? { wms: withoutWmsKeys(s.service.wms) } : {}) } }
        : { ...s, tiles: { ...s.tiles, tiles: s.tiles.tiles.map(withoutKeys), attribution: attributionText(s.tiles.attribution) } },
    );
  if (clean.length === 0) return '';
  const bytes = new TextEncoder().encode(JSON.stringify(clean));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function withoutWmsKeys(wms: NonNullable<TileService['wms']>): NonNullable<TileService['wms']> {
  return {
    ...wms,
    ...(wms.legendUrl ? { legendUrl: withoutKeys(wms.legendUrl) } : {}),
    ...(wms.getFeatureInfoUrl ? { getFeatureInfoUrl: withoutKeys(wms.getFeatureInfoUrl) } : {}),
  };
}

/** Reads {@link encodeServices}'s text; whatever is not a valid service is left out and said in `say`. */
export function decodeServices(text: string, say: (msg: string) => void): SharedService[] {
  let raw: unknown;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    say('the services cannot be read (not base64url JSON)');
    return [];
  }
  if (!Array.isArray(raw)) {
    say('the services are not a list');
    return [];
  }
  if (raw.length > MAX_SERVICES) say(`only the first ${MAX_SERVICES} of ${raw.length} services are read`);
  const out: SharedService[] = [];
  raw.slice(0, MAX_SERVICES).forEach((item, i) => {
    const s = decodeOne(item);
    if (typeof s === 'string') say(`service ${i + 1}: ${s}`);
    else out.push(s);
  });
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const zoom = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 24;
const httpUrl = (v: unknown): v is string => {
  if (!str(v, 2048)) return false;
  try {
    const u = new URL(v.replace(/^pmtiles:\/\//, '').replace(/\{[^}]*\}/g, '0'));
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

function decodeOne(item: unknown): SharedService | string {
  if (!isObj(item)) return 'not an object';
  const title = item['title'];
  if (!isObj(title) || !str(title['zh']) || !str(title['en']) || !title['zh']) return 'no title';
  const label: Label = { zh: title['zh'], en: title['en'] || title['zh'] };
  const visible = item['visible'] !== false;
  const o = item['opacity'];
  const opacity = typeof o === 'number' && o >= 0 && o <= 1 ? o : 1;
  if (item['kind'] === 'raster') {
    const service = rasterService(item['service']);
    return typeof service === 'string' ? service : { kind: 'raster', title: label, visible, opacity, service };
  }
  if (item['kind'] === 'vector') {
    const tiles = vectorTiles(item['tiles']);
    if (typeof tiles === 'string') return tiles;
    const color = item['color'];
    const geometry = item['geometry'];
    return {
      kind: 'vector',
      title: label,
      visible,
      opacity,
      color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#3388ff',
      geometry: geometry === 'point' || geometry === 'line' ? geometry : 'polygon',
      tiles,
    };
  }
  return 'unknown kind of service';
}

function rasterService(v: unknown): TileService | string {
  if (!isObj(v)) return 'no tile service';
  const subdomains = Array.isArray(v['subdomains']) && v['subdomains'].every((s) => str(s, 20)) ? (v['subdomains'] as string[]).slice(0, 10) : [];
  const template = v['template'];
  if (!httpUrl(template)) return 'the tile URL is not an http(s) URL';
  const service: TileService = {
    kind: 'xyz',
    template: withoutKeys(template),
    subdomains,
    attribution: str(v['attribution'], 300) ? v['attribution'] : '',
    minzoom: zoom(v['minzoom']) ? v['minzoom'] : 0,
    maxzoom: zoom(v['maxzoom']) ? v['maxzoom'] : 22,
    role: v['role'] === 'basemap' ? 'basemap' : 'overlay',
    tileSize: v['tileSize'] === 512 ? 512 : 256,
  };
  const problem = template.startsWith('pmtiles://') ? null : templateProblem(service);
  if (problem) return `the tile URL is not usable (${problem})`;
  const wms = v['wms'];
  if (isObj(wms)) {
    const layers = Array.isArray(wms['layers']) ? wms['layers'].filter((l): l is string => str(l)) : [];
    const origin = new URL(template.replace(/\{[^}]*\}/g, '0')).origin;
    // A legend or info URL elsewhere would be a host the planner is not shown: only the map's own host counts.
    const sameHost = (u: unknown): u is string => httpUrl(u) && new URL(u.replace(/\{[^}]*\}/g, '0')).origin === origin;
    const formats = Array.isArray(wms['infoFormats']) ? wms['infoFormats'].filter((f): f is string => str(f, 100)).slice(0, 20) : [];
    service.wms = {
      version: wms['version'] === '1.1.1' ? '1.1.1' : '1.3.0',
      layers,
      infoFormats: formats,
      queryable: wms['queryable'] === true && sameHost(wms['getFeatureInfoUrl']),
      ...(sameHost(wms['legendUrl']) ? { legendUrl: withoutKeys(wms['legendUrl']) } : {}),
      ...(sameHost(wms['getFeatureInfoUrl']) ? { getFeatureInfoUrl: withoutKeys(wms['getFeatureInfoUrl']) } : {}),
    };
  }
  return service;
}

function vectorTiles(v: unknown): VectorTileLayer | string {
  if (!isObj(v)) return 'no vector tiles';
  const tiles = v['tiles'];
  if (!Array.isArray(tiles) || tiles.length === 0 || tiles.length > 10 || !tiles.every(httpUrl)) return 'the tile URLs are not http(s) URLs';
  const plain = tiles.map((t) => withoutKeys(t));
  if (!plain.every((t) => t.includes('{z}') && t.includes('{x}') && t.includes('{y}'))) return 'a tile URL has no {z}/{x}/{y}';
  const sourceLayer = v['sourceLayer'];
  if (!str(sourceLayer) || !sourceLayer) return 'no source layer';
  const fields = Array.isArray(v['fields']) ? v['fields'].filter((f): f is string => str(f)).slice(0, 500) : [];
  const b = v['bounds'];
  const bounds = Array.isArray(b) && b.length === 4 && b.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(b[0]) <= 180 && Math.abs(b[2]) <= 180 && Math.abs(b[1]) <= 90 && Math.abs(b[3]) <= 90
    ? (b as [number, number, number, number])
    : undefined;
  return {
    tiles: plain,
    sourceLayer,
    minzoom: zoom(v['minzoom']) ? v['minzoom'] : 0,
    maxzoom: zoom(v['maxzoom']) ? v['maxzoom'] : 14,
    attribution: plainAttribution(v['attribution']),
    fields,
    ...(bounds ? { bounds } : {}),
  };
}
