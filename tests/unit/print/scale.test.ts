import { Geodesic } from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { groundMetresPerCssPx, roundScale, scaleAtZoom, scaleBar, zoomForScale } from '../../../src/print/scale';
import { mercator, unmercator } from '../../../src/print/extent';

// The printed scale, checked against GeographicLib: at 1:10 000, 1 cm of paper spans 100 m of ground.

const geod = Geodesic.WGS84;
const CSS_PX_PER_CM = 96 / 2.54;

/** Ground distance (GeographicLib) across `px` CSS pixels of a map at `zoom`, east–west or north–south. */
function groundAcross(lng: number, lat: number, zoom: number, px: number, axis: 'x' | 'y'): number {
  const [x, y] = mercator(lng, lat);
  const d = px / (512 * 2 ** zoom) / 2;
  const [a, b] = axis === 'x' ? [unmercator(x - d, y), unmercator(x + d, y)] : [unmercator(x, y - d), unmercator(x, y + d)];
  return geod.Inverse(a[1], a[0], b[1], b[0]).s12!;
}

describe('scale on paper', () => {
  for (const lat of [18, 25, 30, 35.2, 40, 45, 54]) {
    it(`at ${lat}°N, 1 cm at 1:10 000 is 100 m east–west (GeographicLib), within 0.7 % north–south (the radius of curvature there is M, not N)`, () => {
      const zoom = zoomForScale(10000, lat);
      const ew = groundAcross(113.2, lat, zoom, CSS_PX_PER_CM, 'x');
      const ns = groundAcross(113.2, lat, zoom, CSS_PX_PER_CM, 'y');
      expect(Math.abs(ew - 100) / 100).toBeLessThan(1e-4);
      expect(Math.abs(ns - 100) / 100).toBeLessThan(0.007);
      expect(scaleAtZoom(zoom, lat)).toBeCloseTo(10000, 6);
    });
  }

  it('ground per pixel halves with each zoom level', () => {
    expect(groundMetresPerCssPx(14, 35) / groundMetresPerCssPx(15, 35)).toBeCloseTo(2, 12);
  });

  it('scale bars are 1, 2 or 5 × 10ⁿ metres and fit the room', () => {
    expect(scaleBar(10000, 50)).toMatchObject({ metres: 500, mm: 50 });
    expect(scaleBar(10000, 49)).toMatchObject({ metres: 200, mm: 20 });
    expect(scaleBar(69860, 60).metres).toBe(2000);
    for (const s of [1234, 5000, 25000, 123456, 1e6]) {
      const b = scaleBar(s, 40);
      expect(b.mm).toBeLessThanOrEqual(40);
      expect(b.mm).toBeGreaterThan(40 / 2.5 - 1e-9);
      expect([1, 2, 5]).toContain(b.metres / 10 ** Math.floor(Math.log10(b.metres)));
    }
  });

  it('rounds a denominator for display', () => {
    expect(roundScale(69861.4)).toBe(69900);
    expect(roundScale(512.4)).toBe(512);
  });
});
