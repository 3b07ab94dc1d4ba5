import type { MultiPolygon, Polygon } from 'geojson';
import { guardedFetch } from '../services/request-guard';
import { serverIds } from './server-ids';
import { zoneFilterCql } from '../services/cql2-zone';
import type { ServerLayer } from '../services/vector-tiles';

/**
 * Per zone, the ids of a database layer's features meeting it (boundary contact counts, as the zone
 * statistics of the page and the worker), asked of its server one zone at a time.
 */
export async function serverZoneIds(server: ServerLayer, zones: readonly (Polygon | MultiPolygon)[], fetcher: typeof guardedFetch = guardedFetch): Promise<{ ids: string[][] }> {
  const ids: string[][] = [];
  for (const zone of zones) ids.push(await serverIds(server, zoneFilterCql(zone, 'intersects'), fetcher));
  return { ids };
}
