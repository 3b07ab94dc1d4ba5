import { serverFilterCql } from '../services/cql2-zone';
import { guardedFetch } from '../services/request-guard';
import type { ServerLayer } from '../services/vector-tiles';
import { hasFilterCriteria } from '../state/filters-slice';
import { zoneGeometry } from '../state/filter-result';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasState } from '../state/store';

/** The current filter of a database layer as CQL2 (see serverFilterCql); null while no filter is set. */
export function layerFilterCql(s: AtlasState, layer: LayerEntry): ReturnType<typeof serverFilterCql> | null {
  if (s.zone === null && !hasFilterCriteria(s)) return null;
  return serverFilterCql(zoneGeometry(s, s.zone), s.predicate, s.attr, layer.vectorTiles!.fields);
}

/** The ids of a database layer's features a CQL2 filter passes, from its server's zone-filter analysis. */
export async function serverIds(server: ServerLayer, cql: string, fetcher: typeof guardedFetch = guardedFetch): Promise<string[]> {
  const r = await fetcher(`${server.analysis}/zone-filter?filter=${encodeURIComponent(cql)}`);
  const body = (await r.json().catch(() => null)) as { ids?: unknown; error?: unknown } | null;
  if (!r.ok || !body || !Array.isArray(body.ids)) throw new Error(`${r.status}${typeof body?.error === 'string' ? ` ${body.error}` : ''}`);
  return body.ids.map(String);
}
