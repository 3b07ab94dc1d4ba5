import type * as AtlasMapModule from '../map/atlas-map';
import { loadOnce } from '../map/load-once';

/**
 * The map adapter with MapLibre, as a chunk of its own: the page evaluates it in a task of its own rather
 * than inside the app's start-up script, which would otherwise hold the main thread past 100 ms at once.
 * index.html preloads the chunk, so starting it here costs no extra round trip.
 */
export const loadAtlasMap: () => Promise<typeof AtlasMapModule> = loadOnce(() => import('../map/atlas-map'));
