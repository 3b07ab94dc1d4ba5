import { withQuery } from './wms';
import { kid, kids, text } from './xml-walk';

/**
 * WMTS 1.0.0 capabilities: layers, their styles and formats, and the tile matrix sets MapLibre can draw —
 * Web Mercator ones (EPSG:3857 / 900913, or the GoogleMapsCompatible well-known scale set) whose matrices
 * are the standard pyramid, named by zoom with or without a common prefix ("5", "EPSG:900913:5"). Each
 * usable layer gives a tile template: the RESTful ResourceURL where offered, else KVP GetTile.
 */
export interface WmtsLayer {
  id: string;
  title: string;
  template: string;
  minzoom: number;
  maxzoom: number;
  format: string;
}

export type WmtsRead = { title: string; layers: WmtsLayer[]; unusable: string[] } | { problem: 'not-wmts' | 'no-layers' };


/** Scale denominator of zoom 0 of the Web Mercator pyramid (256 px tiles, 0.28 mm pixels). */
const Z0 = 559082264.0287178;

interface Pyramid {
  prefix: string;
  minzoom: number;
  maxzoom: number;
}

function mercatorPyramid(set: Element): Pyramid | null {
  const crs = text(kid(set, 'SupportedCRS'));
  const wellKnown = text(kid(set, 'WellKnownScaleSet'));
  if (!/(3857|900913)$/.test(crs) && !/GoogleMapsCompatible/i.test(wellKnown)) return null;
  const zooms: { id: string; z: number }[] = [];
  for (const m of kids(set, 'TileMatrix')) {
    const scale = Number(text(kid(m, 'ScaleDenominator')));
    const z = Math.log2(Z0 / scale);
    if (!Number.isFinite(z) || Math.abs(z - Math.round(z)) > 1e-3 || Number(text(kid(m, 'TileWidth')) || 256) !== 256) return null;
    zooms.push({ id: text(kid(m, 'Identifier')), z: Math.round(z) });
  }
  if (!zooms.length) return null;
  const first = zooms[0]!;
  const prefix = first.id.slice(0, first.id.length - String(first.z).length);
  if (!zooms.every((m) => m.id === `${prefix}${m.z}`)) return null;
  return { prefix, minzoom: Math.min(...zooms.map((m) => m.z)), maxzoom: Math.max(...zooms.map((m) => m.z)) };
}

function kvpUrl(root: Element): string {
  for (const op of root.getElementsByTagNameNS('*', 'Operation')) {
    if (op.getAttribute('name') !== 'GetTile') continue;
    for (const get of op.getElementsByTagNameNS('*', 'Get')) return get.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? get.getAttribute('xlink:href') ?? '';
  }
  return '';
}

export function parseWmtsCapabilities(doc: Document): WmtsRead {
  const root = doc.documentElement;
  if (!root || root.localName !== 'Capabilities') return { problem: 'not-wmts' };
  const contents = kid(root, 'Contents');
  if (!contents) return { problem: 'not-wmts' };
  const sets = new Map<string, Pyramid>();
  for (const s of kids(contents, 'TileMatrixSet')) {
    const p = mercatorPyramid(s);
    if (p) sets.set(text(kid(s, 'Identifier')), p);
  }
  const kvp = kvpUrl(root);
  const layers: WmtsLayer[] = [];
  const unusable: string[] = [];
  for (const l of kids(contents, 'Layer')) {
    const id = text(kid(l, 'Identifier'));
    const title = text(kid(l, 'Title')) || id;
    const style = kids(l, 'Style').find((s) => s.getAttribute('isDefault') === 'true') ?? kids(l, 'Style')[0];
    const styleId = text(style ? kid(style, 'Identifier') : undefined) || 'default';
    const formats = kids(l, 'Format').map(text);
    const format = formats.find((f) => f === 'image/png') ?? formats.find((f) => f.startsWith('image/')) ?? 'image/png';
    const link = kids(l, 'TileMatrixSetLink').map((k) => text(kid(k, 'TileMatrixSet'))).find((s) => sets.has(s));
    if (!id || !link) {
      unusable.push(title);
      continue;
    }
    const p = sets.get(link)!;
    const rest = kids(l, 'ResourceURL').find((r) => r.getAttribute('resourceType') === 'tile' && (r.getAttribute('format') ?? format) === format);
    const template = rest
      ? (rest.getAttribute('template') ?? '')
          .replace(/\{TileMatrixSet\}/gi, link)
          .replace(/\{TileMatrix\}/gi, `${p.prefix}{z}`)
          .replace(/\{TileRow\}/gi, '{y}')
          .replace(/\{TileCol\}/gi, '{x}')
          .replace(/\{Style\}/gi, styleId)
      : kvp
        ? withQuery(kvp, { SERVICE: 'WMTS', REQUEST: 'GetTile', VERSION: '1.0.0', LAYER: id, STYLE: styleId, TILEMATRIXSET: link, TILEMATRIX: `${p.prefix}{z}`, TILEROW: '{y}', TILECOL: '{x}', FORMAT: format })
        : '';
    if (!template) {
      unusable.push(title);
      continue;
    }
    layers.push({ id, title, template, minzoom: p.minzoom, maxzoom: p.maxzoom, format });
  }
  if (!layers.length && !unusable.length) return { problem: 'no-layers' };
  return { title: text(kid(kid(root, 'ServiceIdentification') ?? root, 'Title')), layers, unusable };
}
