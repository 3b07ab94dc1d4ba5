import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { buildSnapIndex, snapPoint } from '../../../src/edit/snap';

// 1 degree = 1000 px, y down, as a map would project a small area.
const toScreen = ([lon, lat]: [number, number]) => ({ x: lon * 1000, y: -lat * 1000 });
const near = (x: number, y: number, tol: number): [number, number, number, number] => [(x - tol) / 1000, -(y + tol) / 1000, (x + tol) / 1000, -(y - tol) / 1000];
const square: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0.1234567, 0.5], [0.2, 0.5], [0.2, 0.6], [0.1234567, 0.6], [0.1234567, 0.5]]] } };

describe('snapping', () => {
  const index = buildSnapIndex([square]);

  it('a vertex within tolerance gives its own coordinates, exactly', () => {
    const p = { x: 123.4567 + 4, y: -500 - 3 };
    expect(snapPoint(index, p, near(p.x, p.y, 10), toScreen, 10)).toEqual([0.1234567, 0.5]);
  });

  it('near an edge only: the nearest point of the edge', () => {
    const p = { x: 160, y: -500 - 6 };
    const s = snapPoint(index, p, near(p.x, p.y, 10), toScreen, 10)!;
    expect(s[1]).toBe(0.5);
    expect(s[0]).toBeCloseTo(0.16, 12);
  });

  it('nothing within tolerance: no snap', () => {
    const p = { x: 160, y: -530 };
    expect(snapPoint(index, p, near(p.x, p.y, 10), toScreen, 10)).toBeUndefined();
    expect(snapPoint(buildSnapIndex([]), p, near(p.x, p.y, 10), toScreen, 10)).toBeUndefined();
  });

  it('points snap too', () => {
    const pts = buildSnapIndex([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0.3, 0.3] } }]);
    expect(snapPoint(pts, { x: 302, y: -301 }, near(302, -301, 5), toScreen, 5)).toEqual([0.3, 0.3]);
  });
});
