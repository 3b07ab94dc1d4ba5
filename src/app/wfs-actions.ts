import type { Feature } from 'geojson';
import { fetchServiceText, type FetchProblem } from '../services/fetch-text';
import { exceptionText, getFeatureUrl, numberMatched, parseWfsCapabilities, wfsCapabilitiesUrl, type WfsCapabilities, type WfsProblem, type WfsSource, type WfsType } from '../services/wfs';
import type { AtlasStore } from '../state/store';
import { importFiles } from './import-actions';
import { serviceFileName } from './ogc-actions';
import { fetchCapabilities, onTypedHost, type XmlProblem } from './service-xml';

export type WfsLoadProblem = FetchProblem | WfsProblem | { problem: 'not-json' | 'not-features' | 'too-many'; limit?: number };
export type WfsRead = { ok: true; caps: WfsCapabilities; url: string } | { ok: false; url: string; problem: XmlProblem | WfsProblem };

/** Up to this many features a type is loaded whole; beyond, only what lies in the map's view (up to as many). */
export const WFS_WHOLE = 50_000;
const PAGE = 5_000;

export async function readWfs(input: string): Promise<WfsRead> {
  const url = wfsCapabilitiesUrl(input);
  const r = await fetchCapabilities(url);
  if (!r.ok) return { ok: false, url, problem: r.problem };
  const caps = parseWfsCapabilities(r.doc);
  if ('problem' in caps) return { ok: false, url, problem: caps };
  return { ok: true, caps: { ...caps, getFeatureUrl: onTypedHost(caps.getFeatureUrl, url), describeUrl: onTypedHost(caps.describeUrl, url) }, url };
}

export type Got = { ok: true; text: string } | { ok: false; url: string; problem: WfsLoadProblem };

export async function fetchWfsText(url: string): Promise<Got> {
  const r = await fetchServiceText(url, { maxBytes: 200 * 1024 * 1024, timeoutMs: 120_000 });
  if (!r.ok) return { ok: false, url, problem: r };
  const ex = exceptionText(r.text);
  return ex ? { ok: false, url, problem: { problem: 'exception', message: ex } } : { ok: true, text: r.text };
}

/** GeoJSON pages (startIndex/count where the server pages) until a short page or `limit` features. */
async function jsonFeatures(caps: Pick<WfsCapabilities, 'getFeatureUrl' | 'paging'>, type: WfsType, part: { bbox?: WfsType['bbox']; filter?: string }, limit: number, onCount: (n: number) => void): Promise<{ ok: true; features: Feature[] } | { ok: false; url: string; problem: WfsLoadProblem }> {
  const features: Feature[] = [];
  for (let start = 0; ; start += PAGE) {
    const count = caps.paging ? PAGE : limit + 1;
    const url = getFeatureUrl(caps, type, { json: true, count, ...(caps.paging ? { startIndex: start } : {}), ...part });
    const r = await fetchWfsText(url);
    if (!r.ok) return r;
    let page: { type?: unknown; features?: unknown };
    try {
      page = JSON.parse(r.text) as typeof page;
    } catch {
      return { ok: false, url, problem: { problem: 'not-json' } };
    }
    if (page?.type !== 'FeatureCollection' || !Array.isArray(page.features)) return { ok: false, url, problem: { problem: 'not-features' } };
    features.push(...(page.features as Feature[]));
    onCount(features.length);
    if (features.length > limit) return { ok: false, url, problem: { problem: 'too-many', limit } };
    if (!caps.paging || page.features.length < count) return { ok: true, features };
  }
}

type Fetched = { ok: true; file: File } | { ok: false; url: string; problem: WfsLoadProblem };

/** One part of a type (all of it, a box, or what meets a filter) as a file for the import. */
export async function fetchWfsFile(caps: Pick<WfsCapabilities, 'getFeatureUrl' | 'paging'>, type: WfsType, part: { bbox?: WfsType['bbox']; filter?: string }, onCount: (n: number) => void): Promise<Fetched> {
  const name = serviceFileName(type.title, type.name);
  if (type.jsonFormat) {
    const r = await jsonFeatures(caps, type, part, WFS_WHOLE, onCount);
    if (!r.ok) return r;
    return { ok: true, file: new File([JSON.stringify({ type: 'FeatureCollection', features: r.features })], `${name}.geojson`, { type: 'application/geo+json' }) };
  }
  const url = getFeatureUrl(caps, type, { json: false, count: WFS_WHOLE + 1, ...part });
  const r = await fetchWfsText(url);
  if (!r.ok) return r;
  const returned = Number(/numberReturned="(\d+)"/.exec(r.text.slice(0, 4096))?.[1] ?? NaN);
  if (returned > WFS_WHOLE) return { ok: false, url, problem: { problem: 'too-many', limit: WFS_WHOLE } };
  return { ok: true, file: new File([r.text], `${name}.gml`, { type: 'application/gml+xml' }) };
}

/** Imports a fetched part like a file; the new layers remember where they came from. Returns their ids and feature count. */
export async function importWfsFile(store: AtlasStore, file: File, source: WfsSource): Promise<{ ids: string[]; n: number }> {
  const before = new Set(store.getState().order);
  await importFiles(store, [file]);
  const ids = store.getState().order.filter((id) => !before.has(id));
  let n = 0;
  for (const id of ids) {
    const l = store.getState().layers[id];
    n += l?.remote?.count ?? l?.data.features.length ?? 0;
    if (l) store.getState().addLayers([{ ...l, wfs: source }]);
  }
  return { ids, n };
}

/**
 * Loads a feature type as a layer, through the import like a file (its checks, ids, CRS, GCJ-02 evidence):
 * whole when it has up to WFS_WHOLE features, else the part in `view`. GeoJSON where the server offers it,
 * else GML 3.2 read by GDAL. Returns how many features came and whether they are all of them.
 */
export async function loadWfsType(
  store: AtlasStore,
  caps: WfsCapabilities,
  type: WfsType,
  view: [number, number, number, number],
  onCount: (n: number) => void,
): Promise<{ ok: true; n: number; scope: 'whole' | 'view'; matched: number | null } | { ok: false; url: string; problem: WfsLoadProblem }> {
  const hitsUrl = getFeatureUrl(caps, type, { hits: true, json: false });
  const hits = await fetchWfsText(hitsUrl);
  if (!hits.ok) return hits;
  const matched = numberMatched(hits.text);
  const scope = matched !== null && matched > WFS_WHOLE ? 'view' : 'whole';
  const r = await fetchWfsFile(caps, type, scope === 'view' ? { bbox: view } : {}, onCount);
  if (!r.ok) return r;
  const { getFeatureUrl: gf, describeUrl, paging, spatialFilter } = caps;
  const { n } = await importWfsFile(store, r.file, { getFeatureUrl: gf, describeUrl, paging, spatialFilter, type, scope, matched });
  return { ok: true, n, scope, matched };
}
