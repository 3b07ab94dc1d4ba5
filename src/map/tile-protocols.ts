import * as maplibregl from 'maplibre-gl';
import type { Map as MlMap } from 'maplibre-gl';
import { ARCHIVE_PROTOCOL } from '../services/pmtiles-archive';
import { BIG_TILE_PROTOCOL, type BigTileLoader } from './big-layer';

/**
 * Tiles MapLibre gets from the app rather than a server: big layers' (cut by the worker holding the layer)
 * and PMTiles archives' (read by the app through its request gate); and the tiles a service failed to
 * give, reported per layer.
 */
export function registerBigTileProtocol(load: BigTileLoader): () => void {
  // MapLibre asks, the worker holding the layer encodes the tile, only bytes cross.
  maplibregl.addProtocol(BIG_TILE_PROTOCOL, async (params) => {
    const m = /^atlasbig:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)(?:\?m=(\d+))?$/.exec(params.url);
    if (!m) throw new Error(`bad tile address ${params.url}`);
    const data = await load(m[1]!, Number(m[2]), Number(m[3]), Number(m[4]), m[5] === undefined ? undefined : Number(m[5]));
    return { data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer };
  });
  return () => maplibregl.removeProtocol(BIG_TILE_PROTOCOL);
}

export function registerArchiveProtocol(load: (url: string, signal: AbortSignal) => Promise<Uint8Array | null>): () => void {
  maplibregl.addProtocol(ARCHIVE_PROTOCOL, async (params, abort) => {
    const data = await load(params.url, abort.signal);
    // No data: the archive has no such raster tile (MapLibre leaves the place empty).
    return { data: (data ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : null) as ArrayBuffer };
  });
  return () => maplibregl.removeProtocol(ARCHIVE_PROTOCOL);
}

/** Reports the tiles a service layer's source failed to load: the layer (by its source) and why. */
export function watchServiceErrors(map: MlMap, layerOf: (sourceId: string) => string | null, report: (layerId: string, reason: string) => void): () => void {
  const onError = (e: { sourceId?: string; error?: { status?: number; message?: string; name?: string } }) => {
    const layerId = e.sourceId ? layerOf(e.sourceId) : null;
    if (!layerId || e.error?.name === 'AbortError') return;
    report(layerId, e.error?.status ? `HTTP ${e.error.status}` : (e.error?.message ?? 'error').slice(0, 200));
  };
  map.on('error', onError);
  return () => map.off('error', onError);
}
