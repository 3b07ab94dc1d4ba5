import fc from 'fast-check';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { nearestToFeature, withinDistanceOfFeature } from '../../../src/analysis/feature-distance';
import { nearestFeatures, withinRadius } from '../../../src/analysis/nearest';
import { bigProximity } from '../../../src/workers/big-proximity';
import { featureArb, makeFeature } from '../analysis/random-features';

const pointArb = fc.tuple(fc.double({ min: 113, max: 113.4, noNaN: true }), fc.double({ min: 35, max: 35.3, noNaN: true }));

// The worker answers with the page's own functions: the same features, distances and order.
describe('proximity over a big layer, in its worker', () => {
  it('from a point: the nearest N and all within a radius, as on the page', () => {
    fc.assert(
      fc.property(fc.array(featureArb, { minLength: 1, maxLength: 80 }), pointArb, fc.integer({ min: 1, max: 8 }), (items, p, n) => {
        const features = items.map(makeFeature);
        const index = buildFeatureIndex(features);
        const near = bigProximity(features, index, { origin: { point: p }, mode: 'nearest', n, radiusMeters: 0, limit: 500 })!;
        expect(near.rows.map((r) => [r.index, r.distanceMeters])).toEqual(nearestFeatures(index, p, n).map((r) => [r.index, r.distanceMeters]));
        const within = bigProximity(features, index, { origin: { point: p }, mode: 'radius', n: 0, radiusMeters: 3000, limit: 3 })!;
        const all = withinRadius(index, p, 3000);
        expect(within.total).toBe(all.length);
        expect(within.rows.map((r) => r.index)).toEqual(all.slice(0, 3).map((r) => r.index));
      }),
      { numRuns: 40 },
    );
  });

  it('from a feature of the layer itself: from its whole geometry, never listing it', () => {
    fc.assert(
      fc.property(fc.array(featureArb, { minLength: 2, maxLength: 60 }), fc.nat(), (items, k) => {
        const features: Feature[] = items.map(makeFeature);
        const self = k % features.length;
        const index = buildFeatureIndex(features);
        const origin = buildFeatureIndex([features[self]!]);
        const near = bigProximity(features, index, { origin: { feature: features[self]! }, mode: 'nearest', n: 3, radiusMeters: 0, self, limit: 500 })!;
        const expected = (features[self]!.geometry.type === 'Point' ? nearestFeatures(index, (features[self]!.geometry as { coordinates: number[] }).coordinates, 4) : nearestToFeature(index, origin, 0, 4))
          .filter((r) => r.index !== self)
          .slice(0, 3);
        expect(near.rows.map((r) => r.index)).toEqual(expected.map((r) => r.index));
        const within = bigProximity(features, index, { origin: { feature: features[self]! }, mode: 'radius', n: 0, radiusMeters: 1000, self, limit: 500 })!;
        if (features[self]!.geometry.type !== 'Point') expect(within.rows.map((r) => r.index)).toEqual(withinDistanceOfFeature(index, origin, 0, 1000).filter((r) => r.index !== self).map((r) => r.index));
      }),
      { numRuns: 40 },
    );
  });
});
