/**
 * KML writer (@placemarkio/tokml; no DOM needed, fine in a worker). Nested values become JSON
 * text; null values are left out (KML has no null, tokml would write the word "null").
 */
import { toKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import { prepareFeatures, type GeoJsonExportOptions } from './geojson';

export type KmlExportOptions = Omit<GeoJsonExportOptions, 'pretty'>;

export function exportKml(features: readonly Feature<Geometry | null>[], options: KmlExportOptions = {}): string {
  const prepared = prepareFeatures(features, options).map((f) => ({
    ...f,
    properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([, v]) => v !== null && v !== undefined)),
  }));
  const kml = toKML({ type: 'FeatureCollection', features: prepared });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${kml}`;
}
