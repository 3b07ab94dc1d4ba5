/**
 * The detailed vector tile z/x/y of a big layer, cut when MapLibre asks for it: geojson-vt over only the
 * features whose box meets the tile and its buffer, found in the layer's R-tree. geojson-vt converts,
 * simplifies and clips each feature on its own, so the tile is the one an index of the whole layer gives
 * (tests/unit/workers/detail-tile.test.ts), without converting every feature up front, which cost more than
 * parsing the file, and without holding each index zoom's copy of the layer.
 */
import type Flatbush from 'flatbush';
import type { Feature } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { FID } from '../map/fid';
import { tileBounds } from './density-tile';

/** Options of the layer's tiles; the whole-layer index they stand for used the same. */
export const TILE_OPTIONS = { maxZoom: 14, tolerance: 3, buffer: 64, extent: 4096 } as const;

/** Tiles kept, so panning back and a new filter (density tiles only) do not cut them again. */
const CACHED_TILES = 256;

type VtTile = NonNullable<ReturnType<GeoJSONVT['getTile']>>;

export class DetailTiles {
  private readonly cache = new Map<string, VtTile | null>();

  constructor(
    private readonly features: readonly Feature[],
    private readonly tree: Flatbush,
  ) {}

  /** The tile in geojson-vt's form (for vt-pbf), or null when no feature reaches it. */
  get(z: number, x: number, y: number): VtTile | null {
    const key = `${z}/${x}/${y}`;
    if (this.cache.has(key)) {
      const hit = this.cache.get(key)!;
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const tile = this.cut(z, x, y);
    this.cache.set(key, tile);
    if (this.cache.size > CACHED_TILES) this.cache.delete(this.cache.keys().next().value!);
    return tile;
  }

  private cut(z: number, x: number, y: number): VtTile | null {
    // Twice the buffer: a feature geojson-vt keeps for the tile is never missed at the margin.
    const [w, s, e, n] = tileBounds(z, x, y, (2 * TILE_OPTIONS.buffer) / TILE_OPTIONS.extent);
    const hits = this.tree.search(w, s, e, n).sort((a, b) => a - b);
    if (!hits.length) return null;
    const features = hits.map((i) => ({ type: 'Feature' as const, geometry: this.features[i]!.geometry, properties: { ...this.features[i]!.properties, [FID]: String(i) } }));
    // indexMaxZoom 0: only the root tile is built; getTile clips down the path to z/x/y alone.
    const vt = new GeoJSONVT({ type: 'FeatureCollection', features }, { ...TILE_OPTIONS, indexMaxZoom: 0 });
    const tile = vt.getTile(z, x, y);
    return tile && tile.features.length ? tile : null;
  }
}
