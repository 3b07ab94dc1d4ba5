import { get, set } from 'idb-keyval';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';

const KEY = 'atlas:user-layers:v1';

/**
 * Imported layers survive a reload: they are kept in IndexedDB until the user removes them.
 * Storage failures (private mode, quota) only cost persistence, never the session.
 */
export async function restoreUserLayers(store: AtlasStore): Promise<void> {
  try {
    const saved = (await get(KEY)) as LayerEntry[] | undefined;
    if (Array.isArray(saved) && saved.length) store.getState().addLayers(saved.filter((l) => l && l.origin === 'user' && l.data?.type === 'FeatureCollection'));
  } catch (e) {
    console.warn('Could not restore imported layers', e);
  }
}

export function persistUserLayers(store: AtlasStore): () => void {
  let last: LayerEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return store.subscribe((s) => {
    // Big layers are kept by persist-big-layers (their features are in the worker), edited layers by
    // persist-edits (a journal); layers opened from the page address come back from there.
    const user = s.order.map((id) => s.layers[id]).filter((l): l is LayerEntry => l?.origin === 'user' && !l.remote && !l.fromAddress && !l.editable);
    if (user.length === last.length && user.every((l, i) => l === last[i])) return;
    last = user;
    clearTimeout(timer);
    timer = setTimeout(() => {
      set(KEY, user).catch((e: unknown) => console.warn('Could not save imported layers', e));
    }, 300);
  });
}
