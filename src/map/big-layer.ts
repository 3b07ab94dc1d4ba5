/**
 * Big layers are drawn from this zoom on: below it a whole district of small parcels is a grey blur that
 * costs seconds of tile work, so the layer panel says so and the map leaves them out.
 */
export const BIG_LAYER_MIN_ZOOM = 13;

/** Big layers come as vector tiles under this layer name, from the `atlasbig://key/{z}/{x}/{y}` protocol. */
export const BIG_TILE_LAYER = 'features';
export const BIG_TILE_PROTOCOL = 'atlasbig';

/** Where MapLibre gets a big layer's tiles: the app passes a loader backed by the worker that holds the layer. */
export type BigTileLoader = (key: string, z: number, x: number, y: number) => Promise<Uint8Array>;
