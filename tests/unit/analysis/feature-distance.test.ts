import fc from 'fast-check';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFeatureIndex, type FeatureIndex } from '../../../src/analysis/feature-index';
import { distanceBetweenFeatures, nearestToFeature, withinDistanceOfFeature } from '../../../src/analysis/feature-distance';
import type { NearestResult } from '../../../src/analysis/nearest';
import { WGS84 } from '../../../src/analysis/wgs84';
import { featureArb, makeFeature } from './random-features';

const f = (geometry: Geometry): Feature => ({ type: 'Feature', properties: {}, geometry });
const square = (x: number, y: number, d: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

/** Every point of a geometry's edges, ~`step` degrees apart (edges are straight in lon/lat, as the app draws them). */
function densify(g: Geometry, step: number): Position[] {
  const out: Position[] = [];
  const path = (p: Position[]) => {
    for (let i = 1; i < p.length; i++) {
      const [ax, ay] = p[i - 1] as [number, number];
      const [bx, by] = p[i] as [number, number];
      const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
      for (let k = 0; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
    }
    if (p.length === 1) out.push(p[0]!);
  };
  if (g.type === 'Point') out.push(g.coordinates);
  else if (g.type === 'LineString') path(g.coordinates);
  else if (g.type === 'Polygon') g.coordinates.forEach(path);
  return out;
}

const inverse = (p: Position, q: Position) => WGS84.Inverse(p[1]!, p[0]!, q[1]!, q[0]!).s12!;

function closestPair(pa: Position[], pb: Position[]): [number, Position, Position] {
  let best: [number, Position, Position] = [Infinity, pa[0]!, pb[0]!];
  for (const p of pa) for (const q of pb) {
    const d = inverse(p, q);
    if (d < best[0]) best = [d, p, q];
  }
  return best;
}

/**
 * Independent reference: least GeographicLib Inverse distance between the outlines, sampled every ~10 m,
 * then every ~0.2 m within 15 m of the closest coarse pair.
 */
function reference(a: Geometry, b: Geometry): number {
  const [, ca, cb] = closestPair(densify(a, 1e-4), densify(b, 1e-4));
  const near = (c: Position) => (p: Position) => Math.abs(p[0]! - c[0]!) < 1.5e-4 && Math.abs(p[1]! - c[1]!) < 1.5e-4;
  return closestPair(densify(a, 2e-6).filter(near(ca)), densify(b, 2e-6).filter(near(cb)))[0];
}

const one = (g: Geometry) => buildFeatureIndex([f(g)]);

describe('distanceBetweenFeatures', () => {
  it('agrees with densified GeographicLib distances for disjoint points, lines and polygons', () => {
    const site = square(113.3, 35.17, 0.004);
    const cases: Geometry[] = [
      { type: 'Point', coordinates: [113.31, 35.172] },
      { type: 'LineString', coordinates: [[113.299, 35.18], [113.305, 35.176]] },
      square(113.306, 35.176, 0.002),
      { type: 'Polygon', coordinates: [[[113.295, 35.16], [113.299, 35.165], [113.294, 35.166], [113.295, 35.16]]] },
    ];
    for (const other of cases) {
      const d = distanceBetweenFeatures(one(site), 0, one(other), 0);
      expect(d).toBeGreaterThan(50);
      expect(Math.abs(d - reference(site, other)), other.type).toBeLessThan(0.05);
      // symmetric
      expect(distanceBetweenFeatures(one(other), 0, one(site), 0)).toBeCloseTo(d, 6);
    }
  });

  it('is 0 when one lies inside the other, when they touch, and when edges cross with no vertex inside', () => {
    const big = square(113.3, 35.17, 0.01);
    expect(distanceBetweenFeatures(one(big), 0, one(square(113.302, 35.172, 0.001)), 0)).toBe(0);
    expect(distanceBetweenFeatures(one(square(113.302, 35.172, 0.001)), 0, one(big), 0)).toBe(0);
    expect(distanceBetweenFeatures(one(big), 0, one({ type: 'Point', coordinates: [113.305, 35.175] }), 0)).toBe(0);
    expect(distanceBetweenFeatures(one(big), 0, one(square(113.31, 35.172, 0.001)), 0)).toBeLessThan(1e-6);
    // a plus sign: two thin bars, each vertex outside the other bar
    const bar1: Geometry = { type: 'Polygon', coordinates: [[[113.3, 35.174], [113.31, 35.174], [113.31, 35.176], [113.3, 35.176], [113.3, 35.174]]] };
    const bar2: Geometry = { type: 'Polygon', coordinates: [[[113.304, 35.17], [113.306, 35.17], [113.306, 35.18], [113.304, 35.18], [113.304, 35.17]]] };
    expect(distanceBetweenFeatures(one(bar1), 0, one(bar2), 0)).toBe(0);
    const line: Geometry = { type: 'LineString', coordinates: [[113.305, 35.16], [113.305, 35.19]] };
    expect(distanceBetweenFeatures(one(bar1), 0, one(line), 0)).toBe(0);
  });
});

function bruteForce(index: FeatureIndex, origin: FeatureIndex): NearestResult[] {
  const all: NearestResult[] = [];
  for (let i = 0; i < index.count; i++) all.push({ index: i, distanceMeters: distanceBetweenFeatures(origin, 0, index, i) });
  return all.sort((a, b) => a.distanceMeters - b.distanceMeters || a.index - b.index);
}

describe('withinDistanceOfFeature / nearestToFeature vs brute force', () => {
  it('find exactly the features a full scan finds, in the same order', () => {
    fc.assert(
      fc.property(fc.array(featureArb, { minLength: 1, maxLength: 80 }), featureArb, fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 20_000, noNaN: true }), (fs, o, n, r) => {
        const index = buildFeatureIndex(fs.map(makeFeature));
        const origin = buildFeatureIndex([makeFeature(o)]);
        const all = bruteForce(index, origin);
        expect(withinDistanceOfFeature(index, origin, 0, r)).toEqual(all.filter((x) => x.distanceMeters <= r));
        expect(nearestToFeature(index, origin, 0, n)).toEqual(all.slice(0, n));
      }),
      { numRuns: 150 },
    );
  });
});
