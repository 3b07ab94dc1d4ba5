import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildFeatureIndex, type FeatureIndex } from '../analysis/feature-index';
import { filterByZone } from '../analysis/zone-filter';
import { sortOrder } from '../analysis/sort-order';
import { isEmptyFilter, layerFields, matchesAttributes, type AttributeFilter } from '../domain/attribute-filter';
import { geometryKindOf } from '../domain/geometry-kind';
import type { GeometryKind } from '../domain/layers';
import { bboxOf } from '../io/coords';
import vtpbf from 'vt-pbf';
import { BIG_TILE_LAYER, BIG_TILE_PROTOCOL } from '../map/big-layer';
import { densityTile, detailZoom } from './density-tile';
import { DetailTiles } from './detail-tile';
import { landUseSymbology } from '../domain/landuse-style';
import type { LayerStyle } from '../domain/styles';
import { bigZoneStats, type BigZoneStats } from './big-zone-stats';
import { searchBig, type BigSearchHit } from './big-search';
import { bigProximity, type BigProximityAnswer, type BigProximityQuestion } from './big-proximity';
import { landUseBalance } from '../analysis/landuse-balance';
import { toWire, type LandUseBalanceWire } from '../analysis/landuse-balance-wire';
import { valueCounts, type ValueCounts } from '../domain/value-counts';

/** Layers this large stay in the worker: the page gets counts, ids and a URL for MapLibre, not the features. */
export const BIG_LAYER_FEATURES = 20_000;

export interface BigLayerInfo {
  key: string;
  count: number;
  bbox: [number, number, number, number] | null;
  geometry: GeometryKind;
  /** Vector tiles of the layer are served from this worker under this key (`__fid` = feature position). */
  url: string;
  fields: string[];
  /** The national land-use symbology when the layer carries YDYHFLDM / DLBM (found where the features are). */
  landUse?: { style: LayerStyle; unknown: { code: string; name: string; count: number }[] };
}

interface Held {
  features: Feature[];
  index: FeatureIndex;
  fields: Set<string>;
  tiles: DetailTiles;
  /** Zooms below this are drawn as density (found on the first tile asked for). */
  detailZoom?: number;
  /** Recent filter results, 1 per passing feature, by the id the page puts in tile addresses. */
  masks: Map<number, Uint8Array>;
}

/** Filter masks kept per layer: the current one and a few the map may still be loading tiles for. */
const MASKS_KEPT = 4;
let maskCounter = 0;

const held = new Map<string, Held>();
let counter = 0;

/** Takes ownership of a big layer's features: indexes them and writes the GeoJSON MapLibre will load. */
export function holdBigLayer(features: Feature[]): BigLayerInfo {
  const key = `big-${++counter}`;
  const index = buildFeatureIndex(features);
  const fields = layerFields(features);
  // Vector tiles are cut here, so MapLibre only ever receives small encoded tiles, never the whole layer.
  const tiles = new DetailTiles(features, index.tree);
  held.set(key, { features, index, fields, tiles, masks: new Map() });
  const landUse = landUseSymbology(features);
  return { key, count: features.length, bbox: bboxOf(features.map((f) => f.geometry)) ?? null, geometry: geometryKindOf(features), url: `${BIG_TILE_PROTOCOL}://${key}/{z}/{x}/{y}`, fields: [...fields], ...(landUse ? { landUse: { style: landUse.style, unknown: landUse.unknown } } : {}) };
}

/** Positions of all features of a big layer in the order of one column (missing values last). */
export function sortBigLayer(key: string, field: string, dir: 1 | -1): Uint32Array {
  const features = held.get(key)?.features ?? [];
  return sortOrder(features.length, (i) => features[i]!.properties?.[field], dir);
}

/**
 * One vector tile (MVT bytes) of a big layer: its features, or their density where too many (counting
 * those passing the filter of `maskId` too); empty when it holds nothing.
 */
export function bigTile(key: string, z: number, x: number, y: number, maskId?: number): Uint8Array {
  const h = held.get(key);
  if (!h) return new Uint8Array(0);
  h.detailZoom ??= detailZoom(h.index.tree);
  const density = z < h.detailZoom ? densityTile(h.index.tree, z, x, y, 0, maskId === undefined ? undefined : h.masks.get(maskId)) : null;
  if (density) return vtpbf.fromGeojsonVt({ [BIG_TILE_LAYER]: density }, { version: 2 });
  const tile = h.tiles.get(z, x, y);
  if (!tile) return new Uint8Array(0);
  return vtpbf.fromGeojsonVt({ [BIG_TILE_LAYER]: tile }, { version: 2 });
}

