import { originOf } from '../services/request-guard';
import { withQuery } from '../services/wms';
import { parseWmtsCapabilities, type WmtsLayer } from '../services/wmts';
import type { AtlasStore } from '../state/store';
import { addTileService } from './service-layers';
import { fetchCapabilities, type XmlProblem } from './service-xml';

export type WmtsResult = { ok: true; url: string; title: string; layers: WmtsLayer[]; unusable: string[] } | { ok: false; url: string; problem: XmlProblem | { problem: 'not-wmts' | 'no-layers' } };

/** A WMTS's layers drawable on the Web Mercator map, read from the address a planner typed. */
export async function readWmts(input: string): Promise<WmtsResult> {
  const u = input.trim();
  const url = /request=getcapabilities|WMTSCapabilities\.xml/i.test(u) ? u : withQuery(u, { SERVICE: 'WMTS', REQUEST: 'GetCapabilities' });
  const r = await fetchCapabilities(url);
  if (!r.ok) return { ok: false, url, problem: r.problem };
  const caps = parseWmtsCapabilities(r.doc);
  if ('problem' in caps) return { ok: false, url, problem: caps };
  // Tiles stay on the host the planner typed (a capabilities document could name any other).
  const origin = originOf(url);
  const layers = caps.layers.filter((l) => originOf(l.template.replace(/\{[^}]*\}/g, '0')) === origin);
  return { ok: true, url, title: caps.title, layers, unusable: [...caps.unusable, ...caps.layers.filter((l) => !layers.includes(l)).map((l) => l.title)] };
}

export function addWmtsLayer(store: AtlasStore, title: string, layer: WmtsLayer): string {
  return addTileService(
    store,
    { kind: 'xyz', template: layer.template, subdomains: [], attribution: title, minzoom: layer.minzoom, maxzoom: layer.maxzoom, role: 'overlay', tileSize: 256 },
    { zh: layer.title, en: layer.title },
  );
}
