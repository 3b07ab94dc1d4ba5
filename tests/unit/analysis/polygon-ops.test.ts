import fc from 'fast-check';
import { difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { differenceAreal, intersectAreal, unionAreal } from '../../../src/analysis/polygon-ops';

// The float sweep (polygon-clipping) must give the areas of turf 7's exact-arithmetic sweep (polyclip-ts),
// the reference the analyses were checked against, on star-shaped polygons with holes and multipolygons.

type Areal = Polygon | MultiPolygon;
const plain = (geometry: Areal): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry });

/** A closed counter-clockwise ring of `n` vertices around (x, y) at radii r·(0.5…1) in degrees. */
function star(x: number, y: number, r: number, radii: readonly number[]): Position[] {
  const ring = radii.map((k, i): Position => {
    const a = (2 * Math.PI * i) / radii.length;
    return [x + r * (0.5 + k / 2) * Math.cos(a), y + r * (0.5 + k / 2) * Math.sin(a) * 0.8];
  });
  return [...ring, ring[0]!];
}

const radiiArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 14 });
const shapeArb = fc.record({
  x: fc.double({ min: 113.2, max: 113.21, noNaN: true }),
  y: fc.double({ min: 35.1, max: 35.11, noNaN: true }),
  r: fc.double({ min: 0.001, max: 0.01, noNaN: true }),
  outer: radiiArb,
  hole: fc.option(radiiArb, { nil: undefined }),
  second: fc.boolean(),
});

function shape(s: { x: number; y: number; r: number; outer: number[]; hole?: number[] | undefined; second: boolean }): Areal {
  const polygon = [star(s.x, s.y, s.r, s.outer), ...(s.hole ? [star(s.x, s.y, s.r * 0.2, s.hole).reverse()] : [])];
  if (!s.second) return { type: 'Polygon', coordinates: polygon };
  return { type: 'MultiPolygon', coordinates: [polygon, [star(s.x + s.r * 3, s.y, s.r * 0.5, s.outer)]] };
}

const areaOf = (g: Areal | null | undefined): number => (g ? geodesicArea(g) : 0);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(1e-3, 1e-9 * Math.max(a, b));

describe('polygon overlay (polygon-clipping) against turf', () => {
  it('intersection, union and difference have the areas turf finds', () => {
    fc.assert(
      fc.property(shapeArb, shapeArb, (sa, sb) => {
        const a = shape(sa);
        const b = shape(sb);
        const turfI = intersect(featureCollection([plain(a), plain(b)]))?.geometry;
        const turfU = union(featureCollection([plain(a), plain(b)]))?.geometry;
        const turfD = difference(featureCollection([plain(a), plain(b)]))?.geometry;
        expect(close(areaOf(intersectAreal(a, b)), areaOf(turfI))).toBe(true);
        expect(close(areaOf(unionAreal([a, b])), areaOf(turfU))).toBe(true);
        expect(close(areaOf(differenceAreal(a, [b])), areaOf(turfD))).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('answers null for disjoint polygons and keeps holes', () => {
    const outer: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], [[0.4, 0.4], [0.4, 0.6], [0.6, 0.6], [0.6, 0.4], [0.4, 0.4]]] };
    const far: Polygon = { type: 'Polygon', coordinates: [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]] };
    const hole: Polygon = { type: 'Polygon', coordinates: [[[0.45, 0.45], [0.55, 0.45], [0.55, 0.55], [0.45, 0.55], [0.45, 0.45]]] };
    expect(intersectAreal(outer, far)).toBeNull();
    expect(intersectAreal(outer, hole)).toBeNull(); // wholly in the hole
    expect(differenceAreal(outer, [outer])).toBeNull();
    expect(unionAreal([])).toBeNull();
    const cut = intersectAreal(outer, { type: 'Polygon', coordinates: [[[0.3, -1], [2, -1], [2, 2], [0.3, 2], [0.3, -1]]] });
    expect(cut?.type).toBe('Polygon');
    expect((cut as Polygon).coordinates).toHaveLength(2); // the part right of x = 0.3, the hole whole inside it
  });
});

describe('when the float sweep gives up', () => {
  it('the same operation is done by turf', async () => {
    vi.resetModules();
    const gaveUp = vi.fn();
    vi.doMock('polygon-clipping', () => {
      const fail = () => {
        gaveUp();
        throw new Error('Unable to complete output ring');
      };
      return { default: { intersection: fail, union: fail, difference: fail, xor: fail } };
    });
    const ops = await import('../../../src/analysis/polygon-ops');
    const a: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
    const b: Polygon = { type: 'Polygon', coordinates: [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]] };
    const turfI = intersect(featureCollection([plain(a), plain(b)]))!.geometry;
    expect(areaOf(ops.intersectAreal(a, b))).toBeCloseTo(areaOf(turfI), 3);
    expect(areaOf(ops.unionAreal([a, b]))).toBeCloseTo(areaOf(union(featureCollection([plain(a), plain(b)]))!.geometry), 3);
    expect(areaOf(ops.differenceAreal(a, [b]))).toBeCloseTo(areaOf(difference(featureCollection([plain(a), plain(b)]))!.geometry), 3);
    expect(gaveUp).toHaveBeenCalledTimes(3);
    vi.doUnmock('polygon-clipping');
  });
});
