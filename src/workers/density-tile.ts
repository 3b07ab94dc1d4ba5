/**
 * Where a vector tile of a big layer would hold too many features to read (and to encode quickly: the
 * district's 200 000 parcels fall into one tile below zoom 11), it holds a density grid instead: square
 * cells carrying how many features have their centre in them. MapLibre draws the cells shaded by count,
 * and the legend says what they are.
 */
import type Flatbush from 'flatbush';
import { DENSITY_FIELD, DENSITY_MATCHED_FIELD } from '../map/big-layer';

/** A zoom where some tile holds more features than this is drawn as density (an 8 000-parcel tile encodes in ≈ 60 ms). */
export const DENSITY_LIMIT = 8_000;
/** Cells per tile side: 32 cells of 16 px on a 512 px tile. */
export const DENSITY_GRID = 32;

const EXTENT = 4096;

/** A tile in the shape geojson-vt gives vt-pbf: integer coordinates on a 4096 grid. */
export interface VtTile {
  features: { type: 3; geometry: [number, number][][]; tags: Record<string, number> }[];
}

/**
 * The first zoom at which no tile holds more than `limit` features (at most `maxZoom`), each feature counted in the
 * tile of its box centre. Below it the whole layer is drawn as density, so one zoom never mixes density
 * and single features at a tile edge.
 * @example detailZoom(index.tree) // 13 for 200 000 parcels over the district
 */
export function detailZoom(tree: Flatbush, limit = DENSITY_LIMIT, maxZoom = 14): number {
  const xs: number[] = [];
  const ys: number[] = [];
  tree.search(-Infinity, -Infinity, Infinity, Infinity, (_i, x0, y0, x1, y1) => {
    const cx = (x0 + x1) / 2;
    const sin = Math.min(0.9999, Math.max(-0.9999, Math.sin((((y0 + y1) / 2) * Math.PI) / 180)));
    xs.push((cx + 180) / 360);
    ys.push(0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
    return false;
  });
  const worstAt = (z: number) => {
    const n = 2 ** z;
    const perTile = new Map<number, number>();
    let worst = 0;
    for (let i = 0; i < xs.length; i++) {
      const key = Math.floor(xs[i]! * n) * n + Math.floor(ys[i]! * n);
      const c = (perTile.get(key) ?? 0) + 1;
      perTile.set(key, c);
      if (c > worst) worst = c;
    }
    return worst;
  };
  // A tile's count never grows with the zoom (its children share its features), so a binary search finds
  // the first zoom under the limit in 4 passes over the boxes, not 15.
  let lo = 0;
  let hi = maxZoom + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (worstAt(mid) <= limit) hi = mid;
    else lo = mid + 1;
  }
  // None under the limit (lo = maxZoom + 1): features are drawn at the deepest tile zoom all the same,
  // however crowded, so density is never all there is.
  return Math.min(lo, maxZoom);
}

/** West, south, east, north (degrees) of tile z/x/y, grown by `margin` of the tile's side on every side. */
export function tileBounds(z: number, x: number, y: number, margin = 0): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x - margin), lat(y + 1 + margin), lon(x + 1 + margin), lat(y - margin)];
}

/**
 * The density grid of tile z/x/y over features boxed in `tree` (empty cells left out), or null when the
 * tile holds at most `limit` features (pass 0 to always get the grid). With a filter `mask` (1 per feature
 * passing), each cell also counts the features that pass.
 * @example densityTile(index.tree, 10, 836, 407) // { features: [{ type: 3, geometry: [[…]], tags: { __density: 412 } }, …] }
 */
export function densityTile(tree: Flatbush, z: number, x: number, y: number, limit = DENSITY_LIMIT, mask?: Uint8Array): VtTile | null {
  const [w, s, e, n] = tileBounds(z, x, y);
  const counts = new Uint32Array(DENSITY_GRID * DENSITY_GRID);
  const matched = mask ? new Uint32Array(DENSITY_GRID * DENSITY_GRID) : null;
  const scale = 2 ** z;
  let total = 0;
  // Counted inside the tree's walk (its callback sees each box): no list of 200 000 hits is built.
  tree.search(w, s, e, n, (i, x0, y0, x1, y1) => {
    total++;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    if (cx < w || cx >= e || cy <= s || cy > n) return false;
    // The box's centre in this tile's Mercator units (0…1 across it).
    const mx = ((cx + 180) / 360) * scale - x;
    const sin = Math.sin((cy * Math.PI) / 180);
    const my = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale - y;
    const col = Math.min(DENSITY_GRID - 1, Math.max(0, Math.floor(mx * DENSITY_GRID)));
    const row = Math.min(DENSITY_GRID - 1, Math.max(0, Math.floor(my * DENSITY_GRID)));
    counts[row * DENSITY_GRID + col]!++;
    if (matched && mask![i]) matched[row * DENSITY_GRID + col]!++;
    return false;
  });
  if (total <= limit) return null;
  const cell = EXTENT / DENSITY_GRID;
  const features: VtTile['features'] = [];
  for (let k = 0; k < counts.length; k++) {
    if (!counts[k]) continue;
    const x0 = (k % DENSITY_GRID) * cell;
    const y0 = Math.floor(k / DENSITY_GRID) * cell;
    features.push({ type: 3, geometry: [[[x0, y0], [x0 + cell, y0], [x0 + cell, y0 + cell], [x0, y0 + cell], [x0, y0]]], tags: matched ? { [DENSITY_FIELD]: counts[k]!, [DENSITY_MATCHED_FIELD]: matched[k]! } : { [DENSITY_FIELD]: counts[k]! } });
  }
  return { features };
}
