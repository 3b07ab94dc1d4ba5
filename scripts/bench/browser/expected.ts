/** What the Yangmiao filter must count on the parcel file, computed in Node with the app's own index and filter. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { filterByZone } from '../../../src/analysis/zone-filter';
import { parseJsonBytes } from '../../../src/io/import/geojson-batches';

export function expectedYangmiaoCount(root: string, parcelsFile: string): { matched: number; total: number } {
  const townships = JSON.parse(readFileSync(join(root, 'geodata', 'townships.geojson'), 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] };
  const zone = townships.features.find((f) => f.properties?.['id'] === 'tw-yangmiao');
  if (!zone) throw new Error('tw-yangmiao not in geodata/townships.geojson');
  // 1 000 000 parcels are past V8's longest string: read as the app reads them, in batches.
  const features = (parseJsonBytes(new Uint8Array(readFileSync(parcelsFile))) as { features: Feature[] }).features;
  return { matched: filterByZone(buildFeatureIndex(features), zone.geometry, 'intersects').length, total: features.length };
}
