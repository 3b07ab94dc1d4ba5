/**
 * Export of database layers: their features are not in the page, so the file is written from the server's
 * OGC API items, narrowed there by the same CQL2 filter the map shows (the 'filter' scope) or whole (the
 * 'layer' scope), up to the items the OGC reader takes at once.
 */
import type { Feature } from 'geojson';
import { readItems } from '../services/ogc-features';
import { selectFilterResult } from '../state/filter-result';
import { layerFilterCql } from './server-ids';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasState } from '../state/store';
import type { ExportRequest } from './export-actions';

const isServer = (l: LayerEntry | undefined): l is LayerEntry => !!l?.vectorTiles?.server;

/** Scopes whose database layers are written from their server (the others name them in the dialog). */
export const SERVER_SCOPES: readonly ExportRequest['scope'][] = ['layer', 'filter'];

/** The database layers a request covers, each with the CQL2 filter its features must pass (null: all). */
export function serverScopes(s: AtlasState, req: ExportRequest): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (req.scope === 'layer') {
    const layer = req.layerId ? s.layers[req.layerId] : undefined;
    if (isServer(layer)) out.set(layer.id, null);
  } else if (req.scope === 'filter') {
    for (const l of Object.values(s.layers)) {
      if (!isServer(l) || !l.visible || !l.filterable) continue;
      out.set(l.id, layerFilterCql(s, l)?.cql ?? null);
    }
  }
  return out;
}

/** How many features of database layers a request writes: the filter's answer where it has come, else the layer's count. */
export function serverCount(s: AtlasState, req: ExportRequest): number {
  const pass = selectFilterResult(s).byLayer;
  let n = 0;
  for (const [id, cql] of serverScopes(s, req)) n += cql !== null && pass[id] ? pass[id]!.size : s.layers[id]!.vectorTiles!.server!.count;
  return n;
}

/** The server's base URL and collection id of a database layer, from its analysis URL (`{base}/analysis/{id}`). */
export function collectionOf(layer: LayerEntry): { base: string; id: string } {
  const m = /^(.*)\/analysis\/([^/?#]+)$/.exec(layer.vectorTiles!.server!.analysis);
  if (!m) throw new Error(`${layer.vectorTiles!.server!.analysis}: not an analysis address of the atlas's server`);
  return { base: m[1]!, id: decodeURIComponent(m[2]!) };
}

/** The features of one database layer for an export, or an error naming the URL and the problem. */
export async function serverFeatures(layer: LayerEntry, cql: string | null): Promise<Feature[]> {
  const { base, id } = collectionOf(layer);
  const r = await readItems(base, id, undefined, 10_000, cql ?? undefined);
  if (r.ok) return r.features;
  const p = r.problem;
  const why = 'status' in p ? `HTTP ${p.status}` : p.problem === 'too-many' ? `more than ${p.limit} features: export it from the database with ogr2ogr` : p.problem;
  throw new Error(`${layer.title.en}: ${r.url}: ${why}`);
}
