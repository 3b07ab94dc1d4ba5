import { describe, expect, it } from 'vitest';
import { geodesicDistance, geodesicLength } from '../../../src/analysis/geodesic-length';

describe('geodesicDistance', () => {
  it('matches GeographicLib test GeodSolve74 (s12 = 39.527686385 m)', () => {
    expect(geodesicDistance([15.3872, 54.1589], [15.3877, 54.1591])).toBeCloseTo(39.527686385, 8);
  });

  it('is symmetric and zero for equal points', () => {
    const a = [113.2, 35.15];
    const b = [113.3, 35.21];
    expect(geodesicDistance(a, b)).toBeCloseTo(geodesicDistance(b, a), 9);
    expect(geodesicDistance(a, a)).toBe(0);
  });
});

describe('geodesicLength', () => {
  it('gives the perimeter of GeographicLib Planimeter0 rings (631819.8745 m, 627598.2731 m)', () => {
    const polar = [[0, 89], [90, 89], [180, 89], [270, 89], [0, 89]];
    const diamond = [[-1, 0], [0, -1], [1, 0], [0, 1], [-1, 0]];
    expect(geodesicLength({ type: 'Polygon', coordinates: [polar] })).toBeCloseTo(631819.8745, 3);
    expect(geodesicLength({ type: 'Polygon', coordinates: [diamond] })).toBeCloseTo(627598.2731, 3);
  });

  it('gives the length of the open path (90,0),(0,0),(0,90): 20020719 m', () => {
    expect(geodesicLength({ type: 'LineString', coordinates: [[0, 90], [0, 0], [90, 0]] })).toBeCloseTo(20020719, -1);
  });

  it('sums parts and rings, holes included; points have no length', () => {
    const a = [[113.2, 35.15], [113.3, 35.15]];
    const b = [[113.3, 35.15], [113.3, 35.21]];
    const la = geodesicLength({ type: 'LineString', coordinates: a });
    const lb = geodesicLength({ type: 'LineString', coordinates: b });
    expect(geodesicLength({ type: 'MultiLineString', coordinates: [a, b] })).toBeCloseTo(la + lb, 6);
    expect(geodesicLength({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: a } })).toBe(la);
    const outer = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const hole = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]];
    const withHole = geodesicLength({ type: 'Polygon', coordinates: [outer, hole] });
    expect(withHole).toBeCloseTo(geodesicLength({ type: 'LineString', coordinates: outer }) + geodesicLength({ type: 'LineString', coordinates: hole }), 6);
    expect(geodesicLength({ type: 'MultiPolygon', coordinates: [[outer, hole], [outer]] })).toBeCloseTo(withHole + geodesicLength({ type: 'LineString', coordinates: outer }), 6);
    expect(geodesicLength({ type: 'Point', coordinates: [1, 2] })).toBe(0);
    expect(geodesicLength(null)).toBe(0);
  });
});
