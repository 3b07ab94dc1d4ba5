import type { Feature, FeatureCollection } from 'geojson';

/** Property carrying each feature's stable id into MapLibre (feature-state needs a promoted id). */
export const FID = '__fid';

/** The collection MapLibre gets: same geometry objects, properties plus the stable id. */
export function withFid(data: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: data.features.map(
      (f, i): Feature => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties, [FID]: String(f.id ?? f.properties?.id ?? i) } }),
    ),
  };
}
