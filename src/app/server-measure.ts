import type { Feature } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { geodesicLength } from '../analysis/geodesic-length';
import { AREA_UNIT_M2 } from '../analysis/units';
import type { TileHit } from '../map/hit-test';
import { guardedFetch } from '../services/request-guard';
import type { AtlasState } from '../state/store';
import { collectionOf } from './server-export';

/**
 * The measured figures of database features under a click: a tile holds a feature clipped and rounded to
 * its grid, so the whole feature is read from the server's items and measured on the ellipsoid (the
 * export's `area_m2` / `area_mu` / `length_m`). Hits of other layers, and features whose tiles do not name
 * their id, come back as they were.
 */
export async function measureServerHits(s: Pick<AtlasState, 'layers'>, hits: readonly TileHit[], fetcher: typeof guardedFetch = guardedFetch): Promise<TileHit[]> {
  return Promise.all(
    hits.map(async (h) => {
      const server = s.layers[h.layerId]?.vectorTiles?.server;
      const id = server && 'property' in server.id ? h.properties[server.id.property] : undefined;
      if (!server || id === undefined) return h;
      const { base, id: layer } = collectionOf(s.layers[h.layerId]!);
      try {
        const r = await fetcher(`${base}/collections/${encodeURIComponent(layer)}/items/${encodeURIComponent(id)}`, { headers: { Accept: 'application/geo+json' } });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const f = (await r.json()) as Feature;
        const t = f.geometry?.type;
        if (t === 'Polygon' || t === 'MultiPolygon') {
          const m2 = geodesicArea(f.geometry);
          return { ...h, properties: { ...h.properties, area_m2: m2.toFixed(2), area_mu: (m2 / AREA_UNIT_M2.mu).toFixed(2) } };
        }
        if (t === 'LineString' || t === 'MultiLineString') return { ...h, properties: { ...h.properties, length_m: geodesicLength(f.geometry).toFixed(2) } };
        return h;
      } catch (e) {
        return { ...h, properties: { ...h.properties, area_m2: `— (${e instanceof Error ? e.message : String(e)})` } };
      }
    }),
  );
}
