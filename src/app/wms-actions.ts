import type { Label } from '../i18n/fields';
import { originOf } from '../services/request-guard';
import { capabilitiesUrl, getMapTemplate, parseWmsCapabilities, type WmsCapabilities, type WmsProblem } from '../services/wms';
import type { AtlasStore } from '../state/store';
import { addTileService } from './service-layers';
import { fetchCapabilities, onTypedHost, type XmlProblem } from './service-xml';

export type WmsRead = { ok: true; caps: WmsCapabilities; url: string } | { ok: false; url: string; problem: XmlProblem | WmsProblem };

/** Reads a WMS's capabilities from what the planner typed: the layers it offers, or what went wrong, by URL. */
export async function readWms(input: string): Promise<WmsRead> {
  const url = capabilitiesUrl(input);
  const r = await fetchCapabilities(url);
  if (!r.ok) return { ok: false, url, problem: r.problem };
  const caps = parseWmsCapabilities(r.doc);
  return 'problem' in caps ? { ok: false, url, problem: caps } : { ok: true, caps: sameHost(caps, url), url };
}

/** GetMap, GetFeatureInfo and legends stay on the host the planner typed (onTypedHost); a legend elsewhere is dropped. */
function sameHost(caps: WmsCapabilities, typed: string): WmsCapabilities {
  const origin = originOf(typed);
  return {
    ...caps,
    getMapUrl: onTypedHost(caps.getMapUrl, typed),
    ...(caps.getFeatureInfoUrl ? { getFeatureInfoUrl: onTypedHost(caps.getFeatureInfoUrl, typed) } : {}),
    layers: caps.layers.map(({ legendUrl, ...l }) => (legendUrl && originOf(legendUrl) === origin ? { ...l, legendUrl } : l)),
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
