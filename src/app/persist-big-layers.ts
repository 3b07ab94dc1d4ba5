import { del, get, set } from 'idb-keyval';
import type { ImportOptions } from '../io/types';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';
import { importKeepingBig } from '../workers/io-client';

/**
 * Big layers survive a reload too. Their features live in the worker, so what is kept is the file they
 * came from (IndexedDB stores it as a blob) and how it was read; on reload the worker reads it again and
 * the layer comes back with its id, title and style. Storage failures cost only this.
 */
const LIST_KEY = 'atlas:big-layers:v1';
const filesKey = (layerId: string) => `atlas:big-layer-files:v1:${layerId}`;

interface BigSource {
  files: File[];
  options: ImportOptions;
  /** position of the layer among the layers the import of `files` gives */
  layerIndex: number;
}

interface SavedBigLayer {
  entry: LayerEntry;
  options: ImportOptions;
  layerIndex: number;
}

const sources = new Map<string, BigSource>();

/** Called by the import for each big layer it adds. */
export function rememberBigSource(layerId: string, source: BigSource): void {
  sources.set(layerId, source);
  set(filesKey(layerId), source.files).catch((e: unknown) => console.warn('Could not save the file of a big layer', e));
}

/** What is stored of an entry: everything but where this session's worker holds it. */
function savedEntry(entry: LayerEntry): LayerEntry {
  const { remote, ...rest } = entry;
  return { ...rest, data: { type: 'FeatureCollection', features: [] }, ...(remote ? { remote: { ...remote, key: '', url: '' } } : {}) };
}

export function persistBigLayers(store: AtlasStore): () => void {
  let last: LayerEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return store.subscribe((s) => {
    const big = s.order.map((id) => s.layers[id]).filter((l): l is LayerEntry => l?.origin === 'user' && !!l.remote && sources.has(l.id));
    if (big.length === last.length && big.every((l, i) => l === last[i])) return;
    for (const gone of last.filter((l) => !s.layers[l.id])) {
      sources.delete(gone.id);
      del(filesKey(gone.id)).catch(() => undefined);
    }
    const sameLayers = big.length === last.length && big.every((l, i) => l.id === last[i]!.id);
    last = big;
    const save = () => {
      const list: SavedBigLayer[] = big.map((l) => ({ entry: savedEntry(l), options: sources.get(l.id)!.options, layerIndex: sources.get(l.id)!.layerIndex }));
      set(LIST_KEY, list).catch((e: unknown) => console.warn('Could not save the list of big layers', e));
    };
    clearTimeout(timer);
    // A layer added or removed is saved at once; style changes (a dragged slider) are gathered first.
    if (sameLayers) timer = setTimeout(save, 300);
    else save();
  });
}

/** Reads the kept files again in the worker, one layer after the other, adding each as it is ready. */
export async function restoreBigLayers(store: AtlasStore): Promise<void> {
  let list: SavedBigLayer[] | undefined;
  try {
    list = (await get(LIST_KEY)) as SavedBigLayer[] | undefined;
  } catch (e) {
    console.warn('Could not read the list of big layers', e);
    return;
  }
  if (!Array.isArray(list)) return;
  for (const saved of list) {
    const id = saved?.entry?.id;
    if (typeof id !== 'string' || store.getState().layers[id]) continue;
    try {
      const files = (await get(filesKey(id))) as File[] | undefined;
      if (!Array.isArray(files) || files.length === 0) continue;
          const { big } = await importKeepingBig(files, saved.options ?? {}, () => undefined);
      const info = big[saved.layerIndex];
          if (!info) continue;
      sources.set(id, { files, options: saved.options ?? {}, layerIndex: saved.layerIndex });
      const remote = { key: info.key, url: info.url, count: info.count, bbox: info.bbox, fields: info.fields };
      store.getState().addLayers([{ ...saved.entry, remote }]);
    } catch (e) {
      console.warn(`Could not restore the big layer ${id}`, e);
    }
  }
}
