import { filterKey, hasFilterCriteria } from '../state/filters-slice';
import { zoneGeometry } from '../state/filter-result';
import type { AtlasStore } from '../state/store';
import { ioWorker } from '../workers/io-client';

/**
 * Keeps the filter results of big (worker-held) layers up to date: whenever the filter or the set of big
 * layers changes, the worker filters them with its index and only matching positions come back.
 */
export function startRemoteFilter(store: AtlasStore): () => void {
  const asked = new Map<string, string>();
  let held = new Map<string, { key: string; url: string }>();
  return store.subscribe((s) => {
    const now = new Map(Object.values(s.layers).flatMap((l) => (l.remote ? [[l.id, l.remote] as const] : [])));
    // A removed big layer frees its features in the worker and its blob URL.
    for (const [id, r] of held) if (!now.has(id)) void ioWorker().dropBig(r.key);
    held = now;
    const key = filterKey(s);
    const active = s.zone !== null || hasFilterCriteria(s);
    for (const layer of Object.values(s.layers)) {
      if (!layer.remote || !layer.filterable || !active || asked.get(layer.id) === key) continue;
      asked.set(layer.id, key);
      const zone = zoneGeometry(s, s.zone);
      void ioWorker()
        .filterBig(layer.remote.key, zone, s.predicate, s.attr, s.expressions[layer.id])
        .then(({ matched, investmentCny, maskId }) => {
          if (filterKey(store.getState()) !== key) return;
          const ids = new Set<string>();
          for (const i of matched) ids.add(String(i));
          store.getState().setRemoteResult(layer.id, { key, ids, investmentCny, maskId });
        });
    }
  });
}
