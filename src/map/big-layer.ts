/**
 * Big layers are drawn at every zoom: feature by feature where a tile holds few enough, else as a density
 * grid (see src/workers/density-tile.ts). Their names appear from this zoom on, where parcels are large
 * enough on screen to carry them.
 */
export const BIG_LABEL_MIN_ZOOM = 16;

/** The property of a density cell in a big layer's tile: how many features have their centre in it. */
export const DENSITY_FIELD = '__density';
/** …and how many of those pass the filter, when the tile was asked for with one (`?m=` a filter mask id). */
export const DENSITY_MATCHED_FIELD = '__density_in';

/** Big layers come as vector tiles under this layer name, from the `atlasbig://key/{z}/{x}/{y}` protocol. */
export const BIG_TILE_LAYER = 'features';
export const BIG_TILE_PROTOCOL = 'atlasbig';

/** Where MapLibre gets a big layer's tiles: the app passes a loader backed by the worker that holds the layer. */
export type BigTileLoader = (key: string, z: number, x: number, y: number, maskId?: number) => Promise<Uint8Array>;
