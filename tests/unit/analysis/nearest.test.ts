import fc from 'fast-check';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFeatureIndex, type FeatureIndex } from '../../../src/analysis/feature-index';
import { geodesicDistance } from '../../../src/analysis/geodesic-length';
import { distanceToFeature, nearestFeatures, withinRadius, type NearestResult } from '../../../src/analysis/nearest';
import { featureArb, makeFeature } from './random-features';

/** Brute force: exact distance to every feature, sorted by distance then index. */
function bruteForce(index: FeatureIndex, point: Position): NearestResult[] {
  const all: NearestResult[] = [];
  for (let i = 0; i < index.count; i++) {
    if (index.featurePart[i] === index.featurePart[i + 1]) continue;
    all.push({ index: i, distanceMeters: distanceToFeature(index, i, point) });
  }
  return all.sort((a, b) => a.distanceMeters - b.distanceMeters || a.index - b.index);
}

const queryArb = fc.tuple(fc.double({ min: 112.95, max: 113.45, noNaN: true }), fc.double({ min: 34.95, max: 35.35, noNaN: true }));

describe('nearestFeatures / withinRadius vs brute force', () => {
  it('nearestFeatures gives the same ordered ids and distances', () => {
    fc.assert(
      fc.property(fc.array(featureArb, { minLength: 1, maxLength: 120 }), queryArb, fc.integer({ min: 1, max: 12 }), (fs, q, n) => {
        const index = buildFeatureIndex(fs.map(makeFeature));
        expect(nearestFeatures(index, q, n)).toEqual(bruteForce(index, q).slice(0, n));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('withinRadius gives the same ordered ids and distances', () => {
    fc.assert(
      fc.property(fc.array(featureArb, { minLength: 1, maxLength: 120 }), queryArb, fc.double({ min: 0, max: 20000, noNaN: true }), (fs, q, r) => {
        const index = buildFeatureIndex(fs.map(makeFeature));
        expect(withinRadius(index, q, r)).toEqual(bruteForce(index, q).filter((d) => d.distanceMeters <= r));
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('respects maxDistanceMeters and returns everything when n exceeds the count', () => {
    const index = buildFeatureIndex([makeFeature({ kind: 'point', x: 113, y: 35, dx: 0, dy: 0 }), makeFeature({ kind: 'point', x: 113.01, y: 35, dx: 0, dy: 0 })]);
    expect(nearestFeatures(index, [113, 35], 5).map((r) => r.index)).toEqual([0, 1]);
    expect(nearestFeatures(index, [113, 35], 5, { maxDistanceMeters: 500 }).map((r) => r.index)).toEqual([0]);
    expect(nearestFeatures(index, [113, 35], 0)).toEqual([]);
  });
});

describe('distanceToFeature', () => {
  const index = buildFeatureIndex([
    makeFeature({ kind: 'point', x: 113.2, y: 35.2, dx: 0, dy: 0 }),
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[113, 35], [113.1, 35], [113.1, 35.1], [113, 35.1], [113, 35]], [[113.04, 35.04], [113.06, 35.04], [113.06, 35.06], [113.04, 35.06], [113.04, 35.04]]] } },
    { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[113.3, 35], [113.3, 35.1]] } },
  ]);

  it('is the geodesic distance for points', () => {
    expect(distanceToFeature(index, 0, [113.21, 35.21])).toBe(geodesicDistance([113.21, 35.21], [113.2, 35.2]));
  });

  it('is 0 inside a polygon or on its boundary, positive in its hole', () => {
    expect(distanceToFeature(index, 1, [113.02, 35.02])).toBe(0);
    expect(distanceToFeature(index, 1, [113.1, 35.05])).toBe(0);
    expect(distanceToFeature(index, 1, [113.05, 35.05])).toBeCloseTo(geodesicDistance([113.05, 35.05], [113.04, 35.05]), 0); // nearest: the west side
  });

  it('measures to the nearest point of a segment, not a vertex', () => {
    // due east of the line's middle: the foot of the perpendicular is close to (113.3, 35.05)
    const d = distanceToFeature(index, 2, [113.31, 35.05]);
    expect(d).toBeCloseTo(geodesicDistance([113.31, 35.05], [113.3, 35.05]), 0);
    expect(d).toBeLessThan(geodesicDistance([113.31, 35.05], [113.3, 35.1]));
  });
});
