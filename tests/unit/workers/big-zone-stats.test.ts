import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { zoneStatistics } from '../../../src/analysis/zone-stats';
import { bigZoneStats } from '../../../src/workers/big-zone-stats';
import { featureArb, makeFeature } from '../analysis/random-features';

const townships = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../geodata/townships.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const zones = townships.features.map((f) => ({ id: String(f.id), name_zh: '', name_en: '', geometry: f.geometry }));

// The worker's figures must be the page's: same features per zone, same sums.
describe('zone statistics of a big layer, in the worker', () => {
  it('counts and lists the same features per township as the page, with their area and investment', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(featureArb, fc.option(fc.integer({ min: 0, max: 1e9 }))), { minLength: 1, maxLength: 120 }), (items) => {
        const features: Feature[] = items.map(([a, money], i) => ({ ...makeFeature(a), id: String(i), properties: money === null ? {} : { investment_cny: money } }));
        const page = zoneStatistics(zones, [{ layerId: 'big', features }]);
        const worker = bigZoneStats(features, buildFeatureIndex(features), zones.map((z) => z.geometry));
        page.forEach((row, z) => {
          const ids = Array.from(worker.ids[z]!, String);
          expect(ids).toEqual(row.featureIds.big);
          const area = ids.reduce((s, i) => s + (features[Number(i)]!.geometry.type === 'Polygon' ? geodesicArea(features[Number(i)]!.geometry as Polygon) : 0), 0);
          expect(worker.areaM2[z]).toBeCloseTo(area, 6);
          const money = ids.reduce((s, i) => s + Number(features[Number(i)]!.properties?.investment_cny ?? 0), 0);
          expect(worker.investmentCny[z]).toBe(money);
        });
      }),
      { numRuns: 40 },
    );
  });
});
