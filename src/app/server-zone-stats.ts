import type { MultiPolygon, Polygon } from 'geojson';
import { guardedFetch } from '../services/request-guard';
import { zoneFilterCql } from '../services/cql2-zone';
import type { ServerLayer } from '../services/vector-tiles';

/**
 * Per zone, the ids of a database layer's features meeting it (boundary contact counts, as the zone
 * statistics of the page and the worker), asked of its server one zone at a time.
 */
export async function serverZoneIds(server: ServerLayer, zones: readonly (Polygon | MultiPolygon)[], fetcher: typeof guardedFetch = guardedFetch): Promise<{ ids: string[][] }> {
  const ids: string[][] = [];
  for (const zone of zones) {
    const r = await fetcher(`${server.analysis}/zone-filter?filter=${encodeURIComponent(zoneFilterCql(zone, 'intersects'))}`);
    const body = (await r.json().catch(() => null)) as { ids?: unknown; error?: unknown } | null;
    if (!r.ok || !body || !Array.isArray(body.ids)) throw new Error(`${r.status}${typeof body?.error === 'string' ? ` ${body.error}` : ''}`);
    ids.push(body.ids.map(String));
  }
  return { ids };
}
