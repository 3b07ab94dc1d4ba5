import type { Label } from '../i18n/fields';
import { fetchServiceText, type FetchProblem } from '../services/fetch-text';
import { capabilitiesUrl, getMapTemplate, MAX_CAPABILITIES_BYTES, parseWmsCapabilities, unsafeXml, type WmsCapabilities, type WmsProblem } from '../services/wms';
import type { AtlasStore } from '../state/store';
import { addTileService } from './service-layers';

export type WmsRead = { ok: true; caps: WmsCapabilities; url: string } | { ok: false; url: string; problem: FetchProblem | WmsProblem | { problem: 'entities' | 'not-xml' } };

/** Reads a WMS's capabilities from what the planner typed: the layers it offers, or what went wrong, by URL. */
export async function readWms(input: string): Promise<WmsRead> {
  const url = capabilitiesUrl(input);
  const r = await fetchServiceText(url, { maxBytes: MAX_CAPABILITIES_BYTES, timeoutMs: 20_000 });
  if (!r.ok) return { ok: false, url, problem: r };
  const unsafe = unsafeXml(r.text);
  if (unsafe === 'too-large') return { ok: false, url, problem: { problem: 'too-large', limitMb: 10 } };
  if (unsafe) return { ok: false, url, problem: { problem: 'entities' } };
  const doc = new DOMParser().parseFromString(r.text, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length) return { ok: false, url, problem: { problem: 'not-xml' } };
  const caps = parseWmsCapabilities(doc);
  return 'problem' in caps ? { ok: false, url, problem: caps } : { ok: true, caps: sameHost(caps, url), url };
}

const originOf = (u: string) => {
  try {
    return new URL(u).origin;
  } catch {
    return '';
  }
};

/**
 * A capabilities document may name other hosts for GetMap, GetFeatureInfo and legends (an internal name,
 * or a hostile one): requests stay on the host the planner typed, as QGIS's "ignore reported URI" does.
 */
function sameHost(caps: WmsCapabilities, typed: string): WmsCapabilities {
  const origin = originOf(typed);
  const base = typed.replace(/([?&])(service|request|version)=[^&]*/gi, '$1').replace(/[?&]+$/, '').replace(/\?&+/, '?');
  const keep = (u: string | undefined) => (u && originOf(u) === origin ? u : undefined);
  return {
    ...caps,
    getMapUrl: keep(caps.getMapUrl) ?? base,
    ...(caps.getFeatureInfoUrl ? { getFeatureInfoUrl: keep(caps.getFeatureInfoUrl) ?? base } : {}),
    layers: caps.layers.map(({ legendUrl, ...l }) => (keep(legendUrl) ? { ...l, legendUrl } : l)),
  };
}

/** Each chosen WMS layer becomes a layer of the atlas (an overlay, drawn as GetMap tiles), top-most last. */
export function addWmsLayers(store: AtlasStore, caps: WmsCapabilities, names: readonly string[]): string[] {
  return names.map((name) => {
    const layer = caps.layers.find((l) => l.name === name)!;
    const title: Label = { zh: layer.title, en: layer.title };
    return addTileService(
      store,
      {
        kind: 'xyz',
        template: getMapTemplate(caps, [name]),
        subdomains: [],
        attribution: caps.title,
        minzoom: 0,
        maxzoom: 22,
        role: 'overlay',
        tileSize: 256,
        wms: {
          url: caps.getMapUrl,
          version: caps.version,
          layers: [name],
          queryable: layer.queryable,
          infoFormats: caps.infoFormats,
          ...(layer.legendUrl ? { legendUrl: layer.legendUrl } : {}),
          ...(caps.getFeatureInfoUrl ? { getFeatureInfoUrl: caps.getFeatureInfoUrl } : {}),
        },
      },
      title,
    );
  });
}
