import { filterKey, hasFilterCriteria } from '../state/filters-slice';
import type { AtlasState, AtlasStore } from '../state/store';
import { guardedFetch } from '../services/request-guard';
import { layerFilterCql, serverIds } from './server-ids';

/**
 * Keeps the filter results of database layers (vector tiles of the atlas's own server) up to date: the zone
 * and the attribute criteria go to the server as one CQL2 filter, and only the ids it passes come back.
 * An expression filter is MapLibre's language, which the database does not speak: it is not sent, and the
 * layer says so instead of showing features the expression would have hidden. A failed request is tried
 * again after `retryMs` while the same filter stands.
 */
export function startServerFilter(store: AtlasStore, fetcher: typeof guardedFetch = guardedFetch, retryMs = 10_000): () => void {
  const asked = new Map<string, string>();
  const check = (s: AtlasState) => {
    const key = filterKey(s);
    const active = s.zone !== null || hasFilterCriteria(s);
    for (const layer of Object.values(s.layers)) {
      const server = layer.vectorTiles?.server;
      if (!server || !layer.filterable || !active || asked.get(layer.id) === key) continue;
      asked.set(layer.id, key);
      const id = layer.id;
      const problem = (p: string | null) => store.getState().setServerFilterProblem(id, p);
      if (s.expressions[id] !== undefined) {
        problem('expression');
        continue;
      }
      const { cql, unsupported } = layerFilterCql(s, layer)!;
      if (unsupported.length) {
        problem(`unsupported:${unsupported.join(',')}`);
        continue;
      }
      const done = (ids: string[]) => {
        if (filterKey(store.getState()) !== key) return;
        problem(null);
        store.getState().setRemoteResult(id, { key, ids: new Set(ids), investmentCny: 0, maskId: 0 });
      };
      // Criteria on fields the layer does not have pass everything there, as on the page.
      if (cql === null) {
        problem(null);
        store.getState().setRemoteResult(id, { key, ids: new Set(), investmentCny: 0, maskId: 0, all: true });
        continue;
      }
      void serverIds(server, cql, fetcher)
        .then(done)
        .catch((e: unknown) => {
          if (filterKey(store.getState()) !== key) return;
          problem(`failed:${e instanceof Error ? e.message : String(e)}`);
          // A database that is down or busy is asked again a while later, as long as the filter stands.
          setTimeout(() => {
            if (asked.get(id) !== key || filterKey(store.getState()) !== key) return;
            asked.delete(id);
            check(store.getState());
          }, retryMs);
        });
    }
  };
  return store.subscribe(check);
}
