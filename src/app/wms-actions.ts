import type { Label } from '../i18n/fields';
import { originOf } from '../services/request-guard';
import { capabilitiesUrl, getMapTemplate, parseWmsCapabilities, type WmsCapabilities, type WmsProblem } from '../services/wms';
import type { AtlasStore } from '../state/store';
import { addTileService } from './service-layers';
import { fetchCapabilities, type XmlProblem } from './service-xml';

export type WmsRead = { ok: true; caps: WmsCapabilities; url: string } | { ok: false; url: string; problem: XmlProblem | WmsProblem };

/** Reads a WMS's capabilities from what the planner typed: the layers it offers, or what went wrong, by URL. */
export async function readWms(input: string): Promise<WmsRead> {
  const url = capabilitiesUrl(input);
  const r = await fetchCapabilities(url);
  if (!r.ok) return { ok: false, url, problem: r.problem };
  const caps = parseWmsCapabilities(r.doc);
  return 'problem' in caps ? { ok: false, url, problem: caps } : { ok: true, caps: sameHost(caps, url), url };
}

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
