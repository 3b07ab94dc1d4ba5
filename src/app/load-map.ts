import type * as AtlasMapModule from '../map/atlas-map';

let pending: Promise<typeof AtlasMapModule> | null = null;

/**
 * The map adapter with MapLibre, as a chunk of its own: the page evaluates it in a task of its own rather
 * than inside the app's start-up script, which would otherwise hold the main thread past 100 ms at once.
 * index.html preloads the chunk, so starting it here costs no extra round trip.
 */
export function loadAtlasMap(): Promise<typeof AtlasMapModule> {
  if (!pending) {
    pending = import('../map/atlas-map');
    // A failed download is not remembered: the next call tries again.
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}
