import { fetchServiceText, type FetchProblem } from '../services/fetch-text';
import { MAX_CAPABILITIES_BYTES, unsafeXml, withQuery } from '../services/wms';
import { parseWmtsCapabilities, type WmtsLayer } from '../services/wmts';
import type { AtlasStore } from '../state/store';
import { addTileService } from './service-layers';

export type WmtsResult = { ok: true; url: string; title: string; layers: WmtsLayer[]; unusable: string[] } | { ok: false; url: string; problem: FetchProblem | { problem: 'entities' | 'not-xml' | 'not-wmts' | 'no-layers' } };

/** A WMTS's layers drawable on the Web Mercator map, read from the address a planner typed. */
export async function readWmts(input: string): Promise<WmtsResult> {
  const u = input.trim();
  const url = /request=getcapabilities|WMTSCapabilities\.xml/i.test(u) ? u : withQuery(u, { SERVICE: 'WMTS', REQUEST: 'GetCapabilities' });
  const r = await fetchServiceText(url, { maxBytes: MAX_CAPABILITIES_BYTES, timeoutMs: 20_000 });
  if (!r.ok) return { ok: false, url, problem: r };
  const unsafe = unsafeXml(r.text);
  if (unsafe) return { ok: false, url, problem: unsafe === 'too-large' ? { problem: 'too-large', limitMb: 10 } : { problem: 'entities' } };
  const doc = new DOMParser().parseFromString(r.text, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length) return { ok: false, url, problem: { problem: 'not-xml' } };
  const caps = parseWmtsCapabilities(doc);
  if ('problem' in caps) return { ok: false, url, problem: caps };
  // Tiles stay on the host the planner typed (a capabilities document could name any other).
  const origin = new URL(url).origin;
  const layers = caps.layers.filter((l) => {
    try {
      return new URL(l.template.replace(/\{[^}]*\}/g, '0')).origin === origin;
    } catch {
      return false;
    }
  });
  return { ok: true, url, title: caps.title, layers, unusable: [...caps.unusable, ...caps.layers.filter((l) => !layers.includes(l)).map((l) => l.title)] };
}

export function addWmtsLayer(store: AtlasStore, title: string, layer: WmtsLayer): string {
  return addTileService(
    store,
    { kind: 'xyz', template: layer.template, subdomains: [], attribution: title, minzoom: layer.minzoom, maxzoom: layer.maxzoom, role: 'overlay', tileSize: 256 },
    { zh: layer.title, en: layer.title },
  );
}