/**
 * Positions of the features passing a zone, attribute and expression filter, the investment they carry, and the id of
 * the filter's mask, which tile addresses name so density cells count what passes.
 */
export function filterBigLayer(
  key: string,
  zone: Polygon | MultiPolygon | null,
  predicate: 'intersects' | 'within',
  attr: AttributeFilter,
  test?: (f: Feature) => boolean,
): { matched: Uint32Array; investmentCny: number; maskId: number } {
  const h = held.get(key);
  if (!h) return { matched: new Uint32Array(0), investmentCny: 0, maskId: 0 };
  const candidates = zone ? filterByZone(h.index, zone, predicate) : h.features.map((_, i) => i);
  const empty = isEmptyFilter(attr);
  const out: number[] = [];
  let investmentCny = 0;
  for (const i of candidates) {
    const p = h.features[i]!.properties;
    if (!empty && !matchesAttributes(p, attr, h.fields)) continue;
    if (test && !test(h.features[i]!)) continue;
    out.push(i);
    const v = p?.investment_cny;
    if (typeof v === 'number' && Number.isFinite(v)) investmentCny += v;
  }
  const mask = new Uint8Array(h.features.length);
  for (const i of out) mask[i] = 1;
  const maskId = ++maskCounter;
  h.masks.set(maskId, mask);
  for (const old of h.masks.keys()) if (h.masks.size > MASKS_KEPT) h.masks.delete(old);
  return { matched: Uint32Array.from(out), investmentCny, maskId };
}

export function bigFeature(key: string, i: number): Feature | null {
  return held.get(key)?.features[i] ?? null;
}

export function bigFeatures(key: string, indices: readonly number[] | null): Feature[] {
  const h = held.get(key);
  if (!h) return [];
  return indices ? indices.map((i) => h.features[i]).filter((f): f is Feature => f !== undefined) : h.features;
}

/** Positions of the features intersecting a polygon (box and lasso selection). */
export function bigInPolygon(key: string, polygon: Polygon): Uint32Array {
  const h = held.get(key);
  return h ? Uint32Array.from(filterByZone(h.index, polygon, 'intersects')) : new Uint32Array(0);
}

/** Zone statistics of a big layer (see big-zone-stats.ts); empty when the layer is gone. */
export function zoneStatsBigLayer(key: string, zones: readonly (Polygon | MultiPolygon)[]): BigZoneStats {
  const h = held.get(key);
  if (!h) return { ids: zones.map(() => new Uint32Array(0)), areaM2: new Float64Array(zones.length), investmentCny: new Float64Array(zones.length) };
  return bigZoneStats(h.features, h.index, zones);
}

/** Features of a big layer whose name matches `query` (see big-search.ts). */
export function searchBigLayer(key: string, layerId: string, query: string, limit: number): BigSearchHit[] {
  const h = held.get(key);
  return h ? searchBig(h.features, h.index, layerId, query, limit) : [];
}

/** Proximity over a big layer (see big-proximity.ts); null when the layer is gone or the origin has no geometry. */
export function proximityBigLayer(key: string, q: BigProximityQuestion): BigProximityAnswer | null {
  const h = held.get(key);
  return h ? bigProximity(h.features, h.index, q) : null;
}

/** 用地平衡表 of a big layer, inside `zone` when given (see landUseBalance); null when the layer is gone. */
export function balanceBigLayer(key: string, zone: Polygon | MultiPolygon | null): LandUseBalanceWire | null {
  const h = held.get(key);
  return h ? toWire(landUseBalance(h.features, zone, { index: h.index })) : null;
}

/** The most frequent values of a field of a big layer (see valueCounts), for colouring by it. */
export function valueCountsBigLayer(key: string, field: string, limit: number): ValueCounts | null {
  const h = held.get(key);
  return h ? valueCounts(h.features, field, limit) : null;
}

/** The big layer's features and index, for the worker's own long-running analyses (big-compliance.ts). */
export function bigLayerHeld(key: string): { features: readonly Feature[]; index: FeatureIndex } | null {
  const h = held.get(key);
  return h ? { features: h.features, index: h.index } : null;
}

export function dropBigLayer(key: string): void {
  held.delete(key);
}
