import { buffer } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * The area within `meters` of a feature: turf.buffer, which buffers in an azimuthal equidistant projection
 * centred on the feature (distances from the centre exact; across a district the outline is off by well
 * under a metre). It pulls in jsts, so the app loads this module only when a feature's ring is drawn.
 */
export function featureBuffer(feature: Feature, meters: number): Feature<Polygon | MultiPolygon> | null {
  if (!feature.geometry || !(meters > 0)) return null;
  return buffer(feature, meters, { units: 'meters', steps: 32 }) ?? null;
}
