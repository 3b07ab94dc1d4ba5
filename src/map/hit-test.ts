import type { Map as MlMap, Point, PointLike } from 'maplibre-gl';
import type { FeatureRef } from '../state/selection-slice';
import { FID } from './fid';
import { styleLayerId } from './layer-specs';

/** A feature of a service's vector tiles under a click: its layer and its attributes as text. */
export interface TileHit {
  layerId: string;
  properties: Record<string, string>;
}

/**
 * The topmost feature of the given atlas layers within 3 px of a screen point (a forgiving target for
 * thin lines and small points); labels do not count.
 */
export function featureAt(map: MlMap, point: Point, layerIds: readonly string[]): FeatureRef | null {
  const styleIds = layerIds.flatMap((id) => (['fill', 'line', 'circle'] as const).map((p) => styleLayerId(id, p))).filter((id) => map.getLayer(id));
  if (styleIds.length === 0) return null;
  const box: [PointLike, PointLike] = [
    [point.x - 3, point.y - 3],
    [point.x + 3, point.y + 3],
  ];
  const hit = map.queryRenderedFeatures(box, { layers: styleIds })[0];
  return hit ? { layerId: hit.layer.id.split('::')[0]!, featureId: String(hit.properties[FID]) } : null;
}

/** Attributes of the features of vector tile layers within 3 px of a point, top-most layer first (20 at most). */
export function tileFeaturesAt(map: MlMap, point: Point, layerIds: readonly string[]): TileHit[] {
  const styleIds = layerIds.flatMap((id) => (['fill', 'line', 'circle'] as const).map((p) => styleLayerId(id, p))).filter((id) => map.getLayer(id));
  if (styleIds.length === 0) return [];
  const box: [PointLike, PointLike] = [
    [point.x - 3, point.y - 3],
    [point.x + 3, point.y + 3],
  ];
  const seen = new Set<string>();
  const hits: TileHit[] = [];
  for (const f of map.queryRenderedFeatures(box, { layers: styleIds })) {
    const layerId = f.layer.id.split('::')[0]!;
    const properties = Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    // A polygon is hit by its fill and its outline, and a feature cut by tile edges once per tile.
    const key = `${layerId}\u0000${JSON.stringify(properties)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ layerId, properties });
    if (hits.length === 20) break;
  }
  return hits;
}
