import type { Map as MlMap, Point, PointLike } from 'maplibre-gl';
import type { FeatureRef } from '../state/selection-slice';
import { FID } from './fid';
import { styleLayerId } from './layer-specs';

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
